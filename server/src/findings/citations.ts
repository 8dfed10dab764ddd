// Building the edit that cites a source after a claim, in the writer's citation style:
//   footnote: `[^id]` right after the sentence (after its closing punctuation and any markers already there, but never
//             right after a backslash, which would escape it), and the definition `[^id]: Title. Outlet, date. URL`
//             appended once at the end of the document, in the document's own line breaks — or no definition at all
//             when the document already has one naming that source, whatever its label;
//   pandoc:   `[@id]` before the closing punctuation (looking past trailing emoji and backslashes), merged into a
//             Pandoc citation already there (`[@a; @id]`).
// Idempotent: a claim already citing the source gets no edit, and a definition is never written twice.

import type { Engine } from '../engine';
import { CitationResolution, type CitationResolver } from '../markdown/citations';
import { libraryCitationResolver } from '../sources/citationResolver';
import { parseDraft, type ParsedDraft } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import type { CheckedClaim, SourceMetadata } from '../model';
import type { CitationStyle } from './codes';
import { citedSources, linesOf, parsedDraftOf, sourceOf, type CheckedDraft } from './checkedDraft';
import { lineEnding, type OffsetEdit } from './edits';

export interface CitationRequest {
  claim: Pick<CheckedClaim, 'startOffset' | 'endOffset' | 'citations'>;
  sourceId: string;
}

/**
 * The edits citing each requested source after its claim; empty when every claim already cites its source.
 * `footnotes` gives the document's footnote definitions when the caller keeps them (per checked version: see
 * `existingFootnotesOf`); without it the text is parsed when the footnote style needs them.
 */
export function buildCitationEdits(
  text: string,
  requests: readonly CitationRequest[],
  engine: Engine,
  style: CitationStyle,
  footnotes: () => ExistingFootnotes = () => existingFootnotes(text, libraryCitationResolver(engine.library.sources)),
): OffsetEdit[] {
  const wanted = requests.filter(({ claim, sourceId }) => !citedSources(claim).has(sourceId) && sourceOf(engine, sourceId));
  // One edit per claim and source, even if asked twice.
  const unique = [...new Map(wanted.map((request) => [`${request.claim.startOffset}\u0000${request.sourceId}`, request])).values()];
  if (unique.length === 0) return [];
  return style === 'pandoc' ? pandocEdits(text, unique) : footnoteEdits(text, unique, engine, footnotes());
}

// ---- Footnotes ---------------------------------------------------------------------------------------------------

function footnoteEdits(text: string, requests: readonly CitationRequest[], engine: Engine, existing: ExistingFootnotes): OffsetEdit[] {
  const usedLabels = new Set(existing.usedLabels);
  const labelOf = new Map<string, string>();
  const newDefinitions: string[] = [];
  for (const { sourceId } of requests) {
    if (labelOf.has(sourceId)) continue;
    const reused = existing.labelBySource.get(sourceId);
    if (reused !== undefined) {
      labelOf.set(sourceId, reused);
      continue;
    }
    const label = freeLabel(sourceId, usedLabels);
    usedLabels.add(label.toLowerCase());
    labelOf.set(sourceId, label);
    newDefinitions.push(footnoteDefinition(label, sourceOf(engine, sourceId)!));
  }

  // Several sources for one claim go in request order after the sentence; edits at one offset keep their order.
  const edits: OffsetEdit[] = requests.map(({ claim, sourceId }) => {
    const at = footnoteOffset(text, claim.startOffset, claim.endOffset);
    return { start: at, end: at, newText: `[^${labelOf.get(sourceId)}]` };
  });
  if (newDefinitions.length > 0) edits.push({ start: text.length, end: text.length, newText: definitionsBlock(text, newDefinitions) });
  return edits;
}

/**
 * Where a footnote reference goes: right after the sentence — but never right after a backslash, which would escape
 * the bracket (`\\[^id]` is text, not a footnote): a sentence ending in backslashes gets it before them.
 */
function footnoteOffset(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && text.charCodeAt(at - 1) === 92 /* \ */) at--;
  return at;
}

/** `[^label]: Title. Outlet, date. URL`, leaving out what the source does not state. */
export function footnoteDefinition(label: string, source: SourceMetadata): string {
  const parts = [withFinalStop(source.title)];
  const publication = [source.outlet, source.date].filter((part): part is string => Boolean(part)).join(', ');
  if (publication) parts.push(withFinalStop(publication));
  if (source.url) parts.push(source.url);
  // A label other than the id resolves to the source only through its text: without a URL, name the id.
  else if (label !== source.id) parts.push(source.id);
  return `[^${label}]: ${parts.join(' ')}`;
}

function withFinalStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["'”’)]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The source id as the label, unless a definition for something else already uses it. */
function freeLabel(sourceId: string, usedLabels: ReadonlySet<string>): string {
  if (!usedLabels.has(sourceId.toLowerCase())) return sourceId;
  for (let n = 2; ; n++) {
    const label = `${sourceId}-${n}`;
    if (!usedLabels.has(label.toLowerCase())) return label;
  }
}

/**
 * New definitions at the end of the document, in its own line breaks ("\r\n", "\r" or "\n"), separated from the
 * text by a blank line unless they follow other definitions.
 */
function definitionsBlock(text: string, definitions: readonly string[]): string {
  const eol = lineEnding(text);
  const body = definitions.join(eol) + eol;
  if (!/\S/.test(text)) return body;
  // The last line, read from the end (a "\r\n" is one line break), without copying the text.
  let end = text.length;
  const endsWithLineBreak = isLineBreak(text.charCodeAt(end - 1));
  if (endsWithLineBreak) end -= text.charCodeAt(end - 1) === 10 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
  let start = end;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  const lastLine = text.slice(start, end);
  // Already after a blank line ("…\n\n", or a last line of spaces): nothing to add but the line break it may lack.
  if (lastLine.trim() === '') return (endsWithLineBreak ? '' : eol) + body;
  // Footnote definitions follow one another without a blank line; after anything else one is needed, or the
  // definition would be read as part of the paragraph.
  const blankLineNeeded = !/^ {0,3}\[\^[^\]]+\]:/.test(lastLine);
  return (endsWithLineBreak ? '' : eol) + (blankLineNeeded ? eol : '') + body;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

export interface ExistingFootnotes {
  /** For each source named by a definition in the document: the label to reuse, one-source definitions preferred. */
  labelBySource: Map<string, string>;
  /** Labels (lower case) of the definitions already in the document. */
  usedLabels: Set<string>;
}

// Any footnote definition holds this (a label cannot span lines); a text without it has none, and needs no parse.
const MAYBE_FOOTNOTE_DEFINITION = /\[\^[^\r\n]*?\]:/;

const footnotesByDocument = new WeakMap<CheckedDraft, ExistingFootnotes>();

/** The footnote definitions of a checked document: found once per checked version, then kept with it. */
export function existingFootnotesOf(document: CheckedDraft): ExistingFootnotes {
  let found = footnotesByDocument.get(document);
  if (!found) {
    const resolver = libraryCitationResolver(document.engine.library.sources);
    found = MAYBE_FOOTNOTE_DEFINITION.test(document.text)
      ? existingFootnotes(document.text, resolver, parsedDraftOf(document), linesOf(document))
      : { labelBySource: new Map(), usedLabels: new Set() };
    footnotesByDocument.set(document, found);
  }
  return found;
}

/** The document's footnote definitions, resolved exactly as the engine resolves them when it checks the draft. */
export function existingFootnotes(text: string, resolver: CitationResolver, parsed?: ParsedDraft, lines?: LineIndex): ExistingFootnotes {
  if (!parsed && !MAYBE_FOOTNOTE_DEFINITION.test(text)) return { labelBySource: new Map(), usedLabels: new Set() };
  const draft = parsed ?? parseDraft(text);
  const resolution = new CitationResolution(resolver, draft.footnotes, draft.definitions, lines ?? new LineIndex(text));
  const labelBySource = new Map<string, string>();
  const sharedLabelBySource = new Map<string, string>();
  const usedLabels = new Set<string>();
  for (const [identifier, definition] of draft.footnotes) {
    const label = definition.label ?? identifier;
    usedLabels.add(label.toLowerCase());
    const named = resolution
      .resolve({ kind: 'footnote', label, footnoteIdentifier: identifier, start: 0, end: 0, at: 0, zeroWidth: true })
      .flatMap((citation) => (citation.sourceId ? [citation.sourceId] : []));
    const target = named.length === 1 ? labelBySource : sharedLabelBySource;
    for (const id of named) if (!target.has(id)) target.set(id, label);
  }
  for (const [id, label] of sharedLabelBySource) if (!labelBySource.has(id)) labelBySource.set(id, label);
  return { labelBySource, usedLabels };
}

// ---- Pandoc ------------------------------------------------------------------------------------------------------

// Citation markers a sentence may end with, after its punctuation: `[^1]`, `[@key]`.
const TRAILING_MARKERS = /(?:\s*\[(?:\^[^\]\s]+|[^\]]*@[^\]]*)\])+\s*$/;
// The sentence's closing punctuation, possibly followed by closing quotes, brackets or emphasis markers.
const CLOSING_PUNCTUATION = /[.!?…]+(?=["'”’»)*_\]]*$)/;
// A Pandoc citation right before the insertion point, to add the key to it instead of writing a second bracket.
const PANDOC_BEFORE = /\[([^\[\]]*@[^\[\]]*)\]\s*$/;
// What may trail a sentence after its closing punctuation without being part of it: emoji (with their modifiers,
// joiners, variation selectors and flags), backslashes (a hard line break, or a stray one), spaces.
const TRAILING_DECORATION = /[\s\\\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]+$/u;

function pandocEdits(text: string, requests: readonly CitationRequest[]): OffsetEdit[] {
  // Several sources for one claim become one bracket: `[@a; @b]`.
  const keysByClaim = new Map<number, { claim: CitationRequest['claim']; keys: string[] }>();
  for (const { claim, sourceId } of requests) {
    const entry = keysByClaim.get(claim.startOffset) ?? { claim, keys: [] };
    entry.keys.push(sourceId);
    keysByClaim.set(claim.startOffset, entry);
  }
  return [...keysByClaim.values()].map(({ claim, keys }) => pandocEdit(text, claim.startOffset, claim.endOffset, keys));
}

function pandocEdit(text: string, start: number, end: number, keys: readonly string[]): OffsetEdit {
  const sentence = text.slice(start, end);
  const withoutMarkers = sentence.replace(TRAILING_DECORATION, '').replace(TRAILING_MARKERS, '').replace(TRAILING_DECORATION, '');
  const punctuation = CLOSING_PUNCTUATION.exec(withoutMarkers);
  const insertAt = start + (punctuation ? punctuation.index : withoutMarkers.length);
  const before = text.slice(start, insertAt);
  const cited = keys.map((key) => `@${key}`).join('; ');

  const existing = PANDOC_BEFORE.exec(before);
  if (existing) {
    const closingBracket = start + existing.index + existing[0].lastIndexOf(']');
    return { start: closingBracket, end: closingBracket, newText: `; ${cited}` };
  }
  const space = /\s$/.test(before) || before === '' ? '' : ' ';
  return { start: insertAt, end: insertAt, newText: `${space}[${cited}]` };
}
