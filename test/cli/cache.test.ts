// `grounded check --cache DIR`: the same report with and without the cache, and a cache folder that cannot be written
// named once on stderr while the check runs as without it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STACK_LINE, ensureBuilt, grounded } from './run';

before(ensureBuilt);

const CHECK = ['check', 'examples/draft.md', '--format', 'json', '--fail-on', 'none'];

test('--cache: the report is the one a check without it prints, from the first run and from the cache', () => {
  const directory = join(mkdtempSync(join(tmpdir(), 'grounded-cli-cache-')), 'made-by-grounded');
  const plain = grounded(CHECK);
  assert.equal(plain.status, 0, plain.stderr);
  const first = grounded([...CHECK, '--cache', directory]);
  assert.equal(first.stderr, '');
  assert.equal(first.stdout, plain.stdout);
  assert.equal(readdirSync(directory).length, 1, 'one cache file for the library');
  const second = grounded([...CHECK, '--cache', directory]);
  assert.equal(second.stdout, plain.stdout);
  assert.equal(second.status, plain.status);
});

test('--cache naming a folder that cannot be made: one warning, and the check runs without the cache', () => {
  const blocker = join(mkdtempSync(join(tmpdir(), 'grounded-cli-cache-')), 'a-file');
  writeFileSync(blocker, 'not a folder');
  const plain = grounded(CHECK);
  const run = grounded([...CHECK, '--cache', join(blocker, 'cache')]);
  assert.equal(run.status, plain.status);
  assert.equal(run.stdout, plain.stdout);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], /^grounded: warning: .*a-file\/cache: cannot write the index cache \(.*\); checking without it$/);
  assert.doesNotMatch(run.stderr, STACK_LINE);
});
