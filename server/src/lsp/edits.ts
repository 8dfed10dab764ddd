// Text edits as offsets (what the edit builders compute) → LSP edits tied to the document version they were built for,
// so an editor refuses to apply them to a document that changed meanwhile.

import { OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../markdown/positions';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** `lines` is the text's LineIndex when the caller has one (building it is linear in the text). */
export function toTextEdits(text: string, edits: readonly OffsetEdit[], lines: LineIndex = new LineIndex(text)): TextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeAt(edit.start, edit.end), newText: edit.newText }));
}

/**
 * The line break a new line should use: the text's own — "\r\n", a lone "\r" (old Mac files) or "\n" — by its first
 * line break ("\n" for a text without any).
 */
export function lineEnding(text: string): '\r\n' | '\r' | '\n' {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * A workspace edit of one document. `documentChanges` carries the version; clients that cannot take it (an LSP
 * capability) get the plain `changes` form.
 */
export function documentWorkspaceEdit(uri: string, version: number | undefined, edits: TextEdit[], supportsDocumentChanges: boolean): WorkspaceEdit {
  if (!supportsDocumentChanges) return { changes: { [uri]: edits } };
  return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, version ?? null), edits)] };
}

/** Applies offset edits to a text (edits at the same offset keep their order), e.g. to preview a result. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  let result = '';
  let at = 0;
  for (const { edit } of ordered) {
    result += text.slice(at, edit.start) + edit.newText;
    at = Math.max(at, edit.end);
  }
  return result + text.slice(at);
}
