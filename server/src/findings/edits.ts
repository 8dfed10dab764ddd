// Text edits as offsets into the draft: what every fix is made of. The views turn them into their own form (LSP
// text edits tied to a document version, a rewritten file for `--fix`, a unified diff).

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
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

/** Applies offset edits to a text (edits at the same offset keep their order). */
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
