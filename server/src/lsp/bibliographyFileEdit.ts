// The project's bibliography file (`bibliography: refs.json` in .grounded.yaml), kept up to date by the editor: the
// Cite fixes carry the edit rewriting it, so a citation and the file Pandoc resolves it from change together, and
// undo together. Nothing is added while the file is up to date, or when it exists but cannot be read.

import type { ClientCapabilities } from 'vscode-languageserver/node';
import { bibliographyFileUpdate } from '../bibliography/projectBibliography';
import type { SourceMetadata } from '../model';
import { rewriteFileChanges, type FileChanges } from './fileEdit';

export function bibliographyFileChanges(path: string | undefined, sources: readonly SourceMetadata[], capabilities: ClientCapabilities): FileChanges | undefined {
  if (path === undefined) return undefined;
  let update: ReturnType<typeof bibliographyFileUpdate>;
  try {
    update = bibliographyFileUpdate(path, sources);
  } catch {
    return undefined;
  }
  return update && rewriteFileChanges(path, update.current, update.text, capabilities);
}
