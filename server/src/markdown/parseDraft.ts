// Markdown → the blocks whose text can hold claims, plus what citations need to resolve (footnote and link
// definitions) and the writer's ignore/disable switches.
//
// Text blocks are paragraphs (at the top level, in list items, in block quotes) and the cells of a table's body
// rows. Never read as claims: headings, code blocks, HTML, front matter (YAML or TOML), footnote definitions, link
// definitions, thematic breaks, and a table's header row (column labels, like headings).

import type { Definition, FootnoteDefinition, Nodes, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { DisabledRegions, findDirectives } from './ignoreComments';

export interface DraftBlock {
  kind: 'paragraph' | 'tableCell';
  node: Paragraph | TableCell;
  /** UTF-16 offsets of the block node in the document. */
  startOffset: number;
  endOffset: number;
  /** Start of the block holding the text: the list item for a paragraph of a list item, else the paragraph or cell. */
  blockStartOffset: number;
}

export interface ParsedDraft {
  tree: Root;
  /** Blocks to read claims from, in document order (blocks after a grounded-ignore comment left out). */
  blocks: DraftBlock[];
  /** Footnote definitions by normalised identifier. */
  footnotes: Map<string, FootnoteDefinition>;
  /** Link reference definitions (`[id]: url`) by normalised identifier. */
  definitions: Map<string, Definition>;
  /** Regions between grounded-disable and grounded-enable comments. */
  disabled: DisabledRegions;
  /**
   * Whether a grounded comment reaches further than the next top-level block: a -disable or -enable comment (its
   * region may span the document), or an ignore comment inside a block (it switches off whatever follows it there).
   * An ignore comment on its own at the top level switches off the next top-level block only.
   */
  hasReachingDirectives: boolean;
  /** The top-level blocks, in document order: where an edit's re-parse may start and stop (incrementalExtract.ts). */
  roots: RootBlock[];
}

/** A top-level block of the document: its mdast type and UTF-16 offsets. */
export interface RootBlock {
  type: string;
  start: number;
  end: number;
}

/**
 * remark-gfm's e-mail autolink construct is tried at every letter of the text and costs about a third of the parse
 * of plain prose; an e-mail address is never a citation, so it is left as text. (URL autolinks are kept.) The
 * filter only drops constructs by name, so a future remark-gfm without it changes nothing.
 */
function withoutEmailAutolinks(this: { data(): { micromarkExtensions?: Array<{ text?: Record<number, unknown> }> } }): void {
  for (const extension of this.data().micromarkExtensions ?? []) {
    const text = extension.text;
    if (!text) continue;
    for (const code of Object.keys(text).map(Number)) {
      const constructs = ([] as unknown[]).concat(text[code]);
      const kept = constructs.filter((construct) => (construct as { name?: string }).name !== 'emailAutolink');
      if (kept.length === constructs.length) continue;
      if (kept.length === 0) delete text[code];
      else text[code] = kept;
    }
  }
}

const processor = remark().use(remarkGfm).use(withoutEmailAutolinks).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// Without front matter: for a document that opens with a `---` (or `+++`) line that no fence closes. That line is a
// thematic break, and remark-frontmatter, given it, loses the document's footnote definitions (they come out as
// paragraphs, and then as claims).
const withoutFrontMatter = remark().use(remarkGfm).use(withoutEmailAutolinks).freeze();

/** Where the front matter ends (just after its closing fence line's text), when the text opens one that a later line closes. */
export function closedFrontMatterEnd(text: string): number | undefined {
  const opening = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!opening) return undefined;
  const fence = opening[1] === '---' ? '---' : '\\+\\+\\+';
  const closing = new RegExp(`(?:\\r\\n|\\r|\\n)${fence}[ \\t]*(?=\\r\\n|\\r|\\n|$)`).exec(text.slice(opening[0].length - 1));
  return closing ? opening[0].length - 1 + closing.index + closing[0].length : undefined;
}

function parserFor(text: string) {
  return /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n|$)/.test(text) && closedFrontMatterEnd(text) === undefined ? withoutFrontMatter : processor;
}

/** A draft the parser cannot read, with a message for the writer (the CLI and the server show it as the file's problem). */
export class UnreadableDraftError extends Error {}

export const TOO_DEEP_MESSAGE = 'Markdown nested too deeply to read (thousands of levels of quotes or lists)';

/**
 * How deeply quotes and lists may nest. The parser's time grows with the cube of the depth (each list scans the
 * events of every list inside it, and every line repeats its containers' prefixes): 100 levels parse in a blink,
 * 800 take half a minute, 3,000 never finish. No writing nests past a dozen.
 */
export const MAX_NESTING_DEPTH = 100;

