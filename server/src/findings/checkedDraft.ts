// One checked text of a draft: the engine's report plus what the findings need beyond it (which sources back each
// claim). The CLI and the editor both make their findings from this, so they agree.

import type { Engine } from '../engine';
import { partitionPoint } from '../index/partitionPoint';
import { parseDraft, type ParsedDraft } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import type { CheckedClaim, ClaimSentence, FileReport, Source } from '../model';
import { FINDING_CODES, type FindingCode } from './codes';

export interface CheckedDraft {
  text: string;
  report: FileReport;
  engine: Engine;
  /** Per claim (same order as `report.claims`): the sources that back it, best first. */
  backing: string[][];
  /**
   * Per claim, when the host kept them: `findingCodeBits` of it. A host that carries most claims' checks over from
   * the last version (the language server) carries these too, so counting a long draft's findings reads no claim.
   */
  codeBits?: Uint8Array;
  /** The line index of `text`, when the host has one already (its reading of the draft made one). */
  lines?: LineIndex;
}

/** `findingCodeBits` of the draft's claim. */
export function codeBitsOf(draft: CheckedDraft, claimIndex: number): number {
  const kept = draft.codeBits?.[claimIndex];
  return kept ?? findingCodeBits(draft.report.claims[claimIndex]!);
}

/** Checks a whole draft at once (the CLI's way; the language server checks in slices, claim by claim). */
export function checkDraftText(engine: Engine, text: string, path: string): CheckedDraft {
  const report = engine.checkDraft(text, path);
  return { text, report, engine, backing: report.claims.map((claim) => backingSourcesOf(engine, claim)) };
}

export const CODE_BIT = Object.fromEntries(FINDING_CODES.map((code, i) => [code, 1 << i])) as Record<FindingCode, number>;

/** The findings a claim gives, in the order of FINDING_CODES (the order they are listed in). */
export function findingCodes(claim: CheckedClaim): FindingCode[] {
  return codesOfBits(findingCodeBits(claim));
}

/** The codes a set of bits holds, in the order of FINDING_CODES. */
export function codesOfBits(bits: number): FindingCode[] {
  return FINDING_CODES.filter((code) => bits & CODE_BIT[code]);
}

/**
 * The findings a claim gives as bits (1 << the code's index in FINDING_CODES): a long draft's publication counts
 * tens of thousands of claims' findings, and this allocates nothing.
 */
export function findingCodeBits(claim: CheckedClaim): number {
  let bits = 0;
  if (claim.verdict === 'contradicted') bits |= CODE_BIT.contradicted;
  else if (claim.verdict === 'unsupported') bits |= CODE_BIT.unsupported;
  else if (claim.citations.length === 0) bits |= CODE_BIT.uncited;
  if (claim.citationMismatch) bits |= CODE_BIT['citation-mismatch'];
  // The coverage floor lets a supported claim leave a few content words unbacked: the writer is shown them.
  if (claim.verdict === 'supported' && claim.unbacked?.length) bits |= CODE_BIT['unbacked-detail'];
  return bits;
}

/** The claim under an offset; a cursor just after the sentence's last character still counts. -1 when none. */
export function claimIndexAt(document: Pick<CheckedDraft, 'report'>, offset: number): number {
  return claimIndexesAmong(document.report.claims, offset, offset)[0] ?? -1;
}

/** Indexes of the claims that overlap [start, end] (an empty range selects the claim under the cursor). */
export function claimIndexesIn(document: Pick<CheckedDraft, 'report'>, start: number, end: number): number[] {
  return claimIndexesAmong(document.report.claims, start, end);
}

/**
 * Indexes of the claims (in document order, as the engine lists them: they never overlap) that overlap [start, end],
 * found by binary search, so a request about a few lines costs nothing like the size of the document.
 */
export function claimIndexesAmong(claims: readonly Pick<ClaimSentence, 'startOffset' | 'endOffset'>[], start: number, end: number): number[] {
  const first = partitionPoint(claims.length, (i) => claims[i]!.endOffset < start);
  const indexes: number[] = [];
  for (let index = first; index < claims.length && claims[index]!.startOffset <= end; index++) indexes.push(index);
  return indexes;
}

// Per checked version, computed when first needed and kept as long as the check is: the text's line index (every
// request converts positions) and its parse (for the quick fixes that must know the document's structure).
const lineIndexes = new WeakMap<CheckedDraft, LineIndex>();
const parses = new WeakMap<CheckedDraft, ParsedDraft>();

export function linesOf(document: CheckedDraft): LineIndex {
  if (document.lines) return document.lines;
  let lines = lineIndexes.get(document);
  if (!lines) lineIndexes.set(document, (lines = new LineIndex(document.text)));
  return lines;
}

/** The document parsed (remark): once per checked version at most, and only when a quick fix needs it. */
export function parsedDraftOf(document: CheckedDraft): ParsedDraft {
  let parsed = parses.get(document);
  if (!parsed) parses.set(document, (parsed = parseDraft(document.text)));
  return parsed;
}

/** Source ids the claim's citations resolve to. */
export function citedSources(claim: Pick<CheckedClaim, 'citations'>): Set<string> {
  return new Set(claim.citations.flatMap((citation) => (citation.sourceId ? [citation.sourceId] : [])));
}

export function sourceOf(engine: Engine, id: string): Source | undefined {
  return engine.source(id);
}

export function titleOf(engine: Engine, id: string): string {
  return sourceOf(engine, id)?.title ?? id;
}

const backingCache = new WeakMap<Engine, Map<string, string[]>>();
const BACKING_CACHE_LIMIT = 20_000;

/**
 * The sources that back a claim, best first. The engine names one (the supporting passage's source); each other
 * source among the evidence is verified alone, so "Cite …" is offered only for sources that really back the claim.
 * Remembered per engine by sentence text, like the engine's own verdicts.
 */
export function backingSourcesOf(engine: Engine, claim: CheckedClaim): string[] {
  if (claim.verdict !== 'supported') return claim.citationMismatch?.backedBy ? [claim.citationMismatch.backedBy] : [];
  let cache = backingCache.get(engine);
  if (!cache) backingCache.set(engine, (cache = new Map()));
  // The engine checks the claim's fact (its frame set aside): ask the same question of each source.
  const checked = claim.fact ?? claim.text;
  const cached = cache.get(checked);
  if (cached) return cached;

  const candidates = [...new Set(claim.evidence.map((evidence) => evidence.sourceId))];
  const backing = candidates.filter((id, rank) => rank === 0 || engine.backedByOnly(checked, [id]));
  if (cache.size >= BACKING_CACHE_LIMIT) cache.clear();
  cache.set(checked, backing);
  return backing;
}
