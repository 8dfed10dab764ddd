// A checked draft → its findings: the claims the writer should look at, each with its code, its severity (from the
// project's config or the editor's settings), one message, the evidence that explains it and the sources that back
// the claim. Every view (CLI formats, diagnostics, hover, code actions) translates these and words nothing itself.

import type { CheckedClaim, Evidence } from '../model';
import { CODE_BIT, codeBitsOf, codesOfBits, type CheckedDraft } from './checkedDraft';
import { FINDING_CODES, type FindingCode, type Severity, type SeverityMap } from './codes';
import { evidenceFor, messageFor } from './messages';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The claim's index in the draft's report. */
  claimIndex: number;
  claim: CheckedClaim;
  /** One line for people. */
  message: string;
  /** The passage that best explains the finding (the conflicting one, the nearest one, or the one backing the claim). */
  evidence?: Evidence;
  /** Sources that back the claim, best first: what "Cite" offers. */
  backingSources: string[];
}

export interface FindingOptions {
  severity: Readonly<SeverityMap>;
  /** Whether the writer accepted the claim's sentence (the project config's `accepted`): it then gives no findings. */
  isAccepted?: (sentence: string) => boolean;
}

/** The findings of a draft in document order (a claim can give two: its verdict's and a citation mismatch). */
export function findingsOf(draft: CheckedDraft, options: FindingOptions): Finding[] {
  return draft.report.claims.flatMap((_claim, index) => claimFindings(draft, index, options));
}

/** The findings of one claim, in the order of FINDING_CODES; none for a claim the writer accepted. */
export function claimFindings(draft: CheckedDraft, claimIndex: number, options: FindingOptions): Finding[] {
  const claim = draft.report.claims[claimIndex];
  return codesOfBits(shownCodeBits(draft, claimIndex, options, shownBits(options.severity))).map((code) => {
    const evidence = evidenceFor(code, claim);
    return {
      code,
      severity: options.severity[code] as Severity,
      claimIndex,
      claim,
      message: messageFor(code, claim, draft.engine),
      ...(evidence ? { evidence } : {}),
      backingSources: draft.backing[claimIndex] ?? [],
    };
  });
}

/**
 * How many findings each claim gives, without wording them, in one pass (a long draft's publication counts tens of
 * thousands, and words only those it shows).
 */
export function claimFindingCounts(draft: CheckedDraft, options: FindingOptions): Uint8Array {
  const shown = shownBits(options.severity);
  const counts = new Uint8Array(draft.report.claims.length);
  for (let index = 0; index < counts.length; index++) counts[index] = bitCount(shownCodeBits(draft, index, options, shown));
  return counts;
}

function bitCount(bits: number): number {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
}

/**
 * The codes of the claim's findings that are shown (`shown`: the codes not turned off), none for a claim the writer
 * accepted (asked only of a claim with findings).
 */
function shownCodeBits(draft: CheckedDraft, claimIndex: number, options: FindingOptions, shown: number): number {
  if (claimIndex < 0 || claimIndex >= draft.report.claims.length) return 0;
  const bits = codeBitsOf(draft, claimIndex) & shown;
  return bits !== 0 && options.isAccepted?.(draft.report.claims[claimIndex]!.text) ? 0 : bits;
}

// Per severity map: the codes not turned off, as bits.
const shownBitsBySeverity = new WeakMap<Readonly<SeverityMap>, number>();

function shownBits(severity: Readonly<SeverityMap>): number {
  let bits = shownBitsBySeverity.get(severity);
  if (bits === undefined) {
    bits = FINDING_CODES.reduce((all, code) => (severity[code] === 'off' ? all : all | CODE_BIT[code]), 0);
    shownBitsBySeverity.set(severity, bits);
  }
  return bits;
}
