// A claim of several sentences holds only if each sentence does: the worst verdict wins.
import type { ClaimVerdict } from '../model';

const SEVERITY = { supported: 0, unsupported: 1, contradicted: 2 } as const;

export function combineVerdicts(parts: ClaimVerdict[]): ClaimVerdict {
  const worst = parts.reduce((a, b) => (SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a));
  const confidence = worst.verdict === 'supported' ? Math.min(...parts.map((p) => p.confidence)) : worst.confidence;
  return { ...worst, confidence, evidence: worst.evidence };
}
