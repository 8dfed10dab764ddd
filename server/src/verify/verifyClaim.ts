// Decides a claim's verdict from its best alignments with the retrieved evidence.
import type { ClaimVerdict, Evidence } from '../model';
import type { PassageIndex, QueryTerm } from '../index/passageIndex';
import { analyze, type Analysis, type Unit } from '../text/analyze';
import { synonymsOf } from '../text/lexicon';
import { align, spanText, type Alignment, type AlignmentContext } from './align';
import { evidenceTexts } from './evidenceText';
import { THRESHOLDS } from './thresholds';

const CANDIDATES = 8;
const EVIDENCE_SHOWN = 3;
const PAIR_GAIN = 0.05;
// Reporting and hedging words tell who said a thing, rarely what: they weigh little.
const LIGHT_WORDS = new Set(['said', 'sai', 'say', 'told', 'tell', 'state', 'accord', 'report', 'expect', 'also', 'now',
  'recent', 'recentli', 'later', 'earlier', 'alreadi', 'current', 'currentli', 'again', 'even', 'both', 'side', 'two']);

export interface VerifyOptions {
  /** Check against these sources only (the sources a claim cites). */
  onlySources?: ReadonlySet<string>;
}

export function verifyClaim(text: string, index: PassageIndex, options: VerifyOptions = {}): ClaimVerdict {
  const claim = analyze(text, index.isName);
  if (claim.units.length === 0) {
    return { verdict: 'unsupported', confidence: 0.5, evidence: [], reason: 'The sentence states no checkable detail.' };
  }
  const context: AlignmentContext = {
    weightOf: (unit) => unitWeight(unit, index),
    sourceMentions: (sourceId, stem) => index.sourceMentions(sourceId, stem),
  };
  const candidates = index.search(queryTerms(claim.units), CANDIDATES, options.onlySources).map((c) => c.id);
  const alignments = alignWithEvidence(claim, index, candidates, context);
  alignments.sort((a, b) => b.coverage - a.coverage || a.evidence.passageIds.length - b.evidence.passageIds.length);

  const evidence = topEvidence(alignments, index);
  const support = alignments.find((a) => a.conflicts.length === 0);
  const contradiction = alignments
    .filter((a) => a.conflicts.length > 0 && a.missingDetails.length === 0 && a.coreferenced.length === 0 &&
      a.coverageBesidesConflicts >= THRESHOLDS.contradiction)
    .sort((a, b) => b.coverageBesidesConflicts - a.coverageBesidesConflicts)[0];
  const supported = support && support.coverage >= THRESHOLDS.support && support.missingDetails.length === 0;

  if (contradiction && !(supported && support!.coverage >= contradiction.coverageBesidesConflicts)) {
    const conflict = contradiction.conflicts[0].conflict!;
    const sourceId = contradiction.evidence.sourceId;
    return {
      verdict: 'contradicted',
      confidence: round(contradiction.coverageBesidesConflicts),
      evidence: [evidenceOf(contradiction, index), ...evidence.filter((e) => e.text !== evidenceOf(contradiction, index).text)].slice(0, EVIDENCE_SHOWN),
      reason: `Contradicted by ${titleOf(sourceId, index)}: the source says "${conflict.source}", the draft says "${conflict.claim}".`,
      conflict: { ...conflict, sourceId },
    };
  }
  if (supported) {
    return {
      verdict: 'supported',
      confidence: round(support!.coverage),
      evidence: [evidenceOf(support!, index), ...evidence.filter((e) => e.text !== evidenceOf(support!, index).text)].slice(0, EVIDENCE_SHOWN),
      reason: `Backed by ${titleOf(support!.evidence.sourceId, index)}, line ${index.passages[support!.evidence.passageIds[0]].line}.`,
    };
  }
  const best = alignments[0];
  const unbacked = best ? unbackedWords(best, claim) : claim.units.map((u) => spanText(claim, u));
  return {
    verdict: 'unsupported',
    confidence: round(1 - (best?.coverage ?? 0)),
    evidence,
    reason: unbacked.length ? `No source backs ${unbacked.map((w) => `"${w}"`).join(', ')}.` : 'No source mentions this.',
    unbacked,
  };
}

/** Single sentences first; adjacent pairs only when no single sentence backs every detail on its own. */
function alignWithEvidence(claim: Analysis, index: PassageIndex, candidates: number[], context: AlignmentContext): Alignment[] {
  const texts = evidenceTexts(index, candidates);
  const singles = texts.filter((t) => t.passageIds.length === 1).map((evidence) => align(claim, evidence, context));
  const complete = singles.some((a) => a.coverage >= 0.999 && a.conflicts.length === 0);
  if (complete) return singles;
  const single = new Map(singles.map((a) => [a.evidence.passageIds[0], a]));
  const gains = (pair: Alignment, part: Alignment | undefined) => !part ||
    pair.coverage > part.coverage + PAIR_GAIN || pair.coverageBesidesConflicts > part.coverageBesidesConflicts + PAIR_GAIN;
  // A pair counts only where it backs more than either sentence alone; otherwise it just dilutes the better one.
  const pairs = texts.filter((t) => t.passageIds.length > 1).map((evidence) => align(claim, evidence, context))
    .filter((pair) => pair.evidence.passageIds.every((id) => gains(pair, single.get(id))));
  return singles.concat(pairs);
}

function queryTerms(units: Unit[]): QueryTerm[] {
  const terms = new Map<string, number>();
  for (const unit of units) {
    if (unit.kind !== 'word' && unit.kind !== 'name') continue;
    terms.set(unit.key, 1);
    for (const synonym of synonymsOf(unit.key)) if (!terms.has(synonym)) terms.set(synonym, 0.4);
  }
  return [...terms].map(([stem, weight]) => ({ stem, weight }));
}

function unitWeight(unit: Unit, index: PassageIndex): number {
  switch (unit.kind) {
    case 'word':
      return LIGHT_WORDS.has(unit.key) ? 0.3 : Math.min(4, Math.max(0.5, index.idf(unit.key)));
    case 'name':
      return Math.min(5, Math.max(2, index.idf(unit.key)));
    default:
      return 2.5;
  }
}

function unbackedWords(alignment: Alignment, claim: Analysis): string[] {
  return alignment.units
    .filter((u) => u.score < 0.5 && u.weight >= 1)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 4)
    .sort((a, b) => a.unit.start - b.unit.start)
    .map((u) => spanText(claim, u.unit));
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

function titleOf(sourceId: string, index: PassageIndex): string {
  return `"${index.sources.get(sourceId)?.title ?? sourceId}"`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
