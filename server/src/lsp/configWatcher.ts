// Watches each project config file the server has read, wherever it lies (a config above the workspace folders, or a
// document outside them, is no file the editor watches for us): an edit — the writer's, or the "Accept this claim"
// edit once saved — applies to the open documents at once.

import { watch, type FSWatcher } from 'node:fs';

// Saving fires several events (write, rename, attributes): act once they settle.
const SETTLE_MS = 100;

export class ConfigWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly changed: () => void) {}

  /** Starts watching a config file, once per path. */
  watch(path: string): void {
    if (this.watchers.has(path)) return;
    try {
      const watcher = watch(path, { persistent: false }, () => this.settle());
      // A config deleted or replaced by a rename ends its watcher: read again, and watch anew on the next read.
      watcher.on('error', () => this.forget(path));
      watcher.on('close', () => this.watchers.delete(path));
      this.watchers.set(path, watcher);
    } catch {
      // Gone already: the next read finds out.
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private forget(path: string): void {
    this.watchers.get(path)?.close();
    this.watchers.delete(path);
    this.settle();
  }

  private settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Editors save by rename: the watched inode may be gone; watch the path anew when it is next read.
      for (const [path, watcher] of this.watchers) {
        watcher.close();
        this.watchers.delete(path);
      }
      this.changed();
    }, SETTLE_MS);
  }
}
