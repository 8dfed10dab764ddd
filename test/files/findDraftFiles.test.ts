import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findDraftFiles, type DraftInput } from '../../server/src/files/findDraftFiles';

const root = mkdtempSync(join(tmpdir(), 'grounded-find-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Makes a folder under the temporary root with the given files (path → content). */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The files found, relative to `dir`, and the problems. */
function found(inputs: DraftInput[], dir: string): string[] {
  return inputs.map((input) => ('file' in input ? input.file.slice(dir.length + 1) : `${input.path}: ${input.problem}`));
}

function insideGitRepository(path: string): boolean {
  for (let at = path; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

test('a folder walk leaves out what its .gitignore files ignore, deeper files overriding higher ones', () => {
  const dir = folder('gitignore', {
    '.gitignore': 'build/\n*.draft.md\n!keep.draft.md\n*.tmp.md\n',
    'a.md': '# a',
    'b.draft.md': '# ignored',
    'keep.draft.md': '# kept by the exception',
    'build/out.md': '# ignored folder',
    'sub/.gitignore': 'private.md\n!wanted.tmp.md\n',
    'sub/c.md': '# c',
    'sub/private.md': '# ignored by the nested file',
    'sub/wanted.tmp.md': '# re-included by the nested file',
    'sub/other.tmp.md': '# still ignored by the parent',
    'other/private.md': '# the nested rule applies only under sub/',
  });
  assert.deepEqual(found(findDraftFiles([dir]), dir), ['a.md', 'keep.draft.md', 'other/private.md', 'sub/c.md', 'sub/wanted.tmp.md']);
  assert.equal(findDraftFiles([dir], { gitignore: false }).length, 9);
});

test('a file named explicitly is checked even when .gitignore ignores it', () => {
  const dir = folder('explicit', { '.gitignore': 'secret.md\n', 'secret.md': '# s', 'open.md': '# o' });
  assert.deepEqual(found(findDraftFiles([join(dir, 'secret.md'), dir]), dir), ['secret.md', 'open.md']);
});

test('the .gitignore files above the walked folder apply up to the git root, with .git/info/exclude', () => {
  const repo = folder('repo', {
    '.git/info/exclude': 'excluded.md\n',
    '.gitignore': 'docs/generated/\nroot-ignored.md\n',
    'docs/.gitignore': '*.bak.md\n',
    'docs/a.md': '# a',
    'docs/root-ignored.md': '# ignored from the root',
    'docs/old.bak.md': '# ignored from docs/',
    'docs/excluded.md': '# ignored by info/exclude',
    'docs/generated/x.md': '# ignored folder',
  });
  const docs = join(repo, 'docs');
  assert.deepEqual(found(findDraftFiles([docs]), docs), ['a.md']);
});

test('a folder named explicitly is walked even when a .gitignore above ignores it', () => {
  const repo = folder('ignored-folder', { '.git/HEAD': '', '.gitignore': 'out/\n', 'out/report.md': '# r', 'out/.gitignore': 'skip.md\n', 'out/skip.md': '# s' });
  const out = join(repo, 'out');
  assert.deepEqual(found(findDraftFiles([out]), out), ['report.md']);
  assert.deepEqual(findDraftFiles([repo]), [{ path: repo, problem: 'no Markdown files (.md, .markdown) in this folder that .gitignore does not ignore' }]);
});

test('outside a git repository, only the walked folder\'s .gitignore and those below it apply', { skip: insideGitRepository(root) && 'the temporary folder is inside a git repository' }, () => {
  const dir = folder('no-repo', { '.gitignore': 'inner/skip.md\n', 'inner/skip.md': '# s', 'inner/keep.md': '# k' });
  const inner = join(dir, 'inner');
  assert.deepEqual(found(findDraftFiles([inner]), inner), ['keep.md', 'skip.md']);
  assert.deepEqual(found(findDraftFiles([dir]), dir), ['inner/keep.md']);
});

test('a folder whose Markdown is all ignored says so', () => {
  const dir = folder('all-ignored', { '.gitignore': '*.md\n', 'a.md': '# a', 'b.md': '# b' });
  assert.deepEqual(findDraftFiles([dir]), [{ path: dir, problem: 'no Markdown files (.md, .markdown) in this folder that .gitignore does not ignore' }]);
});

test('a folder walk returns regular files only: no named pipe, no link to a device', (t) => {
  const dir = folder('special', { 'a.md': '# a' });
  let made = 0;
  try {
    execFileSync('mkfifo', [join(dir, 'pipe.md')], { stdio: 'ignore' });
    made++;
  } catch {
    // no mkfifo here
  }
  if (existsSync('/dev/zero')) {
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    made++;
  }
  if (made === 0) return t.skip('neither mkfifo nor /dev/zero on this system');
  assert.deepEqual(found(findDraftFiles([dir]), dir), ['a.md']);
});

test('symbolic links: a linked folder is walked once, a link cycle ends, a link to a file counts', () => {
  const dir = folder('links', { 'real/a.md': '# a', 'target.md': '# t' });
  symlinkSync(join(dir, 'real'), join(dir, 'alias'));
  symlinkSync(dir, join(dir, 'real', 'loop'));
  symlinkSync(join(dir, 'target.md'), join(dir, 'link.md'));
  symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
  assert.deepEqual(found(findDraftFiles([dir]), dir), ['alias/a.md', 'link.md', 'target.md']);
});
