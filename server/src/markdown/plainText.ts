// The plain text of one block (a paragraph or a table cell) with a map from every character back to the document.
//
// What the plain text keeps and drops:
//  - text, with emphasis/strong markup removed and escapes (`\*`) and entities (`&amp;`) decoded;
//  - link text is kept, its URL dropped; a bare URL (autolink) is dropped entirely;
//  - inline code, inline HTML tags (the text between them stays; `<br>` is a line break), images and struck-out
//    text (`~~…~~`, deleted by the writer) are dropped;
//  - footnote references and Pandoc citations are dropped from the text and recorded as citation markers, as are
//    links (whether a link is a citation is decided later, by its URL);
//  - a hard line break becomes "\n"; soft line breaks stay as written ("\n" or "\r\n").
// Every UTF-16 unit of the text maps to the document offsets of its source (an escape or an entity maps to the
// whole sequence), and markup opened right before / closed right after a run of text is remembered, so a span of
// the plain text maps back to a document range that includes its enclosing `**`, `[` … `](url)`.

import type { Definition, Link, LinkReference, Nodes, PhrasingContent } from 'mdast';
import { findTextCitations, type CitationMarker } from './citations';
import { endOf, startOf } from './parseDraft';

export interface PlainText {
  text: string;
  /** Document offset of the source of each UTF-16 unit of `text`. */
  starts: number[];
  /** Document offset just after the source of each UTF-16 unit of `text`. */
  ends: number[];
  /** Plain index → smallest document offset of markup opened right before it (no text in between). */
  openings: Map<number, number>;
  /** Plain index (exclusive end) → largest document offset of markup closed right there. */
  closings: Map<number, number>;
  /** Citation markers in text order. */
  markers: CitationMarker[];
}

/** Builds the plain text of a paragraph or table cell. */
export function buildPlainText(
  children: readonly PhrasingContent[],
  markdown: string,
  definitions: ReadonlyMap<string, Definition>,
): PlainText {
  const builder = new Builder(markdown, definitions);
  builder.phrasing(children);
  return builder.result();
}

/** The document range of the plain span [start, end) (end > start), enclosing markup included. */
export function sourceRange(plain: PlainText, start: number, end: number): { start: number; end: number } {
  let s = plain.starts[start]!;
  let e = plain.ends[end - 1]!;
  const opened = plain.openings.get(start);
  if (opened !== undefined && opened < s) s = opened;
  const closed = plain.closings.get(end);
  if (closed !== undefined && closed > e) e = closed;
  return { start: s, end: e };
}

class Builder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly openings = new Map<number, number>();
  private readonly closings = new Map<number, number>();
  private readonly markers: CitationMarker[] = [];

  constructor(
    private readonly markdown: string,
    private readonly definitions: ReadonlyMap<string, Definition>,
  ) {}

  result(): PlainText {
    // Markers were recorded as their nodes closed; a link's text starts before the markers inside it.
    this.markers.sort((a, b) => a.at - b.at || a.start - b.start);
    return {
      text: this.parts.join(''),
      starts: this.starts,
      ends: this.ends,
      openings: this.openings,
      closings: this.closings,
      markers: this.markers,
    };
  }

  phrasing(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) this.node(node);
  }

  private node(node: PhrasingContent): void {
    switch (node.type) {
      case 'text':
        this.text(node.value, startOf(node), endOf(node));
        break;
      case 'emphasis':
      case 'strong':
        this.open(node);
        this.phrasing(node.children);
        this.close(node);
        break;
      case 'link':
        this.link(node, node.url);
        break;
      case 'linkReference': {
        const url = this.definitions.get(node.identifier)?.url;
        if (url === undefined) this.phrasing(node.children);
        else this.link(node, url);
        break;
      }
      case 'footnoteReference':
        this.markers.push({
          kind: 'footnote',
          label: node.label ?? node.identifier,
          footnoteIdentifier: node.identifier,
          start: startOf(node),
          end: endOf(node),
          at: this.length,
          zeroWidth: true,
        });
        break;
      case 'break':
        this.push('\n', startOf(node), endOf(node));
        break;
      case 'html':
        // A line break written as HTML separates words; other tags and comments leave nothing.
        if (/^<br\s*\/?>$/i.test(node.value)) this.push('\n', startOf(node), endOf(node));
        break;
      case 'delete':
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        break;
      default:
        if ('children' in node) this.phrasing((node as { children: PhrasingContent[] }).children);
        break;
    }
  }

  private link(node: Link | LinkReference, url: string): void {
    const at = this.length;
    if (isBareUrl(node, url)) {
      this.markers.push({ kind: 'link', label: url, start: startOf(node), end: endOf(node), at, zeroWidth: true });
      return;
    }
    this.open(node);
    this.phrasing(node.children);
    this.close(node);
    this.markers.push({ kind: 'link', label: url, start: startOf(node), end: endOf(node), at, zeroWidth: this.length === at });
  }

  private open(node: Nodes): void {
    if (!this.openings.has(this.length)) this.openings.set(this.length, startOf(node));
  }

  private close(node: Nodes): void {
    const end = endOf(node);
    const known = this.closings.get(this.length);
    if (known === undefined || end > known) this.closings.set(this.length, end);
  }

  private push(unit: string, start: number, end: number): void {
    this.parts.push(unit);
    for (let k = 0; k < unit.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.length += unit.length;
  }

  /** Appends a text node's value, aligned to its source; citation markers written as text are lifted out. */
  private text(value: string, from: number, to: number): void {
    const { starts, ends } = align(value, this.markdown, from, to);
    let copied = 0;
    for (const citation of findTextCitations(value)) {
      this.append(value, starts, ends, copied, citation.start);
      this.markers.push({
        kind: citation.kind,
        label: citation.keys[0]!,
        keys: citation.kind === 'pandoc' ? citation.keys : undefined,
        start: starts[citation.start]!,
        end: ends[citation.end - 1]!,
        at: this.length,
        zeroWidth: true,
      });
      copied = citation.end;
    }
    this.append(value, starts, ends, copied, value.length);
  }

  private append(value: string, starts: number[], ends: number[], from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(from === 0 && to === value.length ? value : value.slice(from, to));
    for (let k = from; k < to; k++) {
      this.starts.push(starts[k]!);
      this.ends.push(ends[k]!);
    }
    this.length += to - from;
  }
}

