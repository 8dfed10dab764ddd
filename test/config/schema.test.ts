// The JSON Schema the editor validates .grounded.yaml with must say what the parser reads: the same keys, the same
// values. Checked both on the declarations and by feeding the parser what the schema allows (and a key it does not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_HASH_PATTERN } from '../../server/src/config/accepted';
import { CONFIG_KEYS, parseProjectConfig } from '../../server/src/config/projectConfig';
import { STARTER_CONFIG } from '../../server/src/config/starter';
import { CITATION_STYLES, DIAGNOSTIC_CODES, SEVERITY_SETTINGS } from '../../server/src/protocol';
import { FOOTNOTE_STYLES } from '../../server/src/bibliography/formats';
import { parse } from 'yaml';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  required?: string[];
  pattern?: string;
  examples?: unknown[];
  minLength?: number;
  definitions?: Record<string, Schema>;
  [keyword: string]: unknown;
};

const schema = JSON.parse(readFileSync(join(__dirname, '../../server/data/grounded-config.schema.json'), 'utf8')) as Schema;
const CONFIG = '/project/.grounded.yaml';

function deref(node: Schema): Schema {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace(/^#\/definitions\//, '');
  const target = schema.definitions?.[name];
  assert.ok(target, `unresolved ${node.$ref}`);
  return { ...node, ...target };
}

const sorted = (values: readonly unknown[]) => [...values].map(String).sort();

test('the schema is draft-07, closed at every level, and describes every key', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const visit = (node: Schema, path: string) => {
    if (node.properties) {
      assert.equal(node.additionalProperties, false, `${path} must not allow other keys`);
      for (const [key, child] of Object.entries(node.properties)) {
        assert.equal(typeof child.description, 'string', `${path}.${key} needs a description`);
        visit(deref(child), `${path}.${key}`);
      }
    }
    if (node.items) visit(deref(node.items), `${path}[]`);
  };
  visit(schema, '$');
});

test('the schema has the keys the parser reads, and no other', () => {
  const properties = schema.properties!;
  assert.deepEqual(sorted(Object.keys(properties)), sorted(Object.keys(CONFIG_KEYS)));
  assert.deepEqual(sorted(Object.keys(properties.sources.properties!)), sorted(CONFIG_KEYS.sources));
  assert.deepEqual(sorted(Object.keys(properties.drafts.properties!)), sorted(CONFIG_KEYS.drafts));
  assert.deepEqual(sorted(Object.keys(properties.severity.properties!)), sorted(CONFIG_KEYS.severity));
  assert.deepEqual(sorted(Object.keys(properties.accepted.items!.properties!)), sorted(CONFIG_KEYS.accepted));
  assert.equal(properties.citationStyle.properties, undefined);
});

test('the schema enums are the constants of protocol.ts', () => {
  const properties = schema.properties!;
  assert.deepEqual(sorted(Object.keys(properties.severity.properties!)), sorted(DIAGNOSTIC_CODES));
  for (const code of DIAGNOSTIC_CODES) {
    assert.deepEqual(deref(properties.severity.properties![code]).enum, [...SEVERITY_SETTINGS], code);
  }
  assert.deepEqual(properties.citationStyle.enum, [...CITATION_STYLES]);
  assert.deepEqual(properties.footnoteStyle.enum, [...FOOTNOTE_STYLES]);
  assert.equal(properties.accepted.items!.properties!.hash.pattern, CLAIM_HASH_PATTERN.source);
});

/** A value the schema allows at `node`, to feed the parser. */
function sample(node: Schema, index = 0): unknown {
  const resolved = deref(node);
  if (resolved.enum) return resolved.enum[index % resolved.enum.length];
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === 'object') return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([key, child]) => [key, sample(child, index)]));
  if (type === 'array') return [sample(resolved.items!, index)];
  if (type === 'boolean') return index % 2 === 0;
  if (resolved.examples !== undefined) return resolved.examples[0];
  if (resolved.pattern !== undefined) return '0123456789abcdef';
  if (type === 'string') return 'drafts/**/*.md';
  throw new Error(`no sample for ${JSON.stringify(resolved)}`);
}

test('whatever the schema allows, the parser takes without a problem, every enum value included', () => {
  const longest = Math.max(SEVERITY_SETTINGS.length, CITATION_STYLES.length);
  for (let index = 0; index < longest; index++) {
    const value = sample(schema, index) as Record<string, unknown>;
    const { config, problems } = parseProjectConfig(JSON.stringify(value), CONFIG);
    assert.deepEqual(problems, [], JSON.stringify(value));
    for (const key of Object.keys(value)) assert.ok(key in config, `${key} kept`);
  }
});

test('a key the schema does not allow, the parser reports, at every level', () => {
  const base = sample(schema) as Record<string, Record<string, unknown> | unknown[]>;
  const variants: [string, unknown][] = [
    ['the top level', { ...base, bogus: 1 }],
    ['sources', { ...base, sources: { ...(base.sources as object), bogus: 1 } }],
    ['drafts', { ...base, drafts: { ...(base.drafts as object), bogus: 1 } }],
    ['severity', { ...base, severity: { ...(base.severity as object), bogus: 'error' } }],
    ['an accepted claim', { ...base, accepted: [{ ...((base.accepted as object[])[0] as object), bogus: 1 }] }],
  ];
  for (const [where, value] of variants) {
    const { problems } = parseProjectConfig(JSON.stringify(value), CONFIG);
    assert.equal(problems.length, 1, where);
    assert.match(problems[0].message, /unknown key "(\w+\.)?bogus"/, where);
  }
  const wrongEnum = parseProjectConfig(JSON.stringify({ ...base, citationStyle: 'chicago', severity: { uncited: 'loud' } }), CONFIG);
  assert.equal(wrongEnum.problems.length, 2);
});

test('the starter file conforms to the schema: known keys, allowed values', () => {
  const check = (value: unknown, node: Schema, path: string) => {
    const resolved = deref(node);
    if (resolved.enum) assert.ok(resolved.enum.includes(value), `${path}: ${String(value)}`);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childSchema = resolved.properties?.[key];
        assert.ok(childSchema, `${path}.${key} is not in the schema`);
        check(child, childSchema, `${path}.${key}`);
      }
    }
    if (Array.isArray(value)) value.forEach((item, index) => check(item, resolved.items!, `${path}[${index}]`));
  };
  check(parse(STARTER_CONFIG), schema, '$');
});
