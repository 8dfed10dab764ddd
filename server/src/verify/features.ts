// The alignment features the learned verdict model weighs (see scripts/train-verdict-model.ts and the README's
// "How checking works"). A claim of several sentences aggregates its sentences' features.
import type { PassageIndex } from '../index/passageIndex';
import type { SentenceAssessment } from './assess';
import type { Alignment, UnitAlignment } from './alignment';
import { THRESHOLDS, WEIGHTS } from './thresholds';

type Aggregate = 'min' | 'max' | 'sum';

interface Feature {
  name: string;
  aggregate: Aggregate;
  /** The feature for one sentence, from its best alignment. */
  of(best: Alignment | undefined, assessment: SentenceAssessment, index: PassageIndex): number;
}

export const FEATURES: Feature[] = [
  { name: 'coverage', aggregate: 'min', of: (best) => best?.coverage ?? 0 },
  { name: 'conflictGap', aggregate: 'max', of: (best) => (best ? best.coverageBesidesConflicts - best.coverage : 0) },
  { name: 'articleCoverage', aggregate: 'min', of: articleCoverage },
  { name: 'missingDetails', aggregate: 'sum', of: (best) => best?.missingDetails.length ?? 1 },
  { name: 'detailsAbsentFromArticle', aggregate: 'sum', of: detailsAbsentFromArticle },
  // Divided by the heaviest a unit can weigh (a rare name), to lie between 0 and 1.
  { name: 'unbackedWeightMax', aggregate: 'max', of: (best) => Math.max(0, ...unbacked(best).map((u) => u.weight)) / WEIGHTS.name.most },
  { name: 'unbackedUnits', aggregate: 'sum', of: (best) => unbacked(best).length },
  { name: 'conflict', aggregate: 'max', of: (best, a) => (a.alignments.slice(0, 3).some((x) => x.conflicts.length > 0) ? 1 : 0) },
  { name: 'polarityConflict', aggregate: 'max', of: (best) => (best?.conflicts.some((c) => c.conflict?.slot === 'polarity') ? 1 : 0) },
  { name: 'lexiconShare', aggregate: 'max', of: lexiconShare },
  { name: 'coreferenced', aggregate: 'sum', of: (best) => best?.coreferenced.length ?? 0 },
  { name: 'logUnits', aggregate: 'max', of: (best, a) => Math.log(1 + a.claim.units.length) },
  { name: 'sentences', aggregate: 'sum', of: () => 1 },
  // Two sentences read together back a claim less surely than one: a summary that fuses them often mixes them up.
  { name: 'pairedEvidence', aggregate: 'max', of: (_best, a) => ((a.support?.evidence.passageIds.length ?? 1) > 1 ? 1 : 0) },
];

export const FEATURE_NAMES = FEATURES.map((f) => f.name);

/** The weakest sentence's coverage by its best conflict-free evidence: the floor a supported claim must clear. */
export function supportCoverage(assessments: SentenceAssessment[]): number {
  return Math.min(...assessments.map((a) => a.support?.coverage ?? 0));
}

export function sentenceFeatures(assessment: SentenceAssessment, index: PassageIndex): number[] {
  const best = assessment.alignments[0];
  return FEATURES.map((feature) => feature.of(best, assessment, index));
}

export function aggregateFeatures(perSentence: number[][]): number[] {
  return FEATURES.map((feature, i) => {
    const values = perSentence.map((row) => row[i]);
    switch (feature.aggregate) {
      case 'min': return Math.min(...values);
      case 'max': return Math.max(...values);
      case 'sum': return values.reduce((a, b) => a + b, 0);
    }
  });
}

function unbacked(best: Alignment | undefined): UnitAlignment[] {
  return (best?.units ?? []).filter((u) => u.score < THRESHOLDS.backed);
}

/** Share of the claim's weight whose words the evidence's whole article uses somewhere. */
function articleCoverage(best: Alignment | undefined, _a: SentenceAssessment, index: PassageIndex): number {
  if (!best) return 0;
  let total = 0;
  let found = 0;
  for (const ua of best.units) {
    total += ua.weight;
    if (ua.score >= THRESHOLDS.backed || index.sourceMentions(best.evidence.sourceId, ua.unit.key) > 0) found += ua.weight;
  }
  return total ? found / total : 0;
}

/** Names, numbers and dates the evidence's article never mentions: the mark of an invented detail. */
function detailsAbsentFromArticle(best: Alignment | undefined, a: SentenceAssessment, index: PassageIndex): number {
  if (!best) return a.claim.units.filter((u) => u.kind !== 'word').length;
  return best.units.filter((ua) => ua.unit.kind !== 'word' && ua.score < THRESHOLDS.backed &&
    !a.claim.tokens.slice(ua.unit.start, ua.unit.end).some((t) => index.sourceMentions(best.evidence.sourceId, t.stem) > 0)).length;
}

/** Share of the backed weight that needed the lexicon (synonyms, related forms), not the same word. */
function lexiconShare(best: Alignment | undefined): number {
  if (!best) return 0;
  let backed = 0;
  let viaLexicon = 0;
  for (const ua of best.units) {
    if (ua.score <= 0) continue;
    backed += ua.weight;
    if (ua.score < 1) viaLexicon += ua.weight;
  }
  return backed ? viaLexicon / backed : 0;
}
