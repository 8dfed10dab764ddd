// The analysed sources kept between loads, by file: what a source file gave (its source, or rather a pristine copy of
// it) under the size and modification time it had. A load finds an unchanged file here and neither reads nor
// tokenises it again; the language server keeps one for its whole life, so a reload after one file changed reads
// that file only, and the index cache (index/indexCache.ts) fills one from disk at start.

import { isWithin } from '../files/paths';
import type { Source } from '../model';
import type { FileStamp } from './findSourceFiles';

/** A source file as read, and whether its front matter states its title (a bibliography may give it otherwise). */
export interface ReadSource {
  source: Source;
  titleStated: boolean;
}

export interface CachedSourceFile extends FileStamp {
  path: string;
  bundled: boolean;
  /** As the file gave it: before a bibliography filled in metadata (which it does on the library's own copy). */
  source: Source;
  titleStated: boolean;
}

// A file modified this recently may change again within the file system's timestamp resolution (whole seconds on
// some), keeping the size and modification time the cache saw: it is read, never remembered (git's "racily clean").
const RACY_WINDOW_MS = 2_000;

export class SourceFileCache {
  private readonly files = new Map<string, CachedSourceFile>();

  /** A copy of the file's source when the cache holds it under this stamp, else undefined. */
  get(path: string, stamp: FileStamp, bundled: boolean): ReadSource | undefined {
    const cached = this.files.get(path);
    if (!cached || cached.size !== stamp.size || cached.mtimeMs !== stamp.mtimeMs || cached.bundled !== bundled) return undefined;
    return { source: copySource(cached.source), titleStated: cached.titleStated };
  }

  /** Remembers what a file gave, read after it had `stamp`; `now` is when it was read. */
  set(path: string, stamp: FileStamp, bundled: boolean, read: ReadSource, now = Date.now()): void {
    if (now - stamp.mtimeMs < RACY_WINDOW_MS) {
      this.files.delete(path);
      return;
    }
    this.files.set(path, { path, size: stamp.size, mtimeMs: stamp.mtimeMs, bundled, source: copySource(read.source), titleStated: read.titleStated });
  }

  /** An entry read back from the index cache file. */
  add(entry: CachedSourceFile): void {
    this.files.set(entry.path, entry);
  }

  /** Forgets the files under `folder` that a walk of it did not list any more (deleted, renamed, or now hidden). */
  forgetMissing(folder: string, listed: ReadonlySet<string>): void {
    for (const path of this.files.keys()) if (!listed.has(path) && isWithin(path, folder)) this.files.delete(path);
  }

  /** The entry of a file, when the cache holds one. */
  entry(path: string): CachedSourceFile | undefined {
    return this.files.get(path);
  }
}

/** Metadata copied, passages shared: they are never changed, and their analysis is remembered by the array. */
function copySource(source: Source): Source {
  return { ...source };
}
