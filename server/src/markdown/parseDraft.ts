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

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

export function parseDraft(markdown: string): ParsedDraft {
  const tree = parseMarkdown(markdown);
  const walker = new FlowWalker();
  walker.walk(tree.children as Nodes[], false, undefined);
  walker.disabled.finish(markdown.length);
  return {
    tree,
    blocks: walker.blocks,
    footnotes: walker.footnotes,
    definitions: walker.definitions,
    disabled: walker.disabled,
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

  /**
   * @param ignored The nodes sit inside a block a grounded-ignore comment switched off.
   * @param listItemStart Start of the list item the nodes are direct children of.
   */
  walk(nodes: readonly Nodes[], ignored: boolean, listItemStart: number | undefined): void {
    for (const node of nodes) {
      if (node.type === 'html') {
        this.directives(node.value, startOf(node));
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
          this.walk(node.children as Nodes[], skip, startOf(node));
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

  private directives(html: string, offset: number): void {
    for (const comment of findDirectives(html, offset)) {
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

function cellContentStart(cell: TableCell): number {
  const first = cell.children[0];
  return first ? startOf(first) : startOf(cell);
}
