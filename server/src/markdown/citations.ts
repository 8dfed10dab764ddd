// Citations in a draft, and how each resolves to a source of the library.
//
// Three forms are read:
//  - footnote references `[^label]`: through the footnote definition, whose text may name the source by id
//    (`[^1]: ap-norway-talks`), by Pandoc key (`[^1]: [@ap-norway-talks]`), by URL (`[^1]: https://…`) or by title
//    (`[^1]: Norway says … Barbados. AP.`, the definition the Cite fixes write). Without a definition the label
//    itself may be a source id (`[^ap-norway-talks]`); with one, only its text counts: `[^ap-norway-talks]: My own
//    note` is the writer's note, not a citation.
//  - Pandoc citations `[@key]`, `[@key, p. 3]`, `[see @a; @b]`: each key through `sourceIdForKey`;
//  - links `[text](url)` (and reference links, autolinks) whose URL is a source's URL. A link to an unknown URL is
//    ordinary prose, not a citation.
// Unresolved footnote and Pandoc citations are kept with `sourceId` undefined so they can be reported.
// A marker that names several sources (`[@a; @b]`, or a footnote listing two) yields one citation per source,
// all with the marker's range.

import type { Definition, FootnoteDefinition, Nodes } from 'mdast';
import type { Citation, CitationKind } from '../model';
import type { LineIndex } from './positions';

export interface CitationResolver {
  /** The source id a citation key (Pandoc key, footnote text or label) names, if any. */
  sourceIdForKey(key: string): string | undefined;
  /** The source id whose URL this is, if any. */
  sourceIdForUrl(url: string): string | undefined;
  /** The source id whose title the text starts with (case, spacing and quote marks aside), if any. */
  sourceIdForTitle?(text: string): string | undefined;
}

/** A citation marker found while reading a block's text, before resolution. */
export interface CitationMarker {
  kind: CitationKind;
  /** Footnote label, or link URL, as written. */
  label: string;
  /** Pandoc keys, in order (Pandoc markers only). */
  keys?: string[];
  /** Normalised identifier of a parsed footnote reference, when its definition exists. */
  footnoteIdentifier?: string;
  /** UTF-16 offsets of the whole marker in the document. */
  start: number;
  end: number;
  /** Index in the block's plain text where the marker sits (its text, for a link, starts there). */
  at: number;
  /** The marker left no text behind (footnotes, Pandoc citations, bare URLs). */
  zeroWidth: boolean;
}

/** A footnote or Pandoc marker written as plain text, with offsets into that text. */
export interface TextCitation {
  kind: 'footnote' | 'pandoc';
  start: number;
  end: number;
  /** The footnote label, or the Pandoc keys. */
  keys: string[];
}

// `[^label]` (a footnote reference the parser left as text because no definition exists), or any bracket without
// nested brackets, whose content is then read for `@key`s. (Asking the pattern for an `@` inside the bracket would
// backtrack quadratically on a long "[@@@…" with no closing bracket.)
const TEXT_CITATION = /\[\^([^\[\]\s]+)\]|\[([^\[\]]*)\]/g;
// A Pandoc key: `@` at the start of an item (after `[`, space, `;` or `-`), a letter, digit or `_`, then word
// characters with inner punctuation.
const PANDOC_KEY = /(?:^|[\s;-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*)/gu;

/** Footnote references and Pandoc citations written in a run of text. */
export function findTextCitations(text: string): TextCitation[] {
  if (!text.includes('[')) return [];
  const found: TextCitation[] = [];
  for (const match of text.matchAll(TEXT_CITATION)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      found.push({ kind: 'footnote', start, end, keys: [match[1]] });
      continue;
    }
    const content = match[2]!;
    const keys = content.includes('@') ? pandocKeys(content) : [];
    if (keys.length > 0) found.push({ kind: 'pandoc', start, end, keys });
  }
  return found;
}

/** The `@key`s of a Pandoc citation's bracket content ("see @a, p. 3; @b" → a, b). */
export function pandocKeys(content: string): string[] {
  const keys: string[] = [];
  for (const match of content.matchAll(PANDOC_KEY)) keys.push(match[1]!);
  return keys;
}

/** Resolves markers to citations, caching what each footnote definition names. */
export class CitationResolution {
  private readonly footnoteCache = new Map<string, string[]>();

