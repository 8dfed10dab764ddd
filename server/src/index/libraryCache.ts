// The index cache as a host uses it: the analysed sources in memory (every host, so a reload reads only the files
// that changed), and, when the host names a folder, one cache file per library there, read before the library's
// first load and written after a load that analysed something new. Without a folder there is no file: nothing is
// written anywhere the user did not choose.

import type { SourceLibrary } from '../model';
import { SourceFileCache, type CachedSourceFile } from '../sources/sourceFileCache';
import { indexCachePath, readIndexCache, writeIndexCache } from './indexCache';

/** What a library is made of, as loadSourceLibrary takes it. */
export interface LibraryFolders {
  dirs: readonly string[];
  includeBundled: boolean;
}

export class LibraryCache {
  readonly files = new SourceFileCache();
  /** Per cache file: which files, under which stamps, it holds now (read or written by this process). */
  private readonly stored = new Map<string, string>();

  /** `directory`: where the host keeps its cache (undefined: in memory only). */
  constructor(readonly directory: string | undefined) {}

  /** Before a library's load: its cache file's entries, read once per process (later loads find them in memory). */
  prepare(folders: LibraryFolders): void {
    const path = this.pathOf(folders);
    if (path === undefined || this.stored.has(path)) return;
    this.stored.set(path, fingerprint(readIndexCache(path, this.files)));
  }

  /**
   * After the library's engine is built (which analysed whatever was new): writes its cache file when the library's
   * files are not those the file holds. Returns the problem when the file cannot be written; the library is whole all
   * the same.
   */
  persist(folders: LibraryFolders, library: SourceLibrary): string | undefined {
    const path = this.pathOf(folders);
    if (path === undefined || this.directory === undefined) return undefined;
    const entries = library.sources.flatMap((source) => this.files.entry(source.path) ?? []);
    const now = fingerprint(entries);
    if (this.stored.get(path) === now) return undefined;
    const problem = writeIndexCache(path, this.directory, entries);
    // Tried once per change: a folder that cannot be written is named once, not at every reload.
    this.stored.set(path, now);
    return problem;
  }

  private pathOf(folders: LibraryFolders): string | undefined {
    return this.directory === undefined ? undefined : indexCachePath(this.directory, folders.dirs, folders.includeBundled);
  }
}

/** Which files under which stamps: equal fingerprints, nothing to write. */
function fingerprint(entries: readonly CachedSourceFile[]): string {
  return entries.map((entry) => `${entry.path}\u0000${entry.size}\u0000${entry.mtimeMs}`).join('\u0001');
}
