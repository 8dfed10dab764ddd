// "Accept this claim" → the workspace edit that records the sentence under `accepted` in the project config file,
// as a spell checker's workspace dictionary does: an edit the editor applies and can undo, never a write of ours.
// Without a config file the edit creates one in the document's workspace folder.

import { existsSync, readFileSync } from 'node:fs';
import type { ClientCapabilities, WorkspaceEdit } from 'vscode-languageserver/node';
import { acceptClaimEdit } from '../config/accepted';
import { rewriteFileChanges } from './fileEdit';

/** Undefined when the edit cannot be made: no file to write to, a config that is not valid YAML, or a client that cannot create files. */
export function acceptEdit(configPath: string | undefined, sentence: string, capabilities: ClientCapabilities): WorkspaceEdit | undefined {
  if (configPath === undefined) return undefined;
  let current: string | undefined;
  if (existsSync(configPath)) {
    try {
      current = readFileSync(configPath, 'utf8');
    } catch {
      return undefined;
    }
  }
  let updated: string;
  try {
    updated = acceptClaimEdit(current, sentence);
  } catch {
    return undefined; // a broken config: its problems are reported; the writer fixes it first
  }
  const documentChanges = rewriteFileChanges(configPath, current, updated, capabilities);
  return documentChanges && { documentChanges };
}
