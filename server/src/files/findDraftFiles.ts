// Expands the paths given on the command line into the Markdown files to check.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeFsError } from './readTextFile';

/** A file to read, or an input that yielded nothing to check (a missing path, a folder without Markdown). */
export type DraftInput = { file: string } | { path: string; problem: string };

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;
// Dependency and tool folders hold other people's Markdown (READMEs, changelogs), never the user's drafts.
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Inputs in a stable order: as given, folders expanded alphabetically, each file once.
 * A file named explicitly is checked whatever its extension (the user asked for it);
 * a folder contributes its `.md` / `.markdown` files, recursively, skipping hidden folders and `node_modules`.
 */
export function findDraftFiles(paths: readonly string[]): DraftInput[] {
  const inputs: DraftInput[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      inputs.push({ file });
    }
  };

  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (err) {
      inputs.push({ path, problem: describeFsError(err) });
      continue;
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const found = markdownFilesUnder(path);
    if (found.length === 0) inputs.push({ path, problem: 'no Markdown files (.md, .markdown) in this folder' });
    found.forEach(add);
  }
  return inputs;
}

function markdownFilesUnder(folder: string, visited = new Set<string>()): string[] {
  // Symbolic links can make a folder contain itself; the real path breaks the cycle.
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return [];
  }
  if (visited.has(real)) return [];
  visited.add(real);

  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of entries) {
    const path = join(folder, name);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      continue; // a dangling link or a file removed meanwhile: nothing to check
    }
    if (isFolder) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) found.push(...markdownFilesUnder(path, visited));
    } else if (MARKDOWN_EXTENSION.test(name)) {
      found.push(path);
    }
  }
  return found;
}
