// "Ignore this claim": a `<!-- grounded-ignore -->` line that switches off the block holding the claim.
// The comment switches off the next block, so where it goes depends on the block:
//   - a paragraph: on its own line above it, with the same indentation and block-quote markers;
//   - a list item: above the item's line, indented like the previous item's text, which makes the comment the end of
//     that item and so switches off just this item (at the list's own indentation it would end the list and switch
//     off every item after it). The first item of a longer list has no previous item: the comment goes on the
//     item's marker line, its text moving to the next line;
//   - a table cell: above the table (a line inside the table would break it).
// Which of these the block is needs the document's structure, except for the common case — a paragraph at the start
// of its line, outside any list or table — which is recognised from its line alone, without parsing the document.

import type { Nodes, Parent, Root } from 'mdast';
import { endOf, parseMarkdown, startOf } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import { lineEnding, type OffsetEdit } from './edits';

export const IGNORE_COMMENT = '<!-- grounded-ignore -->';

/** What an ignore comment switches off, and the edit writing it. */
export interface IgnoredBlock {
  edit: OffsetEdit;
  kind: 'paragraph' | 'list item' | 'table';
  /**
   * The offsets the block spans, for a list item or a table (every claim starting inside goes); for a paragraph,
   * undefined: its claims are those whose `blockStartOffset` is the paragraph's.
   */
  span?: { start: number; end: number };
}

export function ignoreClaimEdit(text: string, blockStartOffset: number): OffsetEdit {
  return ignoredBlock(text, blockStartOffset).edit;
}

/**
 * The ignore comment for the block starting at `blockStartOffset`. `tree` gives the parsed document when the caller
 * keeps one (it is parsed here otherwise, and only when the block's own line cannot tell what it is); `lines` is the
 * text's line index, likewise.
 */
export function ignoredBlock(
  text: string,
  blockStartOffset: number,
  tree: () => Root = () => parseMarkdown(text),
  lines: LineIndex = new LineIndex(text),
): IgnoredBlock {
  const eol = lineEnding(text);
  // A byte-order mark belongs before everything: a comment line goes after it, never above it.
  const textStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStartOf = (offset: number): number => Math.max(textStart, lines.lineStart(lines.positionAt(offset).line));
  /** The containers' markers and indentation in front of `offset` on its line, for a new line at the same depth. */
  const prefixAt = (offset: number): string => containerPrefix(text.slice(lineStartOf(offset), offset));
  const commentLineAbove = (offset: number, prefix: string): OffsetEdit => {
    const lineStart = lineStartOf(offset);
    return { start: lineStart, end: lineStart, newText: `${prefix}${IGNORE_COMMENT}${eol}` };
  };
  const paragraph = (): IgnoredBlock => ({ kind: 'paragraph', edit: commentLineAbove(blockStartOffset, prefixAt(blockStartOffset)) });

  if (isPlainParagraphStart(text, blockStartOffset, lineStartOf(blockStartOffset))) return paragraph();
  const found = findBlock(tree() as Parent, blockStartOffset);
  if (found?.kind === 'table') {
    const edit = commentLineAbove(found.tableStart, prefixAt(found.tableStart));
    return { kind: 'table', edit, span: { start: found.tableStart, end: found.tableEnd } };
  }
  if (found?.kind === 'listItem') {
    const { item, previous, siblings } = found;
    const span = { start: startOf(item), end: endOf(item) };
    const previousContent = previous?.children[0];
    if (previousContent) return { kind: 'list item', edit: commentLineAbove(startOf(item), prefixAt(startOf(previousContent))), span };
    const content = item.children[0];
    if (content && siblings > 1) {
      const contentStart = startOf(content);
      if (lineStartOf(contentStart) !== lineStartOf(startOf(item))) return { kind: 'list item', edit: commentLineAbove(contentStart, prefixAt(contentStart)), span };
      return { kind: 'list item', edit: { start: contentStart, end: contentStart, newText: `${IGNORE_COMMENT}${eol}${prefixAt(contentStart)}` }, span };
    }
    // The only item of its list: the comment above the list switches off the list, which is this item.
    return { kind: 'list item', edit: commentLineAbove(blockStartOffset, prefixAt(blockStartOffset)), span };
  }
  return paragraph();
}

/**
 * A block starting at the very start of its line, whose line neither starts like a list item nor holds a `|` (a
 * table row), is a top-level paragraph: a list item's paragraphs count from the item's marker, a quoted one starts
 * after its `>`, and a table cell's line holds pipes.
 */
function isPlainParagraphStart(text: string, blockStartOffset: number, lineStart: number): boolean {
  if (blockStartOffset !== lineStart) return false;
  let lineEnd = blockStartOffset;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  const line = text.slice(blockStartOffset, lineEnd);
  return !line.includes('|') && !/^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line);
}

/** What a new line needs to stay inside the same containers: the `>` markers kept, everything else as spaces. */
function containerPrefix(linePrefix: string): string {
  return linePrefix.replace(/[^>\t]/g, ' ');
}

type FoundBlock =
  | { kind: 'table'; tableStart: number; tableEnd: number }
  | { kind: 'listItem'; item: Parent; previous: Parent | undefined; siblings: number };

/** The list item starting at `offset`, or the table holding it; undefined for anything else (a paragraph). */
function findBlock(parent: Parent, offset: number): FoundBlock | undefined {
  const children = parent.children as Nodes[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (offset < startOf(node) || offset > endOf(node)) continue;
    if (node.type === 'listItem' && startOf(node) === offset) {
      const previous = index > 0 ? (children[index - 1] as Parent) : undefined;
      return { kind: 'listItem', item: node, previous, siblings: children.length };
    }
    if (node.type === 'table') return { kind: 'table', tableStart: startOf(node), tableEnd: endOf(node) };
    if ('children' in node) {
      const inner = findBlock(node as Parent, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}
