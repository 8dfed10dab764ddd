// The source library as the CLI builds it from --sources and --no-bundled-sources, shared by `check` and `score`.
import { statSync } from 'node:fs';
import { displayPath } from '../files/displayPath';
import type { SourceLibrary } from '../model';
import { loadSourceLibrary } from '../sources/loadSources';
import { printMessage, printProblem } from './stderr';

export interface LibraryOptions {
  sourceDirs: string[];
  includeBundled: boolean;
}

/**
 * Names each --sources path that does not exist; false when there is one. The commands stop then (exit status 2):
 * checking against a library missing a folder the user named would report false "unsupported" findings.
 */
export function reportMissingSourceDirs(sourceDirs: readonly string[]): boolean {
  const missing = sourceDirs.filter((dir) => !exists(dir));
  for (const dir of missing) printProblem(dir, '--sources folder does not exist');
  return missing.length === 0;
}

/** Loads the library and prints its problems (unreadable or malformed source files) as warnings. */
export function loadLibraryForCli(options: LibraryOptions): SourceLibrary {
  const library = loadSourceLibrary({ dirs: options.sourceDirs, includeBundled: options.includeBundled });
  const cwd = process.cwd();
  for (const problem of library.problems) printProblem(displayPath(problem.path, cwd), problem.message);
  if (library.sources.length === 0) printMessage('warning: no sources loaded, so no claim can be supported');
  return library;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
