// A small command-line parser: GNU-style long options (`--name value`, `--name=value`) and `--` to end options.
// `--help` and `--version` are handled before parsing, by main.ts.
// Hand-written because the CLI needs only this much and the extension ships without runtime dependencies.

export type OptionKind =
  | 'flag' // present or not
  | 'value' // one value; the last occurrence wins
  | 'list'; // repeatable, every value kept in order

export interface OptionSpec {
  name: string;
  kind: OptionKind;
  /** Allowed values, for `value` options. */
  choices?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
}

/** A mistake in how the command was called: reported with a hint to `--help`, exit status 2. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), values: new Map(), lists: new Map() };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);

    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);

    if (spec.kind === 'flag') {
      if (equals !== -1) throw new UsageError(`option --${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      // `--sources --format json` is a forgotten value, not a folder called "--format".
      if (next === undefined || next.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}")`);
    }
    if (spec.kind === 'list') parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), value]);
    else parsed.values.set(name, value);
  }
  return parsed;
}
