// Turns the assessments of a claim's sentences into one verdict: a contradiction is found by rule (one detail in
// conflict, the rest backed); otherwise the learned model weighs the alignment features.
import type { ClaimVerdict, Conflict, Evidence } from '../model';
import type { PassageIndex } from '../index/passageIndex';
import { replacementOf } from './align';
import type { Alignment, UnitAlignment } from './alignment';
import { backsEveryDetail, contradictionOf, type SentenceAssessment } from './assess';
import { aggregateFeatures, sentenceFeatures, supportCoverage } from './features';
import { spanText } from './spans';
import { THRESHOLDS } from './thresholds';
import { replacedWord } from './replacedWords';
import { passesRules, structuralFault, type StructuralFault } from './gate';
import { unbackedDetailsOf } from './unbackedDetails';
import { minimumCoverage, supportProbability, supportThreshold } from './verdictModel';

const EVIDENCE_SHOWN = 3;
const UNBACKED_SHOWN = 4;
const REPLACEMENT_SHOWN_FROM = 0.6;
/** The confidence of a verdict that nothing backs either way: a coin toss, and the least an unsupported one gets. */
const UNDECIDED = 0.5;

export function decide(assessments: SentenceAssessment[], index: PassageIndex): ClaimVerdict {
  const checkable = assessments.filter((a) => a.claim.units.length > 0);
  if (checkable.length === 0) {
    return { verdict: 'unsupported', confidence: UNDECIDED, evidence: [], reason: 'The sentence states no checkable detail.' };
  }
  for (const a of checkable) {
    const contradiction = contradictionOf(a);
    if (!contradiction) continue;
    const conflict = { ...contradiction.conflicts[0].conflict!, sourceId: contradiction.evidence.sourceId };
    return contradicted(conflict, contradiction.coverageBesidesConflicts, evidenceOf(contradiction, index), a, index);
  }

  for (const a of checkable) {
    if (!a.roleConflict) continue;
    const { conflict, passageId } = a.roleConflict;
    const passage = index.passages[passageId];
    const evidence = { sourceId: passage.sourceId, line: passage.line, text: passage.text, score: 1 };
    return contradicted(conflict, a.alignments[0].coverage, evidence, a, index);
  }

  const probability = supportProbability(aggregateFeatures(checkable.map((a) => sentenceFeatures(a, index))));
  const coverage = supportCoverage(checkable);
  const eligible = passesRules(checkable) && coverage >= minimumCoverage();
  if (eligible && probability >= supportThreshold()) {
    const weakest = checkable.reduce((x, y) => (y.support!.coverage < x.support!.coverage ? y : x));
    const support = weakest.support!;
    // A supported claim can still carry a word the passage does not have (a paraphrase, or a slip): say which.
    const missing = unbackedDetailsOf(support, weakest.claim, index).map((u) => spanText(weakest.claim, u.unit));
    const elsewhere = support.detailsElsewhere ?? [];
    return {
      verdict: 'supported',
      confidence: round(probability),
      evidence: withFirst(evidenceOf(support, index), [...elsewhere.map((d) => passageEvidence(d.passageId, index)), ...topEvidence(weakest.alignments, index)]),
      reason: `Backed by ${titleOf(support.evidence.sourceId, index)}, line ${index.passages[support.evidence.passageIds[0]].line}` +
        elsewhere.map((d) => `, "${spanText(weakest.claim, d.unit.unit)}" from line ${index.passages[d.passageId].line}`).join('') + '.' +
        (missing.length ? ` Not in that passage: ${missing.map((w) => `"${w}"`).join(', ')}.` : ''),
      ...(missing.length ? { unbacked: missing } : {}),
    };
  }
  const fault = structuralFault(checkable);
  // A fragment or moved roles are what is wrong only when every detail is backed; otherwise the unbacked ones are.
  if (fault && checkable.every(backsEveryDetail) && coverage >= minimumCoverage()) return structurallyUnsupported(fault, coverage, index);
  const worst = checkable.reduce((x, y) => ((y.alignments[0]?.coverage ?? 0) < (x.alignments[0]?.coverage ?? 0) ? y : x));
  const best = worst.alignments[0];
  const unbacked = unbackedOf(best, worst);
  return {
    verdict: 'unsupported',
    // The model speaks only for claims the rules let through; otherwise what is left unbacked is the measure.
    confidence: round(eligible ? 1 - probability : Math.max(UNDECIDED, 1 - coverage)),
    evidence: topEvidence(worst.alignments, index),
    reason: unbacked.length ? `No source backs ${describeUnbacked(best, worst)}.` : 'No source backs every detail of this.',
    unbacked,
  };
}

/** A claim whose words are backed but whose sentence says nothing (a fragment), says it with the roles changed, or
 * surer than the source. */
