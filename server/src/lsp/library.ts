// The source library behind the checks: which folders to read (settings, workspace folders, workspace trust), loading
// them into an engine, and reloading when the settings or the files on disk change. Each load makes a new engine;
// its `version` tells a check whether the verdicts it computed still belong to the current library.

import { realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type Disposable,
  type FileEvent,
  type FileSystemWatcher,
  type RelativePattern,
} from 'vscode-languageserver/node';
import { createEngine, type Engine } from '../engine';
import { archiveRetrieval, archiveUrlFor } from './archive';
import { isWithin, resolveUserPath } from '../files/paths';
import type { LibraryCache } from '../index/libraryCache';
import { prepareIndexInSteps } from '../index/passageIndex';
import type { SourceLibrary, SourceProblem } from '../model';
import type { EntryWithoutTextInfo, GroundedSettings, SourceInfo, SourcesResult } from '../protocol';
import { BIBLIOGRAPHY_FILE_EXTENSIONS } from '../sources/bibliographyFiles';
import { SOURCE_EXTENSIONS } from '../sources/findSourceFiles';
import { loadSourceLibraryInSteps } from '../sources/loadSources';
import { finishNow, type Steps } from '../workInSteps';

export interface LoadedLibrary {
  /** Increases with every load; checks compare it to drop verdicts computed against an older library. */
  version: number;
  engine: Engine;
  library: SourceLibrary;
  /** The user's source folders (or files) that were read, absolute. */
  roots: string[];
  /** Problems of the library plus the folders refused because the workspace is not trusted. */
  problems: SourceProblem[];
  /** Set when a configured folder cannot be read or loading failed: what the status bar shows as an error. */
  error?: string;
  /** What the settings asked for (see selectSources). */
  selection: SourceSelection;
}

export interface LibraryContext {
  /** The window's settings (user or workspace settings, no folder): they also apply outside every workspace folder. */
  settings: GroundedSettings;
  /** Workspace folder paths; the first one anchors the relative source paths of the window's settings. */
  workspaceFolders: string[];
  /** Each workspace folder's own settings (pulled with the folder as scopeUri); none when the client cannot scope them. */
  folderSettings?: readonly FolderSources[];
  trusted: boolean;
}

/** A workspace folder's source settings. */
export interface FolderSources {
  /** The folder's path; undefined for a folder that is not on the file system (its relative paths are skipped). */
  path: string | undefined;
  sources: GroundedSettings['sources'];
}

/** What the library is made of, before the workspace-trust rule: compared to tell whether a settings change needs a reload. */
export interface SourceSelection {
  /** Absolute, deduplicated, in order: the window's paths, then each folder's. */
  paths: string[];
  includeBundled: boolean;
  /** A project config's archive in PostgreSQL (the window's library uses GROUNDED_DATABASE_URL's, if any). */
  database?: string;
}

/** Resolves `grounded.sources.paths`: `~` is the home folder, relative paths start at the first workspace folder. */
export function resolveSourcePaths(paths: readonly string[], workspaceFolders: readonly string[]): string[] {
  return resolveAgainst(paths, workspaceFolders[0] ?? process.cwd());
}

/** `~` is the home folder, relative paths start at `base` (and are skipped without one). */
function resolveAgainst(paths: readonly string[], base: string | undefined): string[] {
  return paths.flatMap((path) => {
    const resolved = resolveUserPath(path, base);
    return resolved === undefined ? [] : [resolved];
  });
}

/**
 * The one library that serves every workspace folder: the window's source paths (relative ones resolved against the
 * first workspace folder) plus each folder's own (relative ones resolved against that folder), deduplicated by
 * absolute path; the bundled sources unless the window and every folder turn them off.
 *
 * A folder without a value of its own gets the window's from the client (workspace/configuration answers with the
 * effective value): a folder whose paths equal the window's is taken to inherit them, and adds nothing — else a
 * relative path of the workspace settings would be looked for in every folder. (So a folder that repeats the
 * workspace's list word for word has it resolved against the first folder, like the workspace's.)
 */
export function selectSources(context: LibraryContext): SourceSelection {
  const shared = context.settings.sources;
  const paths = resolveSourcePaths(shared.paths, context.workspaceFolders);
  let includeBundled = shared.includeBundled;
  for (const folder of context.folderSettings ?? []) {
    includeBundled ||= folder.sources.includeBundled;
    if (samePaths(folder.sources.paths, shared.paths)) continue;
    paths.push(...resolveAgainst(folder.sources.paths, folder.path));
  }
  return { paths: [...new Set(paths)], includeBundled };
}

