// "Ignore this claim": a `<!-- grounded-ignore -->` line that switches off the block holding the claim.
// The comment switches off the next block, so where it goes depends on the block:
//   - a paragraph: on its own line above it, with the same indentation and block-quote markers;
//   - a list item: above the item's line, indented like the previous item's text, which makes the comment the end of
//     that item and so switches off just this item (at the list's own indentation it would end the list and switch
//     off every item after it). The first item of a longer list has no previous item: the comment goes on the
//     item's marker line, its text moving to the next line;
//   - a table cell: above the table (a line inside the table would break it).

import type { Nodes, Parent } from 'mdast';
import { endOf, parseMarkdown, startOf } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import type { OffsetEdit } from './edits';

export const IGNORE_COMMENT = '<!-- grounded-ignore -->';

export function ignoreClaimEdit(text: string, blockStartOffset: number): OffsetEdit {
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStartOf = (offset: number): number => lines.lineStart(lines.positionAt(offset).line);
  /** The containers' markers and indentation in front of `offset` on its line, for a new line at the same depth. */
  const prefixAt = (offset: number): string => containerPrefix(text.slice(lineStartOf(offset), offset));
  const commentLineAbove = (offset: number, prefix: string): OffsetEdit => {
    const lineStart = lineStartOf(offset);
    return { start: lineStart, end: lineStart, newText: `${prefix}${IGNORE_COMMENT}${eol}` };
  };

  const found = findBlock(parseMarkdown(text) as Parent, blockStartOffset);
  if (found?.kind === 'table') return commentLineAbove(found.tableStart, prefixAt(found.tableStart));
  if (found?.kind === 'listItem') {
    const { item, previous, siblings } = found;
    const previousContent = previous?.children[0];
    if (previousContent) return commentLineAbove(startOf(item), prefixAt(startOf(previousContent)));
    const content = item.children[0];
    if (content && siblings > 1) {
      const contentStart = startOf(content);
      if (lineStartOf(contentStart) !== lineStartOf(startOf(item))) return commentLineAbove(contentStart, prefixAt(contentStart));
      return { start: contentStart, end: contentStart, newText: `${IGNORE_COMMENT}${eol}${prefixAt(contentStart)}` };
    }
  }
  return commentLineAbove(blockStartOffset, prefixAt(blockStartOffset));
}

/** What a new line needs to stay inside the same containers: the `>` markers kept, everything else as spaces. */
function containerPrefix(linePrefix: string): string {
  return linePrefix.replace(/[^>\t]/g, ' ');
}

type FoundBlock =
  | { kind: 'table'; tableStart: number }
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
    if (node.type === 'table') return { kind: 'table', tableStart: startOf(node) };
    if ('children' in node) {
      const inner = findBlock(node as Parent, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}