/** A link whose text is its own URL (`<https://…>`, `https://…`, `www.…`): the URL is not prose. */
function isBareUrl(node: Link | LinkReference, url: string): boolean {
  if (node.children.length !== 1) return node.children.length === 0;
  const only = node.children[0]!;
  if (only.type !== 'text') return false;
  const text = only.value;
  return text === url || `http://${text}` === url || `https://${text}` === url || `mailto:${text}` === url || /^(?:https?:\/\/|www\.)\S+$/.test(text);
}

// A character reference: decimal, hexadecimal or named.
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * Maps each UTF-16 unit of a text node's value to its source in `markdown[from, to)`. The value differs from the
 * source only by decoded escapes and entities and by container markup the parser strips at line starts (`> `,
 * indentation, trailing spaces), so a single forward walk aligns them; any unmatched tail maps to the node's end.
 */
function align(value: string, markdown: string, from: number, to: number): { starts: number[]; ends: number[] } {
  const n = value.length;
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  let i = from;
  let j = 0;
  while (j < n) {
    if (i >= to) {
      starts[j] = to;
      ends[j] = to;
      j++;
      continue;
    }
    const sc = markdown.charCodeAt(i);
    const vc = value.charCodeAt(j);
    if (sc === 38 /* & */) {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(markdown);
      if (entity && i + entity[0].length <= to && !value.startsWith(entity[0], j)) {
        const length = entity[0].length;
        const units = Math.min(decodedUnits(entity[0], value, j), n - j);
        for (let k = 0; k < units; k++) {
          starts[j + k] = i;
          ends[j + k] = i + length;
        }
        j += units;
        i += length;
        continue;
      }
    }
    if (sc === vc) {
      starts[j] = i;
      ends[j] = i + 1;
      i++;
      j++;
      continue;
    }
    if (sc === 92 /* \ */ && i + 1 < to && markdown.charCodeAt(i + 1) === vc) {
      starts[j] = i;
      ends[j] = i + 2;
      i += 2;
      j++;
      continue;
    }
    // Markup the value leaves out.
    i++;
  }
  return { starts, ends };
}

/** How many UTF-16 units of the value a character reference decoded to (one character, one or two units). */
function decodedUnits(entity: string, value: string, at: number): number {
  if (entity[1] === '#') {
    const code = entity[2] === 'x' || entity[2] === 'X' ? parseInt(entity.slice(3, -1), 16) : parseInt(entity.slice(2, -1), 10);
    return code > 0xffff && code <= 0x10ffff ? 2 : 1;
  }
  const code = value.codePointAt(at) ?? 0;
  return code > 0xffff ? 2 : 1;
}
