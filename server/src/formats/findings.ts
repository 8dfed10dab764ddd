// What a report calls a finding: a claim the writer should look at. Supported, correctly cited claims are not findings.
// The text and SARIF formats list the same findings with the same messages, so they are derived here once.
import type { CheckedClaim, CitationMismatch, Evidence, FileReport } from '../model';

export type FindingKind = 'contradicted' | 'unsupported' | 'citation-mismatch';
export type Severity = 'error' | 'warning';

export const FINDING_KINDS: readonly FindingKind[] = ['contradicted', 'unsupported', 'citation-mismatch'];

export const SEVERITY: Record<FindingKind, Severity> = {
  contradicted: 'error',
  unsupported: 'warning',
  'citation-mismatch': 'warning',
};

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  claim: CheckedClaim;
  /** One line for people: the engine's reason, or a plain fallback when it gave none. */
  message: string;
  /** The passage that best explains the finding (the conflicting one, the nearest one, or the one that backs the claim). */
  evidence?: Evidence;
}

/** Findings of one file in document order; a claim can give two (e.g. unsupported and citing the wrong source). */
export function findingsOf(report: FileReport): Finding[] {
  const findings: Finding[] = [];
  for (const claim of report.claims) {
    if (claim.verdict === 'contradicted') {
      findings.push({
        kind: 'contradicted',
        severity: SEVERITY.contradicted,
        claim,
        message: claim.reason || 'A source states something different.',
        evidence: conflictingEvidence(claim),
      });
    } else if (claim.verdict === 'unsupported') {
      findings.push({
        kind: 'unsupported',
        severity: SEVERITY.unsupported,
        claim,
        message: claim.reason || unsupportedFallback(claim.unbacked),
        evidence: claim.evidence[0],
      });
    }
    if (isCitationFinding(claim)) {
      const { backedBy, message, cited } = claim.citationMismatch;
      findings.push({
        kind: 'citation-mismatch',
        severity: SEVERITY['citation-mismatch'],
        claim,
        message: message || `The cited source (${cited.join(', ')}) does not back this claim.`,
        evidence: backedBy === undefined ? undefined : claim.evidence.find((e) => e.sourceId === backedBy),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      a.claim.range.start.line - b.claim.range.start.line ||
      a.claim.range.start.character - b.claim.range.start.character ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}

/** The engine sets a citation mismatch only where it is a finding of its own (see engine.ts). */
export function isCitationFinding(claim: CheckedClaim): claim is CheckedClaim & { citationMismatch: CitationMismatch } {
  return claim.citationMismatch !== undefined;
}

/** The passage that states the conflicting detail; failing that, one from the same source; failing that, the best. */
function conflictingEvidence(claim: CheckedClaim): Evidence | undefined {
  const conflict = claim.conflict;
  if (!conflict) return claim.evidence[0];
  const fromSource = claim.evidence.filter((e) => e.sourceId === conflict.sourceId);
  const words = conflict.source.toLowerCase();
  return fromSource.find((e) => e.text.toLowerCase().includes(words)) ?? fromSource[0] ?? claim.evidence[0];
}

function unsupportedFallback(unbacked: string[] | undefined): string {
  if (!unbacked || unbacked.length === 0) return 'No source backs this claim.';
  return `No source backs ${unbacked.map((word) => `"${word}"`).join(', ')}.`;
}
