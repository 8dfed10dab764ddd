import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD, STACK_LINE, ensureBuilt, grounded } from './run';

before(ensureBuilt);

const PAIRS = `${BAD}/pairs.jsonl`;
const MALFORMED = `${BAD}/pairs-malformed.jsonl`;

function outputLines(stdout: string) {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('score, whatever the verdicts', () => {
  test('one JSON line per input line, in input order, with id, verdict, confidence and evidence', () => {
    const run = grounded(['score', '--pairs', PAIRS]);
    assert.equal(run.status, 0, run.stderr);
    const lines = outputLines(run.stdout);
    assert.deepEqual(lines.map((l) => l.id), ['lib-supported', 'lib-contradicted', 'text-supported', 7]);
    for (const line of lines) {
      assert.deepEqual(Object.keys(line), ['id', 'verdict', 'confidence', 'evidence']);
      assert.ok(['supported', 'unsupported', 'contradicted'].includes(line.verdict));
      assert.ok(line.confidence >= 0 && line.confidence <= 1);
      for (const e of line.evidence) assert.deepEqual(Object.keys(e), ['sourceId', 'line', 'text', 'score']);
    }
    assert.equal(grounded(['score', '--pairs', PAIRS, '--format', 'jsonl']).stdout, run.stdout);
  });

  test('malformed lines are named on stderr and skipped; the rest are scored; exit 2', () => {
    const run = grounded(['score', '--pairs', MALFORMED]);
    assert.equal(run.status, 2);
    assert.deepEqual(outputLines(run.stdout).map((l) => l.id), ['first', 'last']);
    const problems = run.stderr.trimEnd().split('\n');
    assert.deepEqual(
      problems.map((line) => /^grounded: (\S+?:\d+): /.exec(line)?.[1]),
      [`${MALFORMED}:2`, `${MALFORMED}:3`, `${MALFORMED}:4`, `${MALFORMED}:5`],
    );
    assert.match(problems[0], /not valid JSON/);
    assert.match(problems[1], /expected a JSON object/);
    assert.match(problems[2], /"id" must be a string or a number/);
    assert.match(problems[3], /"source" must be a string/);
    assert.doesNotMatch(run.stderr, STACK_LINE);
  });

  test('streams a large file', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-score-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'big.jsonl');
    const source = 'The city council approved the new park budget on Monday after a long debate.';
    const count = 1000;
    writeFileSync(
      file,
      Array.from({ length: count }, (_, i) => JSON.stringify({ id: `c${i}`, claim: 'The council approved the park budget.', source })).join('\n') + '\n',
    );
    const run = grounded(['score', '--pairs', file]);
    assert.equal(run.status, 0, run.stderr);
    const lines = outputLines(run.stdout);
    assert.equal(lines.length, count);
    assert.equal(lines.at(-1).id, `c${count - 1}`);
  });

  test('a byte-order mark before the first line is not part of its JSON', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-score-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bom.jsonl');
    const source = 'The city council approved the new park budget on Monday.';
    writeFileSync(file, `\uFEFF${JSON.stringify({ id: 'a', claim: 'The council approved the park budget.', source })}\n`);
    const run = grounded(['score', '--pairs', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(outputLines(run.stdout).map((line: { id: string }) => line.id), ['a']);
  });

  test('usage and input errors exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['score'], /^grounded: score needs --pairs FILE\.jsonl\n/],
      [['score', '--pairs', PAIRS, '--format', 'json'], /^grounded: --format must be one of jsonl/],
      [['score', '--pairs', PAIRS, 'extra'], /^grounded: unexpected argument extra/],
      [['score', '--pairs', `${BAD}/missing.jsonl`], /^grounded: test\/fixtures\/cli\/missing\.jsonl: no such file or folder\n$/],
      [['score', '--pairs', BAD], /^grounded: test\/fixtures\/cli: is a folder, not a JSON Lines file\n$/],
      [['score', '--pairs', PAIRS, '--sources', 'no/such/folder'], /^grounded: no\/such\/folder: --sources folder does not exist\n$/],
    ];
    for (const [args, stderr] of cases) {
      const run = grounded(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, stderr);
      assert.equal(run.stdout, '');
    }
  });
});

describe('score verdicts', () => {
  test('against the library without "source", against the given text alone with it', () => {
    const lines = outputLines(grounded(['score', '--pairs', PAIRS]).stdout);
    assert.deepEqual(
      lines.map((l) => [l.id, l.verdict]),
      [
        ['lib-supported', 'supported'],
        ['lib-contradicted', 'contradicted'],
        ['text-supported', 'supported'],
        [7, 'unsupported'],
      ],
    );
    assert.equal(lines[0].evidence[0].sourceId, 'ap-norway-barbados-talks');
  });

  test('with "source" the bundled library is not used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-score-'));
    const file = join(dir, 'own.jsonl');
    writeFileSync(file, JSON.stringify({ id: 1, claim: 'Norway’s foreign ministry said both parties continue in their search for solutions.', source: 'The mayor opened a new library on Monday.' }) + '\n');
    const [line] = outputLines(grounded(['score', '--pairs', file]).stdout);
    assert.equal(line.verdict, 'unsupported');
  });
});
