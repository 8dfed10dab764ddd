// The source library: the bundled articles plus the user's own folders, read into passages. Loading never throws:
// every file that cannot be used becomes a SourceProblem naming it, and the other files still load.

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isWithin } from '../files/paths';
import type { Source, SourceLibrary, SourceMetadata, SourceProblem } from '../model';
import { applyBibliographies, readBibliographyFile, type BibliographyEntry } from './bibliographyFiles';
import { findSourceFilesInSteps, realpathOrSelf, type FileStamp } from './findSourceFiles';
import { splitFrontMatter, type FrontMatterFields } from './frontMatter';
import { extractPassages } from './passages';
import { decodeText, readTextFile, type ReadTextResult } from '../files/readTextFile';
import type { ReadSource, SourceFileCache } from './sourceFileCache';
import { finishNow, type Steps } from '../workInSteps';
import { headlineOf, slugFromFileName } from './sourceNames';

/**
 * The repository's `sources/` folder. The code runs bundled as `dist/*.js` and unbundled from
 * `server/src/sources/` (tests under tsx), so walk up from this file to the folder that holds both `sources/` and
 * `package.json`: the package root in either layout.
 */
export function bundledSourcesDir(): string {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    if (isDirectory(join(folder, 'sources')) && existsSync(join(folder, 'package.json'))) return join(folder, 'sources');
    if (dirname(folder) === folder) break;
  }
  // Not found: the bundled layout's answer, which loading then reports as a missing folder.
  return join(__dirname, '..', 'sources');
}

export interface LoadSourceOptions {
  /** Extra folders (or single files) of the user's sources. */
  dirs: string[];
  includeBundled: boolean;
  /**
   * Real paths of the only folders the user's sources may lie in (an untrusted workspace's folders): a file reached
   * through a symbolic link that lands outside them is refused, named as a problem, never read.
   */
  confineTo?: readonly string[];
  /** The files analysed before (by path, size and modification time): an unchanged file is taken from it, not read. */
  cache?: SourceFileCache;
}

/**
 * Reads `.md`, `.markdown` and `.txt` files, bundled ones first, then each folder of `dirs` in order.
 * A file whose id is already taken is skipped with a problem rather than renamed: a silently suffixed id would make
 * citations of it resolve to the other source.
 * The folders' bibliography files (CSL-JSON `.json`, BibTeX `.bib`) fill in the metadata the sources' front matter
 * does not state; their entries that name no source file are listed in `withoutText`, never used as evidence.
 */
export function loadSourceLibrary(options: LoadSourceOptions): SourceLibrary {
  return finishNow(loadSourceLibraryInSteps(options));
}

/** loadSourceLibrary, yielding after each folder listed and each file read. */
export function* loadSourceLibraryInSteps(options: LoadSourceOptions): Steps<SourceLibrary> {
  const library: SourceLibrary = { sources: [], problems: [], withoutText: [] };
  const pathOfId = new Map<string, string>();
  const seenFiles = new Set<string>();
  const entries: BibliographyEntry[] = [];
  const statedTitles = new Set<Source>();
  const roots = [
    ...(options.includeBundled ? [{ folder: bundledSourcesDir(), bundled: true }] : []),
    ...options.dirs.map((folder) => ({ folder, bundled: false })),
  ];

  for (const root of roots) {
    const listing = yield* findSourceFilesInSteps(root.folder);
    library.problems.push(...listing.problems);
    options.cache?.forgetMissing(resolve(root.folder), new Set(listing.files));
    /**
     * Whether to read a file: not when it was reached already (a folder given twice, or inside another given folder),
     * nor when a link takes it out of the folders an untrusted workspace allows (named as a problem).
     */
    const admits = (path: string): boolean => {
      const realPath = listing.realPaths.get(path) ?? realpathOrSelf(path);
      if (seenFiles.has(realPath)) return false;
      seenFiles.add(realPath);
      if (root.bundled || !options.confineTo || options.confineTo.some((folder) => isWithin(realPath, folder))) return true;
      library.problems.push({ path, message: 'not read: it links outside the workspace, which is not trusted' });
      return false;
    };
    for (const path of listing.bibliographies) {
      if (!admits(path)) continue;
      const read = readBibliographyFileSafely(path);
      if ('message' in read) library.problems.push(read);
      else entries.push(...read.entries);
    }
    for (const path of listing.files) {
      yield;
      if (!admits(path)) continue;
      const read = readThroughCache(path, root.bundled, listing.stamps.get(path), options.cache);
      if ('message' in read) {
        library.problems.push(read);
        continue;
      }
      const loaded = read.source;
      const earlier = pathOfId.get(loaded.id);
      if (earlier !== undefined) {
        library.problems.push({ path, message: `id "${loaded.id}" is already used by ${earlier}; this file is skipped (give it another id in its front matter)` });
        continue;
      }
      pathOfId.set(loaded.id, path);
      library.sources.push(loaded);
      if (read.titleStated) statedTitles.add(loaded);
    }
  }
  if (entries.length > 0) library.withoutText = applyBibliographies(library.sources, entries, (source) => statedTitles.has(source));
  return library;
}

