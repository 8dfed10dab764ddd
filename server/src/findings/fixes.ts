// The fixes a claim's findings offer, as edits of the draft: cite a source that backs it, take the source's words for
// a contradicted detail, ignore the claim's block, or accept the claim (recorded in the project config, not the
// draft). The editor's quick fixes and `grounded check --fix` apply these and nothing else.

import { buildCitationEdits, existingFootnotesOf, type CitationRequest } from './citations';
import { citedSources, claimIndexesIn, findingCodes, linesOf, parsedDraftOf, titleOf, type CheckedDraft } from './checkedDraft';
import type { CitationFormat, FindingCode } from './codes';
import type { OffsetEdit } from './edits';
import { ignoredBlock } from './ignoreClaim';
import { conflictReplacement } from './replacement';

export type FixKind = 'cite' | 'replace' | 'ignore' | 'accept';

export interface Fix {
  kind: FixKind;
  title: string;
  /** The finding codes it resolves. */
  resolves: FindingCode[];
  /** The one a host may apply without asking (at most one per claim). */
  preferred: boolean;
  /** Edits of the draft; empty for `accept`, which records `acceptedSentence` in the project config instead. */
  edits: OffsetEdit[];
  acceptedSentence?: string;
}

/** The fixes for one claim, in the order an editor lists them. */
export function fixesFor(draft: CheckedDraft, claimIndex: number, format: CitationFormat): Fix[] {
  const claim = draft.report.claims[claimIndex];
  if (!claim) return [];
  const codes = findingCodes(claim);
  const fixes: Fix[] = [];

  const cited = citedSources(claim);
  (draft.backing[claimIndex] ?? []).filter((id) => !cited.has(id)).forEach((sourceId, rank) => {
    const edits = buildCitationEdits(draft.text, [{ claim, sourceId }], draft.engine, format, () => existingFootnotesOf(draft));
    if (edits.length === 0) return;
    fixes.push({
      kind: 'cite',
      title: `Cite "${titleOf(draft.engine, sourceId)}"`,
      resolves: codes.filter((code) => code === 'uncited' || code === 'citation-mismatch'),
      preferred: rank === 0 && codes.includes('uncited'),
      edits,
    });
  });

  const replacement = conflictReplacement(draft.text, claim, linesOf(draft));
  if (replacement) {
    fixes.push({
      kind: 'replace',
      title: `Use the source's "${replacement.text}"`,
      resolves: ['contradicted'],
      preferred: true,
      edits: [{ start: replacement.startOffset, end: replacement.endOffset, newText: replacement.text }],
    });
  }

  if (codes.length === 0) return fixes;
  const ignored = ignoredBlock(draft.text, claim.blockStartOffset, () => parsedDraftOf(draft).tree, linesOf(draft));
  const claimsSwitchedOff = ignored.span
    ? claimIndexesIn(draft, ignored.span.start, ignored.span.end).filter((i) => draft.report.claims[i]!.startOffset >= ignored.span!.start).length
    : claimsOfBlock(draft, claimIndex);
  fixes.push({
    kind: 'ignore',
    title: claimsSwitchedOff > 1 ? `Ignore this ${ignored.kind} (${claimsSwitchedOff} claims)` : 'Ignore this claim',
    resolves: codes,
    preferred: false,
    edits: [ignored.edit],
  });
  fixes.push({ kind: 'accept', title: 'Accept this claim', resolves: codes, preferred: false, edits: [], acceptedSentence: claim.text });
  return fixes;
}

/** How many claims share the paragraph of claim `index` (its neighbours with the same block start). */
function claimsOfBlock(draft: CheckedDraft, index: number): number {
  const claims = draft.report.claims;
  const block = claims[index]!.blockStartOffset;
  let first = index;
  while (first > 0 && claims[first - 1]!.blockStartOffset === block) first--;
  let last = index;
  while (last + 1 < claims.length && claims[last + 1]!.blockStartOffset === block) last++;
  return last - first + 1;
}

/**
 * Cites the best backing source after every supported claim that cites nothing, each definition written once: the
 * editor's "Cite all supported claims" and `grounded check --fix`.
 */
export function citeAllEdits(draft: CheckedDraft, format: CitationFormat): OffsetEdit[] {
  return buildCitationEdits(draft.text, citeAllRequests(draft), draft.engine, format, () => existingFootnotesOf(draft));
}

/** The claims "Cite all" cites, each with its best backing source. */
export function citeAllRequests(draft: CheckedDraft): CitationRequest[] {
  const requests: CitationRequest[] = [];
  draft.report.claims.forEach((claim, index) => {
    const best = draft.backing[index]?.[0];
    if (best !== undefined && findingCodes(claim).includes('uncited')) requests.push({ claim, sourceId: best });
  });
  return requests;
}
