// A file of the project (not the draft) rewritten as part of a workspace edit: the editor applies it and can undo it,
// and the server never writes the file itself. A missing file is created, where the client can create files.

import { pathToFileURL } from 'node:url';
import { CreateFile, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, type ClientCapabilities } from 'vscode-languageserver/node';
import { LineIndex } from '../markdown/positions';

export type FileChanges = (TextDocumentEdit | CreateFile)[];

/**
 * The document changes replacing the file's text (`current`, undefined when the file does not exist) with `updated`;
 * undefined when the client takes no document changes, or cannot create a missing file.
 */
export function rewriteFileChanges(path: string, current: string | undefined, updated: string, capabilities: ClientCapabilities): FileChanges | undefined {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  if (workspaceEdit?.documentChanges !== true) return undefined;
  if (current === undefined && !(workspaceEdit.resourceOperations ?? []).includes('create')) return undefined;
  const uri = pathToFileURL(path).href;
  const whole = new LineIndex(current ?? '').rangeAt(0, (current ?? '').length);
  const textEdit = TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), [{ range: whole, newText: updated }]);
  return current === undefined ? [CreateFile.create(uri, { ignoreIfExists: true }), textEdit] : [textEdit];
}
