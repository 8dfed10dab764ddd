// A Markdown draft → its claim sentences (with citations and exact ranges) and the sentences skipped as non-claims.
//
// Pipeline: parseDraft (remark → text blocks, footnotes, switches) → buildPlainText per block (plain text + offset
// map + citation markers) → splitSentences → map each sentence back to the document (markup and the citation
// markers that follow it included) → classifySentence (claim, or skipped with a reason).
// Everything is linear in the size of the draft.

import type { Citation, ClaimSentence, DraftClaims, SkippedSentence } from '../model';
import { splitSentences, type SentenceSpan } from '../text/sentences';
import { CitationResolution, type CitationMarker, type CitationResolver } from './citations';
import { classifySentence, factStart } from './claimFilter';
import { TOO_DEEP_MESSAGE, UnreadableDraftError, parseDraft, type ParsedDraft } from './parseDraft';
import { buildPlainText, sourceRange } from './plainText';
import { LineIndex } from './positions';

export type { CitationResolver } from './citations';

/** A resolver that knows no source: every citation stays unresolved. */
export const NO_SOURCES: CitationResolver = {
  sourceIdForKey: () => undefined,
  sourceIdForUrl: () => undefined,
};

export { UnreadableDraftError } from './parseDraft';

export function extractClaims(markdown: string, resolver: CitationResolver): DraftClaims {
  return guardNesting(() => extractClaimsUnguarded(markdown, resolver));
}

/** Runs a parse, naming a draft nested too deeply for it. */
export function guardNesting<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // remark recurses once per level of nesting: thousands of nested quotes or lists exhaust the stack.
    if (error instanceof RangeError) throw new UnreadableDraftError(TOO_DEEP_MESSAGE);
    throw error;
  }
}

function extractClaimsUnguarded(markdown: string, resolver: CitationResolver): DraftClaims {
  const { claims, skipped } = claimsOfBlocks(parseDraft(markdown), markdown, new LineIndex(markdown), resolver);
  return { claims, skipped };
}

/** The claims and skipped sentences of a parsed draft's blocks; `skippedStarts` holds each skipped sentence's offset. */
export interface BlockClaims extends DraftClaims {
  skippedStarts: number[];
}

/** The sentences of the draft's blocks (all of a document, or those of a re-parsed part: incrementalExtract.ts). */
export function claimsOfBlocks(draft: ParsedDraft, markdown: string, lines: LineIndex, resolver: CitationResolver): BlockClaims {
  const resolution = new CitationResolution(resolver, draft.footnotes, draft.definitions, lines);
  const claims: ClaimSentence[] = [];
  const skipped: SkippedSentence[] = [];
  const skippedStarts: number[] = [];

  for (const block of draft.blocks) {
    if (!draft.disabled.isEmpty && draft.disabled.covers(block.startOffset, block.endOffset)) continue;
    const plain = buildPlainText(block.node.children, markdown, draft.definitions);
    const spans = splitSentences(plain.text);
    if (spans.length === 0) continue;
    const markersBySentence = assignMarkers(plain.markers, spans);

    spans.forEach((span, k) => {
      const markers = markersBySentence[k]!;
      let { start, end } = sourceRange(plain, span.start, span.end);
      // Citation markers taken out of the text (after the closing punctuation, say) are part of the sentence.
      // A link's text is already in the sentence, and its markup in `sourceRange`.
      for (const marker of markers) {
        if (!marker.zeroWidth) continue;
        if (marker.start < start) start = marker.start;
        if (marker.end > end) end = marker.end;
      }
      if (!draft.disabled.isEmpty && draft.disabled.contains(start)) return;

      const text = cleanText(plain.text.slice(span.start, span.end));
      const range = lines.rangeAt(start, end);
      const reason = classifySentence(text);
      if (reason !== undefined) {
        skipped.push({ text, range, reason });
        skippedStarts.push(start);
        return;
      }
      const citations: Citation[] = [];
      for (const marker of markers) citations.push(...resolution.resolve(marker));
      const fact = factStart(text);
      claims.push({
        text, range, startOffset: start, endOffset: end, blockStartOffset: block.blockStartOffset, citations,
        ...(fact > 0 ? { fact: text.slice(fact) } : {}),
      });
    });
  }
  return { claims, skipped, skippedStarts };
}

/**
 * Gives each citation marker to a sentence. A marker inside a sentence belongs to it; a marker between two
 * sentences (after the closing punctuation: "The talks began.[^1] Then …") belongs to the sentence before it; a
 * marker before the first sentence belongs to the first. Both lists are in text order, so one merge pass does it.
 */
function assignMarkers(markers: readonly CitationMarker[], spans: readonly SentenceSpan[]): CitationMarker[][] {
  const result: CitationMarker[][] = spans.map(() => []);
  let k = 0;
  for (const marker of markers) {
    // The last sentence that starts before the marker (a link's text may start exactly at a sentence start).
    while (k + 1 < spans.length && (marker.zeroWidth ? spans[k + 1]!.start < marker.at : spans[k + 1]!.start <= marker.at)) k++;
    result[k]!.push(marker);
  }
  return result;
}

/**
 * The claim text: whitespace (line breaks included) collapsed to single spaces, and the gaps dropped markers leave
 * closed up ("began [^1]." → "began.", "(https://…)" → nothing).
 */
function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*\)/g, '')
    .replace(/\s*\[\s*\]/g, '')
    .replace(/\s+([.,;:!?](?:\s|$))/g, '$1')
    .trim();
}
