// A copy of the repository to build a package in, so a packaging build (minified, no source maps) never overwrites
// the dist/ that other test files are running at the same time. node_modules is linked, not copied.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Left out of the copy. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.vscode-test', 'out', 'coverage']);

/** Copies a tree, skipping files that vanish meanwhile (other test files make and remove temporary files). */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    try {
      if (entry.isDirectory()) copyTree(source, target);
      else if (entry.isFile()) copyFileSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Copies the repository into a new temporary folder (`grounded-<purpose>-…`) and returns that folder. */
export function copyRepository(purpose: string): string {
  const workDir = mkdtempSync(join(tmpdir(), `grounded-${purpose}-`));
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    if (NOT_COPIED.has(entry.name) || entry.name.endsWith('.vsix') || entry.name.endsWith('.tgz')) continue;
    if (entry.isDirectory()) copyTree(join(ROOT, entry.name), join(workDir, entry.name));
    else if (entry.isFile()) copyFileSync(join(ROOT, entry.name), join(workDir, entry.name));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  return workDir;
}
