// The source libraries the CLI checks against: one per distinct selection of sources (the command line's --sources
// and --no-bundled-sources, or a draft's project config), each loaded once and its problems printed once.
import { statSync } from 'node:fs';
import { formatConfigProblem, missingSourceFolders, type ProjectConfigResult } from '../config/projectConfig';
import { selectionKey, type LibrarySelection } from '../config/policy';
import { createEngine, type Engine } from '../engine';
import { displayPath } from '../files/displayPath';
import type { LibraryCache } from '../index/libraryCache';
import type { Source, SourceLibrary } from '../model';
import { realpathOrSelf } from '../sources/findSourceFiles';
import { loadSourceLibrary } from '../sources/loadSources';
import { printMessage, printProblem } from './stderr';

export interface LibraryOptions {
  sourceDirs: string[];
  includeBundled: boolean;
  /** An archive in PostgreSQL stands beside these sources: no local ones is no reason for a warning. */
  withArchive?: boolean;
  /** The index cache (--cache): unchanged source files are taken from it, not read and analysed again. */
  cache?: LibraryCache;
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
  const folders = { dirs: options.sourceDirs, includeBundled: options.includeBundled };
  options.cache?.prepare(folders);
  const library = loadSourceLibrary({ ...folders, ...(options.cache ? { cache: options.cache.files } : {}) });
  const cwd = process.cwd();
  for (const problem of library.problems) printProblem(displayPath(problem.path, cwd), problem.message);
  if (library.sources.length === 0 && !options.withArchive) printMessage('warning: no sources loaded, so no claim can be supported');
  return library;
}

/**
 * Builds the library's engine, then writes the index cache (the engine analysed whatever the cache lacked). A cache
 * folder that cannot be written is named once, as a warning: the check runs all the same, without the cache.
 */
export function createEngineForCli(library: SourceLibrary, options: LibraryOptions): Engine {
  const engine = createEngine(library);
  const cache = options.cache;
  const problem = cache?.persist({ dirs: options.sourceDirs, includeBundled: options.includeBundled }, library);
  if (problem !== undefined && cache?.directory !== undefined && !reportedCacheFolders.has(cache.directory)) {
    reportedCacheFolders.add(cache.directory);
    printMessage(`warning: ${displayPath(cache.directory, process.cwd())}: cannot write the index cache (${problem}); checking without it`);
  }
  return engine;
}
const reportedCacheFolders = new Set<string>();

/** The engines of the selections met so far, by selection. */
export class Libraries {
  private readonly engines = new Map<string, Engine>();
  private readonly sourcePathSets = new Map<string, Set<string>>();

  /**
   * `archiveForAll`: the command line names an archive (--database) that stands beside every selection.
   * `cache`: the index cache the command line names (--cache), shared by every selection.
   */
  constructor(private readonly archiveForAll = false, private readonly cache?: LibraryCache) {}

  engineFor(selection: LibrarySelection): Engine {
    const key = selectionKey(selection);
    let engine = this.engines.get(key);
    if (!engine) {
      const withArchive = this.archiveForAll || selection.database !== undefined;
      const options: LibraryOptions = { sourceDirs: selection.paths, includeBundled: selection.includeBundled, withArchive, ...(this.cache ? { cache: this.cache } : {}) };
      engine = createEngineForCli(loadLibraryForCli(options), options);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** The real paths of a selection's source files: a folder walk never checks a source as a draft. */
  sourcePaths(selection: LibrarySelection): Set<string> {
    const key = selectionKey(selection);
    let paths = this.sourcePathSets.get(key);
    if (!paths) {
      paths = new Set(this.engineFor(selection).library.sources.map((source) => realpathOrSelf(source.path)));
      this.sourcePathSets.set(key, paths);
    }
    return paths;
  }

  /** Every source the run used, once each, with every problem: what the JSON and SARIF reports list. */
  combined(): SourceLibrary {
    const sources = new Map<string, Source>();
    const problems = new Map<string, SourceLibrary['problems'][number]>();
    for (const engine of this.engines.values()) {
      for (const source of engine.library.sources) sources.set(`${source.path}\u0000${source.id}`, source);
      for (const problem of engine.library.problems) problems.set(`${problem.path}\u0000${problem.message}`, problem);
    }
    return { sources: [...sources.values()], problems: [...problems.values()] };
  }
}

/** Prints a config's problems (each naming the file and line) the first time the config is met (`reported`). */
export function reportConfigProblems({ config, problems }: ProjectConfigResult, reported: Set<string>): void {
  if (reported.has(config.path)) return;
  reported.add(config.path);
  for (const problem of [...problems, ...missingSourceFolders(config)]) printMessage(`warning: ${formatConfigProblem({ ...problem, path: displayPath(problem.path, process.cwd()) })}`);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