function structurallyUnsupported(fault: StructuralFault, coverage: number, index: PassageIndex): ClaimVerdict {
  const { claim, alignments } = fault.sentence;
  const moved = fault.kind === 'roles' ? fault.moved.map((u) => spanText(claim, u))
    : fault.kind === 'doer' ? [spanText(claim, fault.doer.unit)]
      : fault.kind === 'certainty' ? [fault.overstated.word] : [];
  return {
    verdict: 'unsupported',
    confidence: round(Math.max(UNDECIDED, 1 - coverage)),
    evidence: topEvidence(alignments, index),
    reason: fault.kind === 'fragment'
      ? `"${claim.text.trim()}" is not a sentence (no verb with a subject): it states nothing a source can back.`
      : fault.kind === 'doer'
        ? `No source backs "${moved[0]}" as the one who does this: the source has "${fault.doer.other}" in that place.`
        : fault.kind === 'certainty'
          ? `No source backs "${moved[0]}": the source says "${fault.overstated.hedge}", not that it is certain.`
        : `No source backs ${moved.map((w) => `"${w}"`).join(' and ')} in that role: the source has these words with who did what to whom changed.`,
    unbacked: moved,
  };
}

function heaviestUnbacked(alignment: Alignment): UnitAlignment[] {
  return alignment.units
    .filter((u) => u.score < THRESHOLDS.backed && u.weight >= THRESHOLDS.namedWeight)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, UNBACKED_SHOWN)
    .sort((a, b) => a.unit.start - b.unit.start);
}

function unbackedOf(alignment: Alignment | undefined, assessment: SentenceAssessment): string[] {
  if (!alignment) return assessment.claim.units.map((u) => spanText(assessment.claim, u));
  return heaviestUnbacked(alignment).map((u) => spanText(assessment.claim, u.unit));
}

/** The unbacked words, each with the word the closest evidence has in its place, if any. */
function describeUnbacked(best: Alignment | undefined, assessment: SentenceAssessment): string {
  if (!best) return unbackedOf(undefined, assessment).map((w) => `"${w}"`).join(', ');
  // Naming what the source says instead helps only when the evidence is about the same thing.
  const sameTopic = best.coverage >= REPLACEMENT_SHOWN_FROM;
  return heaviestUnbacked(best)
    .map((u) => {
      const replacement = sameTopic ? replacedWord(u, best, assessment.claim) ?? replacementOf(u, best) : undefined;
      return `"${spanText(assessment.claim, u.unit)}"${replacement ? ` (the source has "${replacement}")` : ''}`;
    })
    .join(', ');
}

function contradicted(conflict: Conflict, confidence: number, first: Evidence, a: SentenceAssessment, index: PassageIndex): ClaimVerdict {
  return {
    verdict: 'contradicted',
    confidence: round(confidence),
    evidence: withFirst(first, topEvidence(a.alignments, index)),
    reason: `Contradicted by ${titleOf(conflict.sourceId, index)}: the source says "${conflict.source}", the draft says "${conflict.claim}".`,
    conflict,
  };
}

/** The first piece of evidence, then the rest, each passage once. */
function withFirst(first: Evidence, rest: Evidence[]): Evidence[] {
  const shown = [first];
  for (const e of rest) {
    if (shown.length === EVIDENCE_SHOWN) break;
    if (!shown.some((s) => s.sourceId === e.sourceId && s.text === e.text)) shown.push(e);
  }
  return shown;
}

function topEvidence(alignments: Alignment[], index: PassageIndex): Evidence[] {
  const shown: Evidence[] = [];
  for (const alignment of alignments) {
    const evidence = evidenceOf(alignment, index);
    if (shown.some((e) => e.sourceId === evidence.sourceId && (e.text.includes(evidence.text) || evidence.text.includes(e.text)))) continue;
    shown.push(evidence);
    if (shown.length === EVIDENCE_SHOWN) break;
  }
  return shown;
}

function evidenceOf(alignment: Alignment, index: PassageIndex): Evidence {
  const first = index.passages[alignment.evidence.passageIds[0]];
  return {
    sourceId: first.sourceId,
    line: first.line,
    text: alignment.evidence.passageIds.map((id) => index.passages[id].text).join(' '),
    score: round(alignment.coverage),
  };
}

/** Another passage of the article that states one detail of the claim. */
function passageEvidence(passageId: number, index: PassageIndex): Evidence {
  const passage = index.passages[passageId];
  return { sourceId: passage.sourceId, line: passage.line, text: passage.text, score: 1 };
}

function titleOf(sourceId: string, index: PassageIndex): string {
  return `"${index.sources.get(sourceId)?.title ?? sourceId}"`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
