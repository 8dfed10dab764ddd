// Gathers what the verdict rests on for one sentence: its best alignments with the retrieved evidence.
import type { PassageIndex } from '../index/passageIndex';
import { analyze, type Analysis, type Unit } from '../text/analyze';
import { splitSentences } from '../text/sentences';
import { stemWord } from '../text/stem';
import { align } from './align';
import type { Alignment, AlignmentContext } from './alignment';
import { findRoleConflict, type RoleConflict } from './conflicts/roles';
import { ElsewhereFinder } from './detailsElsewhere';
import { pairedEvidence, singleEvidence } from './evidenceText';
import { withoutPlaceholders } from './placeholders';
import { queryTerms } from './queryTerms';
import { MatchMemo } from './match';
import { THRESHOLDS, WEIGHTS } from './thresholds';

const CANDIDATES = 6;
const PAIR_GAIN = 0.05;
// Pairs are read around the best few candidates only, and only those that back this share of the claim alone.
const PAIRED_CANDIDATES = 6;
const PAIR_SEED = 0.3;
// Reporting, hedging, degree and frequency words tell who said a thing, how strongly or how often, rarely what: they
// weigh little (WEIGHTS). "always supported" against "consistently opposed" turns on the verbs.
const LIGHT_WORDS = new Set(
  `said say says told tell tells state stated according report reported reportedly expected expect also now recent
  recently later earlier already current currently again even both side sides two widely wide highly largely greatly
  strongly very extremely totally completely fully deeply heavily mostly mainly partly quite rather really always
  consistently repeatedly constantly continually`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => stemWord(word)),
);

export interface AssessOptions {
  /** Check against these sources only (the sources a claim cites). */
  onlySources?: ReadonlySet<string>;
}

export interface SentenceAssessment {
  claim: Analysis;
  /** Best first (by coverage). */
  alignments: Alignment[];
  /** The best alignment with no conflicting detail, if any. */
  support?: Alignment;
  /** The strongest alignment that contradicts exactly one detail while backing the rest. */
  contradiction?: Alignment;
  /** A title the sources give the same person differently, when the rest of the claim is backed. */
  roleConflict?: RoleConflict;
}

/** A claim's sentences; a one-sentence claim (every claim of a draft) is itself. */
export function claimSentences(claim: string): string[] {
  const text = withoutPlaceholders(claim);
  const sentences = splitSentences(text).map(({ start, end }) => text.slice(start, end)).filter((s) => /\p{L}/u.test(s));
  return sentences.length ? sentences : [text];
}

export function assessSentence(text: string, index: PassageIndex, options: AssessOptions = {}): SentenceAssessment {
  const claim = analyze(text, index.isName);
  if (claim.units.length === 0) return { claim, alignments: [] };
  const weights = new Map(claim.units.map((unit) => [unit, unitWeight(unit, index)]));
  const context: AlignmentContext = {
    // A unit's weight depends on the unit and the library only: worked out once, not per piece of evidence.
    weightOf: (unit) => weights.get(unit)!,
    sourceMentions: (sourceId, stem) => index.sourceMentions(sourceId, stem),
    matches: new MatchMemo(claim),
  };
  const candidates = index.search(queryTerms(claim.units), CANDIDATES, options.onlySources).map((c) => c.id);
  const elsewhere = new ElsewhereFinder(claim, index, (unit) => unit.kind === 'name' || (unit.kind === 'word' && !LIGHT_WORDS.has(unit.key)));
  const alignments = alignWithEvidence(claim, index, candidates, context).map((a) => elsewhere.apply(a));
  alignments.sort((a, b) => b.coverage - a.coverage || a.evidence.passageIds.length - b.evidence.passageIds.length);
  const support = alignments.find((a) => a.conflicts.length === 0);
  const contradiction = alignments
    .filter((a) => a.conflicts.length > 0 && a.missingDetails.length === 0 && a.coreferenced.length === 0 &&
      a.coverageBesidesConflicts >= THRESHOLDS.contradiction)
    .sort((a, b) => b.coverageBesidesConflicts - a.coverageBesidesConflicts)[0];
  return { claim, alignments, support, contradiction, roleConflict: contradiction ? undefined : backedButTitle(claim, alignments[0], index) };
}

