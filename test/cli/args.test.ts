import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError, parseArgs, type OptionSpec } from '../../server/src/cli/args';

const SPECS: OptionSpec[] = [
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
  { name: 'format', kind: 'value', choices: ['text', 'json'] },
];

test('positionals, flags, values and repeated lists, in either spelling', () => {
  const args = parseArgs(['a.md', '--sources', 'one', '--format=json', '--no-bundled-sources', '--sources=two', 'b.md'], SPECS);
  assert.deepEqual(args.positionals, ['a.md', 'b.md']);
  assert.deepEqual([...args.flags], ['no-bundled-sources']);
  assert.equal(args.values.get('format'), 'json');
  assert.deepEqual(args.lists.get('sources'), ['one', 'two']);
});

test('the last value of a single-value option wins', () => {
  assert.equal(parseArgs(['--format', 'json', '--format', 'text'], SPECS).values.get('format'), 'text');
});

test('`--` ends the options, `-` is a positional', () => {
  const args = parseArgs(['--', '--format', '-x'], SPECS);
  assert.deepEqual(args.positionals, ['--format', '-x']);
  assert.deepEqual(parseArgs(['-'], SPECS).positionals, ['-']);
});

test('mistakes are usage errors that name the option', () => {
  const cases: [string[], string][] = [
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['--format'], 'option --format needs a value'],
    [['--sources', '--format', 'json'], 'option --sources needs a value'],
    [['--format', 'xml'], '--format must be one of text, json (got "xml")'],
    [['--no-bundled-sources=yes'], 'option --no-bundled-sources takes no value'],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseArgs(argv, SPECS), (error: unknown) => error instanceof UsageError && error.message === message, argv.join(' '));
  }
});
