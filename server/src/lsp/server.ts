// Starts the language server: builds its parts (parts.ts) and registers each group of LSP messages on them — the
// server's life and environment (lifecycle.ts), document sync (documentSync.ts), and the features (features.ts).

import type { Connection } from 'vscode-languageserver/node';
import { registerDocumentSync } from './documentSync';
import { registerFeatures } from './features';
import { registerLifecycle } from './lifecycle';
import { createParts } from './parts';

export function startServer(connection: Connection): void {
  const parts = createParts(connection);
  registerLifecycle(parts);
  registerDocumentSync(parts);
  registerFeatures(parts);
  parts.documents.listen(connection);
  connection.listen();
}