/** Whether two selections make the same library. */
export function sameSelection(a: SourceSelection, b: SourceSelection): boolean {
  return a.includeBundled === b.includeBundled && samePaths(a.paths, b.paths);
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((path, index) => path === b[index]);
}

/** Whether `path` is `folder` or lies inside it (symbolic links resolved, so a link cannot lead out of the workspace). */
export function isInside(path: string, folder: string): boolean {
  return isWithin(realpathOrSelf(path), realpathOrSelf(folder));
}

/** Loads the library the settings (the window's and the folders') name. Never throws: failures become `problems` and `error`. */
export function loadLibrary(context: LibraryContext, version: number, cache?: LibraryCache): LoadedLibrary {
  return finishNow(loadLibraryInSteps(context, version, cache));
}

/** loadLibrary in steps (a source file read, a source indexed), for the server to load between other work. */
export function loadLibraryInSteps(context: LibraryContext, version: number, cache?: LibraryCache): Steps<LoadedLibrary> {
  return loadSelectionInSteps(selectSources(context), context, version, cache);
}

/**
 * Loads the sources a selection names (the settings', or a project config's), under the context's workspace trust.
 * Never throws: failures become `problems` and `error`.
 */
export function loadSelection(
  selection: SourceSelection,
  context: Pick<LibraryContext, 'trusted' | 'workspaceFolders'>,
  version: number,
  cache?: LibraryCache,
): LoadedLibrary {
  return finishNow(loadSelectionInSteps(selection, context, version, cache));
}

function* loadSelectionInSteps(
  selection: SourceSelection,
  context: Pick<LibraryContext, 'trusted' | 'workspaceFolders'>,
  version: number,
  cache?: LibraryCache,
): Steps<LoadedLibrary> {
  const roots: string[] = [];
  const refused: SourceProblem[] = [];
  // Untrusted: only folders inside one of the workspace folders (whichever folder's settings name them).
  for (const root of selection.paths) {
    if (context.trusted || context.workspaceFolders.some((folder) => isInside(root, folder))) roots.push(root);
    else refused.push({ path: root, message: 'not read: the workspace is not trusted and this source folder is outside it' });
  }

  let library: SourceLibrary;
  let engine: Engine;
  try {
    cache?.prepare({ dirs: roots, includeBundled: selection.includeBundled });
    yield;
    library = yield* loadSourceLibraryInSteps({
      dirs: roots,
      includeBundled: selection.includeBundled,
      // The files analysed before, in memory and from the cache file: only new or changed files are read.
      ...(cache ? { cache: cache.files } : {}),
      // Untrusted: a link inside an allowed folder must not lead out of the workspace either.
      ...(context.trusted ? {} : { confineTo: context.workspaceFolders.map(realpathOrSelf) }),
    });
    // The engine below then finds its index built.
    yield* prepareIndexInSteps(library.sources);
    const archive = archiveUrlFor(selection.database);
    engine = createEngine(library, archive === undefined ? {} : { retrieval: archiveRetrieval(archive) });
  } catch (error) {
    library = { sources: [], problems: [] };
    engine = createEngine(library);
    const message = `Loading the sources failed: ${error instanceof Error ? error.message : String(error)}`;
    return { version, engine, library, roots, problems: refused, error: message, selection };
  }

  // A problem naming a configured folder itself (missing, unreadable) means a whole folder of sources is absent:
  // every claim it would back now looks unsupported, so it is an error, not a warning about one file.
  const rootProblems = library.problems.filter((problem) => roots.some((root) => resolve(problem.path) === root));
  const error = rootProblems.length === 0
    ? undefined
    : rootProblems.map((problem) => `Source folder ${problem.path}: ${problem.message}`).join('; ');
  return { version, engine, library, roots, problems: [...refused, ...library.problems], ...(error ? { error } : {}), selection };
}

