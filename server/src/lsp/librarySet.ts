// The libraries the open documents are checked against: the window's (from the editor's settings) and one per
// distinct selection of sources that a project config (`.grounded.yaml` with a `sources` key) names, loaded when a
// document first needs it. A reload (settings, source files on disk) drops them all; each load gets a new version,
// so a check can tell whether its verdicts still belong to the library its document uses now.

import { selectionKey, type LibrarySelection } from '../config/policy';
import { loadLibrary, loadSelection, type LibraryContext, type LoadedLibrary } from './library';

export class LibrarySet {
  private window: LoadedLibrary | undefined;
  private readonly byConfig = new Map<string, LoadedLibrary>();
  private version = 0;

  /** Loads the window's library anew and forgets the projects' (they load again when needed). */
  reload(context: LibraryContext): LoadedLibrary {
    this.byConfig.clear();
    this.window = loadLibrary(context, ++this.version);
    return this.window;
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
      loaded = loadSelection(selection, context, ++this.version);
      this.byConfig.set(key, loaded);
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
