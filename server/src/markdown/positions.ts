// UTF-16 offsets ↔ LSP positions (0-based line, UTF-16 character) for one text.
// Line breaks are "\r\n", "\n" or a lone "\r", each counted once, exactly as LSP clients count them. Characters are
// UTF-16 code units, so an emoji (a surrogate pair) advances the character by two — the same unit JavaScript
// string offsets use, so no conversion is needed beyond the line split.

import { partitionPoint } from '../index/partitionPoint';
import type { Position, Range } from '../model';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    /** The line starts, when known (`afterEdit`). */
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, which is the indexed text with [start, oldEnd) replaced by [start, newEnd): only the edited
   * stretch is scanned (a book-length draft has a megabyte of text and tens of thousands of lines), the lines after it
   * are moved. A line starts after a "\n", or after a "\r" not followed by "\n": so the starts up to the edit's start
   * and those more than one character past its end read characters the edit left alone.
   */
  afterEdit(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = this.lineStarts;
    const delta = newEnd - oldEnd;
    const starts = old.slice(0, partitionPoint(old.length, (i) => old[i]! < start));
    if (start === 0) starts.push(0);
    for (let at = Math.max(start, 1); at <= Math.min(newEnd + 1, text.length); at++) {
      const c = text.charCodeAt(at - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(at) !== 10)) starts.push(at);
    }
    for (let i = partitionPoint(old.length, (k) => old[k]! < oldEnd + 2); i < old.length; i++) starts.push(old[i]! + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the start of `line` (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line]!;
  }

  /** Offset just after the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStarts[line]!);
  }

  /** The LSP position of a UTF-16 offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The last line starting at or before the offset (the first line starts at 0, so there is one).
    const line = partitionPoint(this.lineStarts.length, (i) => this.lineStarts[i]! <= clamped) - 1;
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /** The UTF-16 offset of an LSP position; a character past the end of its line is clamped to the line end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeAt(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

/** One-off conversion; build a `LineIndex` when converting many offsets of the same text. */
export function offsetToPosition(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}

/** One-off conversion; build a `LineIndex` when converting many positions of the same text. */
export function positionToOffset(text: string, position: Position): number {
  return new LineIndex(text).offsetAt(position);
}
