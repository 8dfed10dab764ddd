// Runs the built `grounded` binary the way users do, for the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const DRAFTS = 'test/fixtures/drafts';
export const BAD = 'test/fixtures/cli';
const CLI_BUNDLE = join(ROOT, 'dist', 'cli.js');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function grounded(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'grounded.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GROUNDED_DEBUG: '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Rebuilds dist/cli.js when it is missing or older than any file it is bundled from (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  if (existsSync(CLI_BUNDLE) && statSync(CLI_BUNDLE).mtimeMs >= newestMtime([join(ROOT, 'server', 'src'), join(ROOT, 'package.json')])) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(path).map((name) => join(path, name))));
  }
  return newest;
}

/** The marker of a leaked stack trace. */
export const STACK_LINE = /^\s+at /m;
