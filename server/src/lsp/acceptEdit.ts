// "Accept this claim" → the workspace edit that records the sentence under `accepted` in the project config file,
// as a spell checker's workspace dictionary does: an edit the editor applies and can undo, never a write of ours.
// Without a config file the edit creates one in the document's workspace folder.

import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CreateFile, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, type ClientCapabilities, type WorkspaceEdit } from 'vscode-languageserver/node';
import { acceptClaimEdit } from '../config/accepted';
import { LineIndex } from '../markdown/positions';

/** Undefined when the edit cannot be made: no file to write to, a config that is not valid YAML, or a client that cannot create files. */
export function acceptEdit(configPath: string | undefined, sentence: string, capabilities: ClientCapabilities): WorkspaceEdit | undefined {
  if (configPath === undefined) return undefined;
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  if (workspaceEdit?.documentChanges !== true) return undefined;
  const uri = pathToFileURL(configPath).href;
  const exists = existsSync(configPath);
  let current: string | undefined;
  if (exists) {
    try {
      current = readFileSync(configPath, 'utf8');
    } catch {
      return undefined;
    }
  } else if (!(workspaceEdit.resourceOperations ?? []).includes('create')) {
    return undefined;
  }
  let updated: string;
  try {
    updated = acceptClaimEdit(current, sentence);
  } catch {
    return undefined; // a broken config: its problems are reported; the writer fixes it first
  }
  const whole = new LineIndex(current ?? '').rangeAt(0, (current ?? '').length);
  const textEdit = TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), [{ range: whole, newText: updated }]);
  return { documentChanges: exists ? [textEdit] : [CreateFile.create(uri, { ignoreIfExists: true }), textEdit] };
}