/** The `grounded/sources` answer: the sources of every library loaded now (the window's, the projects'), each once. */
export function sourcesResult(libraries: readonly LoadedLibrary[]): SourcesResult {
  const sources = new Map<string, SourceInfo>();
  const problems = new Map<string, SourceProblem>();
  const withoutText = new Map<string, EntryWithoutTextInfo>();
  for (const loaded of libraries) {
    for (const source of loaded.library.sources) {
      const uri = pathToFileURL(source.path).href;
      if (sources.has(uri)) continue;
      sources.set(uri, {
        id: source.id,
        title: source.title,
        ...(source.outlet !== undefined ? { outlet: source.outlet } : {}),
        ...(source.author !== undefined ? { author: source.author } : {}),
        ...(source.date !== undefined ? { date: source.date } : {}),
        ...(source.url !== undefined ? { url: source.url } : {}),
        uri,
        passages: source.passages.length,
        bundled: source.bundled,
      });
    }
    for (const { path, message } of loaded.problems) problems.set(`${path}\u0000${message}`, { path, message });
    for (const entry of loaded.library.withoutText ?? []) {
      const uri = pathToFileURL(entry.path).href;
      withoutText.set(`${uri}\u0000${entry.id}`, { id: entry.id, ...(entry.title !== undefined ? { title: entry.title } : {}), uri });
    }
  }
  return { sources: [...sources.values()], problems: [...problems.values()], withoutText: [...withoutText.values()] };
}

/** Whether a file event concerns the library: a file (or folder) under one of the user's source roots. */
export function touchesSourceRoots(events: readonly FileEvent[], roots: readonly string[]): boolean {
  return events.some((event) => {
    let path: string;
    try {
      path = fileURLToPath(event.uri);
    } catch {
      return false; // not a file: URI
    }
    return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
  });
}

// Sources and the bibliography files (CSL-JSON, BibTeX) whose entries give them their metadata.
const SOURCE_GLOB = `**/*.{${[...SOURCE_EXTENSIONS, ...BIBLIOGRAPHY_FILE_EXTENSIONS].map((ext) => ext.slice(1)).join(',')}}`;
// Saving one file often fires several events (write, rename, attribute change): reload once after they settle.
const RELOAD_DELAY_MS = 100;

/**
 * Watches the user's source roots. Through the client (`workspace/didChangeWatchedFiles` registration) when it can
 * do that, since editors watch files more reliably and cheaply than a second watcher per folder; else with fs.watch.
 */
export class SourceWatcher {
  private registration: Promise<Disposable> | undefined;
  private fsWatchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private roots: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly options: { clientWatches: boolean; relativePatterns: boolean },
    private readonly onSourcesChanged: () => void,
  ) {}

  /** Starts watching `roots` instead of whatever was watched before. */
  watch(roots: readonly string[]): void {
    if (roots.join('\n') === this.roots.join('\n')) return;
    this.stopWatching();
    this.roots = [...roots];
    if (roots.length === 0) return;
    if (this.options.clientWatches) {
      const watchers: FileSystemWatcher[] = roots.map((root) => ({ globPattern: this.globFor(root) }));
      this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      this.registration.catch((error) => this.connection.console.warn(`Could not watch the source folders: ${String(error)}`));
    } else {
      for (const root of roots) this.watchWithFs(root);
    }
  }

  /** A `workspace/didChangeWatchedFiles` notification arrived (the client may also send events for other files). */
  filesChanged(events: readonly FileEvent[]): void {
    if (touchesSourceRoots(events, this.roots)) this.scheduleReload();
  }

  dispose(): void {
    this.stopWatching();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.onSourcesChanged();
    }, RELOAD_DELAY_MS);
  }

  private globFor(root: string): FileSystemWatcher['globPattern'] {
    const isFile = isFileOnDisk(root);
    if (this.options.relativePatterns) {
      const folder = isFile ? resolve(root, '..') : root;
      const pattern: RelativePattern = { baseUri: pathToFileURL(folder).href, pattern: isFile ? relative(folder, root) : SOURCE_GLOB };
      return pattern;
    }
    // Glob patterns use forward slashes whatever the platform.
    const base = root.split(sep).join('/');
    return isFile ? base : `${base}/${SOURCE_GLOB}`;
  }

  private watchWithFs(root: string): void {
    try {
      const watcher = watch(root, { recursive: !isFileOnDisk(root), persistent: false }, () => this.scheduleReload());
      watcher.on('error', () => watcher.close());
      this.fsWatchers.push(watcher);
    } catch (error) {
      // A missing folder is already reported by the load; it is picked up on the next settings change.
      this.connection.console.info(`Not watching ${root}: ${String(error)}`);
    }
  }

  private stopWatching(): void {
    const registration = this.registration;
    this.registration = undefined;
    registration?.then((disposable) => disposable.dispose(), () => undefined);
    for (const watcher of this.fsWatchers) watcher.close();
    this.fsWatchers = [];
    this.roots = [];
  }
}

function isFileOnDisk(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
