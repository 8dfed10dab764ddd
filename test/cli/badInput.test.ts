// Unusable inputs: each gives one line naming the file and exit status 2, never a stack trace, and the good files
// given alongside are still checked and reported.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD, DRAFTS, STACK_LINE, ensureBuilt, grounded } from './run';

before(ensureBuilt);

const GOOD = `${DRAFTS}/mixed.md`;

const CASES: { input: string; message: string }[] = [
  { input: `${BAD}/does-not-exist.md`, message: 'no such file or folder' },
  { input: `${BAD}/binary.md`, message: 'binary file, not text' },
  { input: `${BAD}/not-utf8.md`, message: 'not UTF-8 text' },
  { input: `${BAD}/empty.md`, message: 'empty file' },
  { input: `${BAD}/no-markdown`, message: 'no Markdown files (.md, .markdown) in this folder' },
];

for (const { input, message } of CASES) {
  test(`${input}: "${message}", exit 2, and the good file is still checked`, () => {
    const text = grounded(['check', input, GOOD, '--fail-on', 'none']);
    assert.equal(text.status, 2);
    assert.equal(text.stderr, `grounded: ${input}: ${message}\n`);
    assert.doesNotMatch(text.stderr, STACK_LINE);
    assert.match(text.stdout, /^test\/fixtures\/drafts\/mixed\.md: 3 claims/m);
    assert.match(text.stdout, /^Total: 1 file, 3 claims: .*; 1 file could not be read$/m);

    const json = grounded(['check', input, GOOD, '--format', 'json', '--fail-on', 'none']);
    assert.equal(json.status, 2);
    const files = JSON.parse(json.stdout).files;
    assert.deepEqual(files[0], { path: input, claims: [], skipped: [], error: message });
    assert.equal(files[1].path, GOOD);
    assert.equal(files[1].claims.length, 3);
  });
}

test('an unreadable input outranks findings: exit 2 even when claims fail', () => {
  assert.equal(grounded(['check', `${BAD}/empty.md`, `${DRAFTS}/contradicted.md`]).status, 2);
});

test('sarif reports an unreadable input as a tool notification', () => {
  const run = grounded(['check', `${BAD}/binary.md`, GOOD, '--format', 'sarif', '--fail-on', 'none']);
  assert.equal(run.status, 2);
  const [invocation] = JSON.parse(run.stdout).runs[0].invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.toolExecutionNotifications[0].message.text, `${BAD}/binary.md: binary file, not text`);
});

test('a missing --sources folder stops before checking, exit 2', () => {
  const run = grounded(['check', GOOD, '--sources', 'no/such/folder']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'grounded: no/such/folder: --sources folder does not exist\n');
  assert.equal(run.stdout, '');
});

test('a draft nested too deeply to parse is named with the reason; the other files are still checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-deep-'));
  const deep = join(dir, 'deep.md');
  writeFileSync(deep, `${'>'.repeat(5000)} Maduro said talks had been going on for months.\n`);
  const result = grounded(['check', deep, GOOD, '--fail-on', 'none']);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, `grounded: ${deep}: Markdown nested too deeply to read (thousands of levels of quotes or lists)\n`);
  assert.doesNotMatch(result.stderr, STACK_LINE);
  assert.match(result.stdout, /^test\/fixtures\/drafts\/mixed\.md: 3 claims/m);
});
