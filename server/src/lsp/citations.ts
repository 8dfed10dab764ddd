// Building the edit that cites a source after a claim, in the writer's citation style:
//   footnote: `[^id]` right after the sentence (after its closing punctuation and any markers already there), and the
//             definition `[^id]: Title. Outlet, date. URL` appended once at the end of the document — or no definition
//             at all when the document already has one naming that source, whatever its label;
//   pandoc:   `[@id]` before the closing punctuation, merged into a Pandoc citation already there (`[@a; @id]`).
// Idempotent: a claim already citing the source gets no edit, and a definition is never written twice.

import type { Engine } from '../engine';
import { CitationResolution, type CitationResolver } from '../markdown/citations';
import { libraryCitationResolver } from '../sources/citationResolver';
import { parseDraft } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import type { CheckedClaim, SourceMetadata } from '../model';
import type { CitationStyle } from '../protocol';
import { citedSources, sourceOf } from './checkedDocument';
import type { OffsetEdit } from './edits';

export interface CitationRequest {
  claim: Pick<CheckedClaim, 'startOffset' | 'endOffset' | 'citations'>;
  sourceId: string;
}

/** The edits citing each requested source after its claim; empty when every claim already cites its source. */
export function buildCitationEdits(text: string, requests: readonly CitationRequest[], engine: Engine, style: CitationStyle): OffsetEdit[] {
  const wanted = requests.filter(({ claim, sourceId }) => !citedSources(claim).has(sourceId) && sourceOf(engine, sourceId));
  // One edit per claim and source, even if asked twice.
  const unique = [...new Map(wanted.map((request) => [`${request.claim.startOffset}\u0000${request.sourceId}`, request])).values()];
  if (unique.length === 0) return [];
  return style === 'pandoc' ? pandocEdits(text, unique) : footnoteEdits(text, unique, engine);
}

// ---- Footnotes ---------------------------------------------------------------------------------------------------

function footnoteEdits(text: string, requests: readonly CitationRequest[], engine: Engine): OffsetEdit[] {
  const existing = existingFootnotes(text, libraryCitationResolver(engine.library.sources));
  const labelOf = new Map<string, string>();
  const newDefinitions: string[] = [];
  for (const { sourceId } of requests) {
    if (labelOf.has(sourceId)) continue;
    const reused = existing.labelBySource.get(sourceId);
    if (reused !== undefined) {
      labelOf.set(sourceId, reused);
      continue;
    }
    const label = freeLabel(sourceId, existing.usedLabels);
    existing.usedLabels.add(label.toLowerCase());
    labelOf.set(sourceId, label);
    newDefinitions.push(footnoteDefinition(label, sourceOf(engine, sourceId)!));
  }

  // Several sources for one claim go in request order after the sentence; edits at one offset keep their order.
  const edits: OffsetEdit[] = requests.map(({ claim, sourceId }) => ({ start: claim.endOffset, end: claim.endOffset, newText: `[^${labelOf.get(sourceId)}]` }));
  if (newDefinitions.length > 0) edits.push({ start: text.length, end: text.length, newText: definitionsBlock(text, newDefinitions) });
  return edits;
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

/** New definitions at the end of the document, separated from the text by a blank line unless they follow others. */
function definitionsBlock(text: string, definitions: readonly string[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = definitions.join(eol) + eol;
  if (text.trim() === '') return body;
  const endsWithNewline = /[\r\n]$/.test(text);
  if (/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(text)) return body;
  const lastLine = text.trimEnd().split(/\r\n|\r|\n/).pop() ?? '';
  // Footnote definitions follow one another without a blank line; after anything else one is needed, or the
  // definition would be read as part of the paragraph.
  const blankLineNeeded = !/^ {0,3}\[\^[^\]]+\]:/.test(lastLine);
  return (endsWithNewline ? '' : eol) + (blankLineNeeded ? eol : '') + body;
}

interface ExistingFootnotes {
  /** For each source named by a definition in the document: the label to reuse, one-source definitions preferred. */
  labelBySource: Map<string, string>;
  /** Labels (lower case) of the definitions already in the document. */
  usedLabels: Set<string>;
}

/** The document's footnote definitions, resolved exactly as the engine resolves them when it checks the draft. */
function existingFootnotes(text: string, resolver: CitationResolver): ExistingFootnotes {
  const draft = parseDraft(text);
  const resolution = new CitationResolution(resolver, draft.footnotes, draft.definitions, new LineIndex(text));
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
  const withoutMarkers = sentence.replace(TRAILING_MARKERS, '');
  const punctuation = CLOSING_PUNCTUATION.exec(withoutMarkers);
  const insertAt = start + (punctuation ? punctuation.index : withoutMarkers.trimEnd().length);
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
