// The libraries the open documents are checked against: the window's (from the editor's settings) and one per
// distinct selection of sources that a project config (`.grounded.yaml` with a `sources` key) names, loaded when a
// document first needs it. A reload (settings, source files on disk) drops them all; each load gets a new version,
// so a check can tell whether its verdicts still belong to the library its document uses now. Every load goes through
// one LibraryCache, so a reload reads and analyses only the source files that changed since the last load; with the
// host's cache folder, each library's analysis is also written there (after a pause) for the next start.

import { selectionKey, type LibrarySelection } from '../config/policy';
import { LibraryCache } from '../index/libraryCache';
import { finishInSlices } from '../workInSteps';
import { loadLibraryInSteps, loadSelection, type LibraryContext, type LoadedLibrary } from './library';

// Writing a 10,000-article library's cache takes a few hundred milliseconds: not before the first checks are out, and
// once after a burst of reloads.
const CACHE_WRITE_DELAY_MS = 2_000;

export class LibrarySet {
  private window: LoadedLibrary | undefined;
  private readonly byConfig = new Map<string, LoadedLibrary>();
  private version = 0;
  private cache = new LibraryCache(undefined);
  private readonly unsaved = new Set<LoadedLibrary>();
  private saveTimer: NodeJS.Timeout | undefined;
  private cacheProblem: (message: string) => void = () => undefined;
  private reloading: Promise<unknown> = Promise.resolve();

  /**
   * Keeps the index cache in `directory` (the client's `initializationOptions.cacheDirectory`); `problem` hears when it
   * cannot be written. Before the first load.
   */
  useCacheDirectory(directory: string, problem: (message: string) => void): void {
    this.cache = new LibraryCache(directory);
    this.cacheProblem = problem;
  }

  /**
   * Loads the window's library anew and forgets the projects' (they load again when needed). The load runs in slices
   * between which the server answers from the libraries it has; reloads run one after another.
   */
  reload(context: LibraryContext): Promise<LoadedLibrary> {
    const run = this.reloading.then(async () => {
      const loaded = await finishInSlices(loadLibraryInSteps(context, ++this.version, this.cache));
      this.byConfig.clear();
      this.unsaved.clear();
      this.window = loaded;
      this.saveLater(loaded);
      return loaded;
    });
    this.reloading = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  private saveLater(loaded: LoadedLibrary): void {
    if (this.cache.directory === undefined) return;
    this.unsaved.add(loaded);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      for (const library of this.unsaved) {
        const problem = this.cache.persist({ dirs: library.roots, includeBundled: library.selection.includeBundled }, library.library);
        if (problem !== undefined) this.cacheProblem(`The index cache cannot be written in ${this.cache.directory} (${problem}); the sources are read without it.`);
      }
      this.unsaved.clear();
    }, CACHE_WRITE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** The window's library; undefined before the first load. */
  get current(): LoadedLibrary | undefined {
    return this.window;
  }

  /** The library of a project config's selection, loaded on first use (undefined before the first load). */
  forSelection(selection: LibrarySelection | undefined, context: LibraryContext): LoadedLibrary | undefined {
    if (!this.window || !selection) return this.window;
    const key = selectionKey(selection);
    let loaded = this.byConfig.get(key);
    if (!loaded) {
      loaded = loadSelection(selection, context, ++this.version, this.cache);
      this.byConfig.set(key, loaded);
      this.saveLater(loaded);
    }
    return loaded;
  }

  /** Every library loaded now, the window's first. */
  all(): LoadedLibrary[] {
    return this.window ? [this.window, ...this.byConfig.values()] : [];
  }

  /** The user's source folders of every loaded library, for the watcher. */
  roots(): string[] {
    return [...new Set(this.all().flatMap((library) => library.roots))];
  }
}