export function parseMarkdown(markdown: string): Root {
  if (nestingDepthExceeds(markdown, MAX_NESTING_DEPTH)) throw new UnreadableDraftError(TOO_DEEP_MESSAGE);
  // micromark drops a leading byte-order mark, so its offsets count from the character after it: shift them back
  // onto the text as given, or every range and edit lands one unit early.
  if (markdown.charCodeAt(0) !== 0xfeff) return parserFor(markdown).parse(markdown);
  const tree = parserFor(markdown.slice(1)).parse(markdown.slice(1));
  shiftPositions(tree, 1);
  return tree;
}

function shiftPositions(root: Root, by: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.offset !== undefined) point.offset += by;
        if (point.line === 1) point.column += by;
      }
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}

/**
 * Whether quotes and lists nest deeper than `limit` somewhere, estimated line by line in one linear pass, before the
 * parser would spend minutes on it. Each line's `>` markers and list markers count one level each; a list item
 * stays open for the lines indented at least to its content. The estimate never counts more levels than the parser
 * would find (a line indented less than an item's content closes it here, even where a lazy line keeps it open), so
 * no real document is refused. Fenced code is skipped. Linear in the text.
 */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function nestingDepthExceeds(markdown: string, limit: number): boolean {
  const items: number[] = []; // content columns of the open list items, innermost last
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart < markdown.length) {
    let lineEnd = lineStart;
    while (lineEnd < markdown.length && markdown.charCodeAt(lineEnd) !== 10 && markdown.charCodeAt(lineEnd) !== 13) lineEnd++;
    let i = lineStart;
    let column = 0;
    let quotes = 0;
    let firstMarker = true;
    for (;;) {
      while (i < lineEnd && (markdown[i] === ' ' || markdown[i] === '\t')) column += markdown[i++] === '\t' ? 4 - (column % 4) : 1;
      if (i >= lineEnd) break;
      const c = markdown[i]!;
      if (fence !== undefined) {
        if (markdown.startsWith(fence, i)) fence = undefined;
        break;
      }
      if (c === '`' || c === '~') {
        const run = /^(`{3,}(?![^`]*`)|~{3,})/.exec(markdown.slice(i, lineEnd));
        if (run) fence = run[1];
        break;
      }
      if (c === '>') {
        quotes++;
        i++;
        column++;
        continue;
      }
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(markdown.slice(i, Math.min(lineEnd, i + 11)));
      if (!marker) break;
      // "- - -" and "* * *" are thematic breaks, not lists.
      if (firstMarker && (c === '-' || c === '*') && THEMATIC_BREAK.test(markdown.slice(i, lineEnd))) break;
      if (firstMarker) {
        while (items.length > 0 && items[items.length - 1]! > column) items.pop();
        firstMarker = false;
      }
      i += marker[0].length;
      column += marker[0].length;
      items.push(column + 1);
    }
    if (i < lineEnd && firstMarker && fence === undefined) {
      // A line of text closes the items it is not indented into.
      while (items.length > 0 && items[items.length - 1]! > column) items.pop();
    }
    if (items.length + quotes > limit) return true;
    lineStart = lineEnd + (markdown.startsWith('\r\n', lineEnd) ? 2 : 1);
  }
  return false;
}

export function parseDraft(markdown: string): ParsedDraft {
  return draftOfTree(parseMarkdown(markdown), markdown.length, markdown.length);
}

/**
 * Part of a document, read as it reads in place: `text.slice(start, end)`, with `definitions` (the document's
 * footnote and link definitions, which make `[^1]` and `[x][id]` references) appended after it, parsed with offsets
 * onto the whole text. Only the blocks of the slice are returned. It reads as in place only when the slice starts
 * and ends between top-level blocks and holds no front matter: the caller checks (incrementalExtract.ts).
 */
export function parseDraftFragment(text: string, start: number, end: number, definitions: string): ParsedDraft {
  const fragment = text.slice(start, end) + definitions;
  if (nestingDepthExceeds(fragment, MAX_NESTING_DEPTH)) throw new UnreadableDraftError(TOO_DEEP_MESSAGE);
  // Only a document's start may open front matter.
  const tree = (start === 0 ? parserFor(fragment) : withoutFrontMatter).parse(fragment);
  shiftPositions(tree, start);
  return draftOfTree(tree, end, text.length);
}

/**
 * Whether the definitions appended to a fragment (`parseDraftFragment`) all read as definitions: an unclosed fence or
 * HTML block at the fragment's end would swallow them, and its references would not resolve as in place.
 */
export function readsAppendedDefinitions(part: ParsedDraft, end: number, appended: number): boolean {
  let read = 0;
  for (const node of part.tree.children) if (startOf(node) >= end && isDefinition(node.type)) read++;
  return read === appended;
}

/** Whether a block is a footnote or link definition: it makes references resolve anywhere in the draft. */
export function isDefinition(type: string): boolean {
  return type === 'definition' || type === 'footnoteDefinition';
}

/** Whether every footnote and link definition of the draft is a top-level block (none inside a quote or list). */
export function definitionsAtTopLevel(draft: ParsedDraft): boolean {
  const topLevel = new Set<unknown>(draft.tree.children);
  for (const node of draft.footnotes.values()) if (!topLevel.has(node)) return false;
  for (const node of draft.definitions.values()) if (!topLevel.has(node)) return false;
  return true;
}

/** The blocks of the tree's top-level nodes that start before `blocksEnd`; the definitions of all of them. */
function draftOfTree(tree: Root, blocksEnd: number, textLength: number): ParsedDraft {
  const walker = new FlowWalker();
  const own = tree.children.filter((node) => startOf(node) < blocksEnd);
  walker.walk(own as Nodes[], false, undefined, true);
  // What follows the blocks (the definitions appended to a fragment) is read for its definitions only.
  for (const node of tree.children.slice(own.length)) {
    if (isDefinition(node.type)) walker.walk([node], false, undefined);
  }
  walker.disabled.finish(textLength);
  return {
    tree,
    blocks: walker.blocks,
    footnotes: walker.footnotes,
    definitions: walker.definitions,
    disabled: walker.disabled,
    hasReachingDirectives: walker.hasReachingDirectives,
    roots: own.map((node) => ({ type: node.type, start: startOf(node), end: endOf(node) })),
  };
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

class FlowWalker {
  readonly blocks: DraftBlock[] = [];
  readonly footnotes = new Map<string, FootnoteDefinition>();
  readonly definitions = new Map<string, Definition>();
  readonly disabled = new DisabledRegions();
  /** A grounded-ignore comment was seen: the next block is skipped. */
  private ignoreNext = false;
  hasReachingDirectives = false;

  /**
   * @param ignored The nodes sit inside a block a grounded-ignore comment switched off.
   * @param listItemStart Start of the list item the nodes are direct children of.
   */
  walk(nodes: readonly Nodes[], ignored: boolean, listItemStart: number | undefined, topLevel = false): void {
    for (const node of nodes) {
      if (node.type === 'html') {
        this.directives(node.value, startOf(node), topLevel);
        continue;
      }
      let skip = ignored;
      if (this.ignoreNext) {
        this.ignoreNext = false;
        skip = true;
      }
      switch (node.type) {
        case 'paragraph':
          this.inlineDirectives(node.children);
          if (!skip) this.pushBlock('paragraph', node, listItemStart ?? startOf(node));
          break;
        case 'blockquote':
        case 'list':
          this.walk(node.children as Nodes[], skip, undefined);
          break;
        case 'listItem':
          // An ignore comment opening the item ("- <!-- grounded-ignore -->", what "Ignore this list item" writes on
          // a first item) switches off the whole item, its nested items included, as one above the item does.
          this.walk(node.children as Nodes[], skip || opensWithIgnore(node.children as Nodes[]), startOf(node));
          break;
        case 'table':
          node.children.forEach((row, rowIndex) => {
            for (const cell of row.children) {
              this.inlineDirectives(cell.children);
              // The header row holds column labels, not claims.
              if (!skip && rowIndex > 0) this.pushBlock('tableCell', cell, cellContentStart(cell));
            }
          });
          break;
        case 'footnoteDefinition':
          if (!this.footnotes.has(node.identifier)) this.footnotes.set(node.identifier, node);
          break;
        case 'definition':
          if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
          break;
        case 'heading':
          this.inlineDirectives(node.children);
          break;
        default:
          // code, yaml, toml, thematicBreak, …: no claims.
          break;
      }
    }
  }

  private pushBlock(kind: DraftBlock['kind'], node: Paragraph | TableCell, blockStartOffset: number): void {
    this.blocks.push({ kind, node, startOffset: startOf(node), endOffset: endOf(node), blockStartOffset });
  }

  private directives(html: string, offset: number, topLevel = false): void {
    for (const comment of findDirectives(html, offset)) {
      if (comment.directive !== 'ignore' || !topLevel) this.hasReachingDirectives = true;
      if (comment.directive === 'ignore') this.ignoreNext = true;
      else this.disabled.add(comment);
    }
  }

  /** Comments written inside a paragraph act like those on their own line. */
  private inlineDirectives(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.type === 'html') this.directives(node.value, startOf(node));
      else if ('children' in node) this.inlineDirectives(node.children as PhrasingContent[]);
    }
  }
}

function opensWithIgnore(children: readonly Nodes[]): boolean {
  const first = children[0];
  return first?.type === 'html' && findDirectives(first.value, 0).some((comment) => comment.directive === 'ignore');
}

function cellContentStart(cell: TableCell): number {
  const first = cell.children[0];
  return first ? startOf(first) : startOf(cell);
}
