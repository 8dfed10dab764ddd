// The citation keys of a checked document — `[@id]`, `[^label]` whose definition names a source — and the place in a
// source a key leads to. Go to definition, find references, hover on a key and document links all start here.

import { pathToFileURL } from 'node:url';
import type { Location, Range } from 'vscode-languageserver/node';
import { claimIndexAt, linesOf } from '../findings/checkedDraft';
import type { Engine } from '../engine';
import type { LineIndex } from '../markdown/positions';
import type { CheckedClaim, Citation, Source } from '../model';
import type { CheckedDocument } from './checkedDocument';

export interface CitationKey {
  claim: CheckedClaim;
  citation: Citation & { sourceId: string };
  /** The key's own characters (`@id` in `[@a; @id]`), or the citation's range when the key is not found in it. */
  range: Range;
}

/** Footnote references and Pandoc citations (links cite by URL: they already lead somewhere). */
export function isKey(citation: Citation): citation is Citation & { sourceId: string } {
  return citation.sourceId !== undefined && (citation.kind === 'pandoc' || citation.kind === 'footnote');
}

/** The citation keys of every claim, each with the range of its own characters. */
export function citationKeys(document: CheckedDocument): CitationKey[] {
  const keys: CitationKey[] = [];
  for (const claim of document.report.claims) {
    for (const citation of claim.citations) if (isKey(citation)) keys.push({ claim, citation, range: keyRange(document.text, linesOf(document), citation) });
  }
  return keys;
}

/** The citation key under an offset (a cursor just after its last character counts), if any. */
export function citationKeyAt(document: CheckedDocument, offset: number): CitationKey | undefined {
  const lines = linesOf(document);
  const index = claimIndexAt(document, offset);
  const claims = index < 0 ? [] : [document.report.claims[index]!];
  // A footnote reference right after the sentence's stop may lie outside the claim's own range: look at the next one too.
  const next = document.report.claims.find((claim) => claim.startOffset > offset);
  if (next) claims.push(next);
  for (const claim of claims) {
    for (const citation of claim.citations) {
      if (!isKey(citation)) continue;
      const range = keyRange(document.text, lines, citation);
      if (lines.offsetAt(range.start) <= offset && offset <= lines.offsetAt(range.end)) return { claim, citation, range };
    }
  }
  return undefined;
}

/** `@label` or `^label` within the citation's range; the whole range when it is not there. */
export function keyRange(text: string, lines: LineIndex, citation: Citation): Range {
  const start = lines.offsetAt(citation.range.start);
  const end = lines.offsetAt(citation.range.end);
  const marker = citation.kind === 'pandoc' ? '@' : '^';
  const within = text.slice(start, end);
  const needle = `${marker}${citation.label}`;
  for (let at = within.indexOf(needle); at !== -1; at = within.indexOf(needle, at + 1)) {
    const after = within[at + needle.length];
    if (after === undefined || !/[\w-]/.test(after)) {
      return { start: lines.positionAt(start + at), end: lines.positionAt(start + at + needle.length) };
    }
  }
  return citation.range;
}

/** The file URI of a source. */
export function sourceUri(source: Source): string {
  return pathToFileURL(source.path).href;
}

/**
 * Where a citation of `sourceId` in `claim` leads: the source at its passage that backs the sentence (the same
 * ranking as Insert Citation, remembered by the engine), else the top of the source.
 */
export function backingLocation(engine: Engine, claim: Pick<CheckedClaim, 'text' | 'fact'>, sourceId: string): Location | undefined {
  const source = engine.source(sourceId);
  if (!source) return undefined;
  const ranked = engine.rankSources(claim.fact ?? claim.text).find((entry) => entry.id === sourceId);
  const line = ranked && ranked.verdict === 'supported' ? ranked.line - 1 : 0;
  return { uri: sourceUri(source), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}
