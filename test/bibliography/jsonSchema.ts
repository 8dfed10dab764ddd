// A small JSON Schema validator for the keywords the CSL-JSON fixture schema uses (type, required, properties,
// additionalProperties: false, items, minItems, maxItems, minLength, pattern, enum, anyOf, $ref to #/definitions).
// Returns the problems, each with the path of the value at fault; empty when the value is valid.

export type Schema = Record<string, unknown>;

export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? (root.definitions as Record<string, Schema> | undefined)?.[name] : undefined;
    if (!target) return [`${path}: unknown $ref ${schema.$ref}`];
    return validate(value, target, root, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map((option) => validate(value, option, root, path));
    return results.some((problems) => problems.length === 0) ? [] : [`${path}: matches none of anyOf (${results.map((r) => r[0]).join(' | ')})`];
  }
  const problems: string[] = [];
  if (typeof schema.type === 'string' && !hasType(value, schema.type)) return [`${path}: expected ${schema.type}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in value)) problems.push(`${path}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(value)) {
      if (key in properties) problems.push(...validate(item, properties[key]!, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property ${key}`);
    }
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}
