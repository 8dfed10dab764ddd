// Document sync: an opened document is checked, an edited one again after the debounce (or on save, or when asked,
// as `checkOn` says); a closed one loses its diagnostics, unless it was verified from disk.

import { readTextFile } from '../files/readTextFile';
import type { ServerParts } from './parts';
import { checkSteps, runInSlices } from './scheduler';
import { filePath } from './workspaceFolders';

export function registerDocumentSync(parts: ServerParts): void {
  const { connection, documents, scheduler, policies, verifiedFromDisk, libraryFor, publish, focus } = parts;

  // didOpen fires onDidOpen then onDidChangeContent; only later content changes are edits.
  const opening = new Set<string>();
  documents.onDidOpen((event) => opening.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (opening.delete(uri)) scheduler.opened(uri);
    else scheduler.changed(uri);
  });
  documents.onDidSave((event) => scheduler.saved(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.closed(uri);
    policies.closed(uri);
    focus.forget(uri);
    if (verifiedFromDisk.has(uri)) void republishFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** A closed file that was verified from disk keeps diagnostics for its saved text (checked in slices, like any check). */
  const republishFromDisk = async (uri: string): Promise<void> => {
    const path = filePath(uri);
    const read = path ? readTextFile(path) : undefined;
    const library = libraryFor(uri);
    if (!library || !read || 'error' in read) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // Dropped if the file is opened again meanwhile, or the library reloads (which republishes what it must).
    const checked = await runInSlices(checkSteps(uri, undefined, read.text, library), () => documents.get(uri) !== undefined || libraryFor(uri) !== library);
    if (checked) publish(checked);
  };
}
