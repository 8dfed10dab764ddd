// The report's reader may go away (`grounded check … | head -1`) or the disk may fill up. A closed pipe is normal use:
// the CLI stops quietly and exits as the findings say. A failed write loses the report: one message, exit status 2.
// Never a stack trace.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DRAFTS, ROOT, STACK_LINE, ensureBuilt } from '../cli/run';

before(ensureBuilt);

interface Run {
  status: number | null;
  stderr: string;
}

/** Runs the CLI with stdout going to `stdout`: 'closed' is a pipe whose reader closes it before anything is written. */
function runWith(args: string[], stdout: 'closed' | number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'grounded.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', GROUNDED_DEBUG: '' },
      stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'],
    });
    if (stdout === 'closed') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const DRAFT = `${DRAFTS}/contradicted.md`;

test('a reader that closes the pipe early: no message, exit status as the findings say', async () => {
  const none = await runWith(['check', DRAFT, '--fail-on', 'none'], 'closed');
  assert.equal(none.stderr, '');
  assert.equal(none.status, 0);
  const failing = await runWith(['check', DRAFT], 'closed');
  assert.equal(failing.stderr, '');
  assert.equal(failing.status, 1);
});

test('every format stops quietly when the reader has gone', async () => {
  for (const format of ['json', 'sarif', 'github']) {
    const run = await runWith(['check', DRAFT, '--format', format, '--fail-on', 'none'], 'closed');
    assert.equal(run.stderr, '', format);
    assert.equal(run.status, 0, format);
  }
});

test('score stops reading pairs once the reader has gone', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-pipe-'));
  const pairs = join(dir, 'pairs.jsonl');
  const line = JSON.stringify({ id: 1, claim: 'Maduro met Guaidó in Oslo.', source: 'Maduro met Guaidó in Oslo on Monday.' });
  writeFileSync(pairs, `${line}\n`.repeat(20_000));
  const run = await runWith(['score', '--pairs', pairs], 'closed');
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});

test('a full disk: one message naming the problem, exit status 2, even with --fail-on none', { skip: !existsSync('/dev/full') }, async () => {
  for (const format of ['text', 'json']) {
    const full = openSync('/dev/full', 'w');
    try {
      const run = await runWith(['check', DRAFT, '--format', format, '--fail-on', 'none'], full);
      assert.equal(run.stderr, 'grounded: cannot write the output: no space left on the device\n', format);
      assert.equal(run.status, 2, format);
    } finally {
      closeSync(full);
    }
  }
});

test('score on a full disk: one message, exit status 2', { skip: !existsSync('/dev/full') }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-full-'));
  const pairs = join(dir, 'pairs.jsonl');
  writeFileSync(pairs, `${JSON.stringify({ id: 1, claim: 'Maduro met Guaidó.', source: 'Maduro met Guaidó on Monday.' })}\n`.repeat(50));
  const full = openSync('/dev/full', 'w');
  try {
    const run = await runWith(['score', '--pairs', pairs], full);
    assert.equal(run.stderr, 'grounded: cannot write the output: no space left on the device\n');
    assert.equal(run.status, 2);
  } finally {
    closeSync(full);
  }
});
