// A checked folder with a part that cannot be read (no permission, a symbolic link looping on itself) may hide
// drafts: the walk names it, the other drafts are still checked, and the CLI exits 2 as for any unreadable input.
// Root reads any folder whatever its mode, so as root the permission case is left out and the loop stands in for it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDraftFiles } from '../../server/src/files/findDraftFiles';
import { STACK_LINE, ensureBuilt, grounded } from '../cli/run';

const AS_ROOT = process.getuid?.() === 0;
let dir: string;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'grounded-unreadable-'));
  writeFileSync(join(dir, 'good.md'), 'The negotiators met in Oslo on Monday for a third round of talks.\n');
  symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'hidden.md'), 'A draft nobody can see.\n');
  if (!AS_ROOT) chmodSync(join(dir, 'locked'), 0o000);
  // A dangling link is nothing to check, and stays silent.
  symlinkSync(join(dir, 'gone.md'), join(dir, 'dangling.md'));
});
after(() => {
  chmodSync(join(dir, 'locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

test('the walk names each part it cannot read and still finds the other drafts', () => {
  const inputs = findDraftFiles([dir]);
  assert.deepEqual(inputs.filter((input) => 'file' in input), AS_ROOT ? [{ file: join(dir, 'good.md') }, { file: join(dir, 'locked', 'hidden.md') }] : [{ file: join(dir, 'good.md') }]);
  const problems = inputs.flatMap((input) => ('problem' in input ? [input] : []));
  assert.deepEqual(problems.map((p) => p.path), AS_ROOT ? [join(dir, 'loop')] : [join(dir, 'locked'), join(dir, 'loop')].sort());
  const loop = problems.find((p) => p.path === join(dir, 'loop'))!;
  assert.match(loop.problem, /^cannot be read \(.*ELOOP.*\): not checked$/);
  if (!AS_ROOT) assert.equal(problems.find((p) => p.path === join(dir, 'locked'))!.problem, 'folder cannot be read (permission denied): its Markdown files are not checked');
});

test('grounded check names the unreadable parts on stderr, checks the rest, and exits 2', () => {
  const run = grounded(['check', dir, '--fail-on', 'none']);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^grounded: ${join(dir, 'loop').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot be read`, 'm'));
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.match(run.stdout, /good\.md: 1 claim/);
});
