// A fresh temporary folder per real-editor run: the workspace copy, the editor profiles, the browser profile. Removed
// at the end unless the run failed or GROUNDED_KEEP_TMP=1 (then its path is printed, to look at the logs).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export interface RunFolder {
  path: string;
  /** Copies a folder of the repository (e.g. `test/fixtures/editors/workspace`) to `<run>/<name>`; returns its path. */
  copy(fromRepo: string, name: string): string;
  dispose(failed: boolean): void;
}

export function makeRunFolder(prefix: string): RunFolder {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    path,
    copy(fromRepo, name) {
      const target = join(path, name);
      cpSync(join(ROOT, fromRepo), target, { recursive: true });
      return target;
    },
    dispose(failed) {
      if (failed || process.env.GROUNDED_KEEP_TMP === '1') {
        console.log(`(kept the run folder ${path})`);
        return;
      }
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * The extension as the editors load it, in `dir`: package.json, bin/, sources/ and syntaxes/ copied, and dist/ built
 * there by scripts/build.mjs from the repository's sources (linked). A test run so never rewrites the repository's
 * dist/, which another run (`npm test`, a second editor test) may be reading at that moment. Returns `dir`.
 */
export function stageExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['package.json', 'bin', 'sources', 'syntaxes', 'README.md', 'LICENSE']) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  for (const name of ['server', 'client', 'scripts', 'node_modules', 'tsconfig.json']) symlinkSync(join(ROOT, name), join(dir, name));
  const result = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}${result.stderr}`);
  return dir;
}

/** Left out of the copy a package is built in. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.vscode-test', 'out', 'coverage']);

/**
 * Runs `npm run package` in a copy of the repository (node_modules linked) and returns the path of its grounded.vsix,
 * so the minified build never overwrites the dist/ that other test runs may be using.
 */
export function packageVsix(workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    if (NOT_COPIED.has(entry.name) || entry.name.endsWith('.vsix')) continue;
    cpSync(join(ROOT, entry.name), join(workDir, entry.name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  const result = spawnSync('npm', ['run', 'package'], {
    cwd: workDir,
    encoding: 'utf8',
    timeout: 5 * 60_000,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  const vsix = join(workDir, 'grounded.vsix');
  if (!existsSync(vsix)) throw new Error(`npm run package made no ${vsix}`);
  return vsix;
}