/** A bibliography file's entries, or the problem naming it: never an exception, the sources load all the same. */
export function readBibliographyFileSafely(path: string): { entries: BibliographyEntry[] } | SourceProblem {
  try {
    return readBibliographyFile(path);
  } catch (error) {
    return { path: resolve(path), message: `could not be read as a bibliography: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The cache's copy of an unchanged file, else the file read (and remembered). */
function readThroughCache(path: string, bundled: boolean, stamp: FileStamp | undefined, cache: SourceFileCache | undefined): ReadSource | SourceProblem {
  const cached = stamp && cache?.get(path, stamp, bundled);
  if (cached) return cached;
  const read = loadSourceFileSafely(path, bundled);
  if (stamp && cache && !('message' in read)) cache.set(path, stamp, bundled, read);
  return read;
}

/**
 * `loadSourceFile`, with anything it did not foresee (a parser's exception, a bug) turned into a problem naming the
 * file: one bad source never costs the library the others.
 */
function loadSourceFileSafely(path: string, bundled: boolean): ReadSource | SourceProblem {
  try {
    return readSourceFile(path, bundled);
  } catch (error) {
    return { path: resolve(path), message: `could not be read as a source: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** One file as a source, with whether its front matter states the title, or the problem that keeps it out of the library. */
export function readSourceFile(path: string, bundled: boolean): ReadSource | SourceProblem {
  const absolutePath = resolve(path);
  return sourceOfText(absolutePath, readTextFile(absolutePath), bundled);
}

/** What readSourceFile makes of a file whose bytes were read already (the archive's ingest hashes them first). */
export function sourceFromBytes(path: string, bytes: Uint8Array, bundled: boolean): ReadSource | SourceProblem {
  return sourceOfText(resolve(path), decodeText(bytes), bundled);
}

function sourceOfText(absolutePath: string, read: ReadTextResult, bundled: boolean): ReadSource | SourceProblem {
  if ('error' in read) return { path: absolutePath, message: read.error };
  const split = splitFrontMatter(read.text);
  if (!split.ok) return { path: absolutePath, message: split.problem };
  if (split.body.trim() === '') return { path: absolutePath, message: 'file has front matter but no text' };

  const id = split.fields.id ?? slugFromFileName(basename(absolutePath));
  if (id === '') return { path: absolutePath, message: 'no id: the file name has no letters or digits; add front matter with an "id"' };
  const fileStem = basename(absolutePath).replace(/\.[^.]*$/, '');
  const metadata = sourceMetadata(id, split.fields, split.body, fileStem);
  const source: Source = {
    ...metadata,
    path: absolutePath,
    bundled,
    ...extractPassages(id, split.body, split.bodyStartLine, metadata.title),
  };
  return { source, titleStated: split.fields.title !== undefined };
}

/**
 * An article's raw text as a source, for evaluation: no front matter is read and nothing is bundled. The title is the
 * headline when the text opens with one, else the id. `path` defaults to "" (there is no file).
 */
export function sourceFromText(id: string, text: string, path?: string): Source {
  const metadata = sourceMetadata(id, {}, text, id);
  return { ...metadata, path: path ?? '', bundled: false, ...extractPassages(id, text, 1, metadata.title) };
}

function sourceMetadata(id: string, fields: FrontMatterFields, body: string, fallbackTitle: string): SourceMetadata {
  const metadata: SourceMetadata = { id, title: fields.title ?? headlineOf(body) ?? fallbackTitle };
  // Only the fields the front matter states: an absent field stays absent rather than becoming `undefined`.
  for (const key of ['outlet', 'author', 'dateline', 'date', 'url'] as const) {
    const value = fields[key];
    if (value !== undefined) metadata[key] = value;
  }
  return metadata;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