  constructor(
    private readonly resolver: CitationResolver,
    private readonly footnotes: ReadonlyMap<string, FootnoteDefinition>,
    private readonly definitions: ReadonlyMap<string, Definition>,
    private readonly lines: LineIndex,
  ) {}

  resolve(marker: CitationMarker): Citation[] {
    const range = this.lines.rangeAt(marker.start, marker.end);
    switch (marker.kind) {
      case 'link': {
        const sourceId = this.resolver.sourceIdForUrl(marker.label);
        return sourceId === undefined ? [] : [{ kind: 'link', label: marker.label, sourceId, range }];
      }
      case 'pandoc':
        return (marker.keys ?? [marker.label]).map((key) => withSource({ kind: 'pandoc', label: key, range }, this.resolver.sourceIdForKey(key)));
      case 'footnote': {
        const ids = this.footnoteSources(marker);
        if (ids.length === 0) return [{ kind: 'footnote', label: marker.label, range }];
        return ids.map((sourceId) => ({ kind: 'footnote', label: marker.label, sourceId, range }));
      }
    }
  }

  private footnoteSources(marker: CitationMarker): string[] {
    const cacheKey = marker.footnoteIdentifier ?? `\u0000${marker.label}`;
    let ids = this.footnoteCache.get(cacheKey);
    if (ids === undefined) {
      const definition = marker.footnoteIdentifier === undefined ? undefined : this.footnotes.get(marker.footnoteIdentifier);
      if (definition) {
        ids = this.definitionSources(definition);
      } else {
        const byLabel = this.resolver.sourceIdForKey(marker.label);
        ids = byLabel === undefined ? [] : [byLabel];
      }
      this.footnoteCache.set(cacheKey, ids);
    }
    return ids;
  }

  /**
   * The sources a footnote definition names, tried in order until one kind gives any: Pandoc keys and URLs
   * (links or bare), then the whole text as a key, then a title it starts with, then each word of it as a key.
   */
  private definitionSources(definition: FootnoteDefinition): string[] {
    const texts: string[] = [];
    const urls: string[] = [];
    collectDefinitionText(definition.children as Nodes[], this.definitions, texts, urls);
    const text = texts.join('');
    const ids = new Set<string>();
    const add = (id: string | undefined): void => {
      if (id !== undefined) ids.add(id);
    };

    for (const citation of findTextCitations(text)) {
      if (citation.kind === 'pandoc') for (const key of citation.keys) add(this.resolver.sourceIdForKey(key));
    }
    for (const url of urls) add(this.resolver.sourceIdForUrl(url));
    for (const match of text.matchAll(/https?:\/\/[^\s<>()\]]+/g)) add(this.resolver.sourceIdForUrl(match[0].replace(/[.,;:]+$/, '')));
    if (ids.size > 0) return [...ids];

    const whole = text.trim().replace(/[.;,]+$/, '');
    if (whole) add(this.resolver.sourceIdForKey(whole));
    if (ids.size > 0) return [...ids];

    add(this.resolver.sourceIdForTitle?.(text));
    if (ids.size > 0) return [...ids];

    for (const word of text.split(/[\s,;()[\]“”"']+/)) {
      const key = word.replace(/^@/, '').replace(/[.:]+$/, '');
      if (key && key !== whole) add(this.resolver.sourceIdForKey(key));
    }
    return [...ids];
  }
}

function withSource(citation: Citation, sourceId: string | undefined): Citation {
  if (sourceId !== undefined) citation.sourceId = sourceId;
  return citation;
}

function collectDefinitionText(nodes: readonly Nodes[], definitions: ReadonlyMap<string, Definition>, texts: string[], urls: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        texts.push(node.value);
        break;
      case 'link':
        urls.push(node.url);
        collectDefinitionText(node.children, definitions, texts, urls);
        break;
      case 'linkReference': {
        const url = definitions.get(node.identifier)?.url;
        if (url !== undefined) urls.push(url);
        collectDefinitionText(node.children, definitions, texts, urls);
        break;
      }
      case 'footnoteReference':
        texts.push(`[^${node.label ?? node.identifier}]`);
        break;
      case 'break':
        texts.push('\n');
        break;
      default:
        if ('children' in node) {
          collectDefinitionText(node.children as Nodes[], definitions, texts, urls);
          // Blocks (paragraphs of a long footnote) are separated by a space.
          if (node.type === 'paragraph') texts.push(' ');
        }
        break;
    }
  }
}
