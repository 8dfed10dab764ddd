// Offset edits (what the findings' fixes are made of) → LSP edits tied to the document version they were built for,
// so an editor refuses to apply them to a document that changed meanwhile.

import { OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { OffsetEdit } from '../findings/edits';
import { LineIndex } from '../markdown/positions';

/** `lines` is the text's LineIndex when the caller has one (building it is linear in the text). */
export function toTextEdits(text: string, edits: readonly OffsetEdit[], lines: LineIndex = new LineIndex(text)): TextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeAt(edit.start, edit.end), newText: edit.newText }));
}

/**
 * A workspace edit of one document. `documentChanges` carries the version; clients that cannot take it (an LSP
 * capability) get the plain `changes` form.
 */
export function documentWorkspaceEdit(uri: string, version: number | undefined, edits: TextEdit[], supportsDocumentChanges: boolean): WorkspaceEdit {
  if (!supportsDocumentChanges) return { changes: { [uri]: edits } };
  return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, version ?? null), edits)] };
}