/** A role conflict counts only when everything else the claim says is backed. */
function backedButTitle(claim: Analysis, best: Alignment | undefined, index: PassageIndex): RoleConflict | undefined {
  const role = findRoleConflict(claim, best, index);
  if (!role || !best) return undefined;
  if (best.missingDetails.some((m) => m.unit !== role.unit)) return undefined;
  let total = 0;
  let backed = 0;
  for (const ua of best.units) {
    if (ua.unit === role.unit) continue;
    total += ua.weight;
    backed += ua.weight * ua.score;
  }
  return total && backed / total >= THRESHOLDS.contradiction ? role : undefined;
}

/** Whether a sentence's best conflict-free evidence could support it: every name, number and date backed. */
export function backsEveryDetail(assessment: SentenceAssessment): boolean {
  const { support, alignments } = assessment;
  if (!support || support.missingDetails.length > 0) return false;
  // Evidence that matches the claim better but conflicts with one of its details outweighs a weaker match.
  return !alignments.some((a) => a.conflicts.length > 0 && a.coverageBesidesConflicts > support.coverage + THRESHOLDS.conflictMargin);
}

/** The sentence's contradicting evidence, unless conflict-free evidence backs the claim at least as well. */
export function contradictionOf(a: SentenceAssessment): Alignment | undefined {
  const { support, contradiction } = a;
  if (!contradiction) return undefined;
  const betterSupport = support && backsEveryDetail(a) && support.coverage >= contradiction.coverageBesidesConflicts;
  return betterSupport ? undefined : contradiction;
}

/**
 * Single sentences first; adjacent pairs only when no single sentence backs every detail on its own, and only around
 * the best few candidates that back a fair part of the claim alone (a pair of two weak sentences rarely wins, and
 * costs an alignment).
 */
function alignWithEvidence(claim: Analysis, index: PassageIndex, candidates: number[], context: AlignmentContext): Alignment[] {
  const singles = singleEvidence(index, candidates).map((evidence) => align(claim, evidence, context));
  const complete = singles.some((a) => a.coverage >= THRESHOLDS.complete && a.conflicts.length === 0);
  if (complete) return singles;
  const single = new Map(singles.map((a) => [a.evidence.passageIds[0], a]));
  const centres = singles.slice(0, PAIRED_CANDIDATES).filter((a) => a.coverageBesidesConflicts >= PAIR_SEED).map((a) => a.evidence.passageIds[0]);
  const gains = (pair: Alignment, part: Alignment | undefined) => !part ||
    pair.coverage > part.coverage + PAIR_GAIN || pair.coverageBesidesConflicts > part.coverageBesidesConflicts + PAIR_GAIN;
  // A pair counts only where it backs more than either sentence alone; otherwise it just dilutes the better one.
  const pairs = pairedEvidence(index, centres).map((evidence) => align(claim, evidence, context))
    .filter((pair) => pair.evidence.passageIds.every((id) => gains(pair, single.get(id))));
  return singles.concat(pairs);
}

export function unitWeight(unit: Unit, index: PassageIndex): number {
  switch (unit.kind) {
    case 'word':
      return LIGHT_WORDS.has(unit.key) ? WEIGHTS.lightWord : Math.min(WEIGHTS.word.most, Math.max(WEIGHTS.word.least, index.idf(unit.key)));
    case 'name':
      return Math.min(WEIGHTS.name.most, Math.max(WEIGHTS.name.least, index.idf(unit.key)));
    default:
      return WEIGHTS.detail;
  }
}
