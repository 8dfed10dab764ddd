// Aligns each detail of a claim with a piece of evidence: backed (and how well), missing, or in conflict. Words are
// matched in match.ts; each kind of conflict is read in conflicts/.
import type { Analysis } from '../text/analyze';
import { stemWord } from '../text/stem';
import { backAcronyms } from './acronyms';
import type { Alignment, AlignmentContext, DetailElsewhere, EvidenceText, UnitAlignment } from './alignment';
import { readNegatedAntonyms } from './conflicts/antonyms';
import { findConflict } from './conflicts/findConflict';
import { extendNameConflicts } from './conflicts/names';
import { afterPlacePreposition } from './conflicts/places';
import { markPolarityConflict } from './conflicts/polarity';
import { chooseOccurrences } from './occurrence';
import { evidenceSlot, within } from './slots';
import { spanText } from './spans';
import { SCORES, THRESHOLDS } from './thresholds';

// Verbs that turn what follows into its opposite ("refused to speak", "failed to win"): a detail like a name or a
// number, which the evidence must back for the claim to be supported.
const TURNING_WORDS = new Set(['refuse', 'fail', 'decline', 'deny', 'reject'].map((word) => stemWord(word)));
/** A name the article mentions this often is its subject: backed by coreference strongly enough to tie a conflict. */
const SUBJECT_MENTIONS = 3;

export function align(claim: Analysis, evidence: EvidenceText, context: AlignmentContext): Alignment {
  const ev = evidence.analysis;
  const units: UnitAlignment[] = claim.units.map((unit, at) => {
    const best = context.matches.bestMatch(at, ev, evidence.parts);
    // Every field present from the start, so later steps that set a conflict or a coreference keep one object shape
    // and the loops over unit alignments stay monomorphic.
    return { unit, weight: context.weightOf(unit), score: best.score, evidenceUnit: best.index, conflict: undefined, coreferenced: undefined, negatedAntonym: undefined };
  });
  chooseOccurrences(units, ev);
  backAcronyms(units, claim, ev);
  const used = new Set<number>();
  for (const ua of units) if (ua.score > 0 && ua.evidenceUnit !== undefined) used.add(ua.evidenceUnit);
  for (const ua of units) {
    if (ua.score < 1) readConflictOrCoreference(ua, units, claim, evidence, used, context);
  }
  extendNameConflicts(units, claim);
  readNegatedAntonyms(units, claim, ev);
  if (!units.some((u) => u.conflict)) markPolarityConflict(units, claim, ev);
  keepHeaviestConflict(units);
  return summarize(evidence, units);
}

/** A detail short of an exact match: in conflict with the evidence, or else a name backed by the article naming it. */
function readConflictOrCoreference(ua: UnitAlignment, units: UnitAlignment[], claim: Analysis, evidence: EvidenceText,
  used: Set<number>, context: AlignmentContext): void {
  const mentions = context.sourceMentions(evidence.sourceId, ua.unit.key);
  const mentioned = mentions > 0;
  const conflict = findConflict(ua, units, claim, evidence.analysis, used, mentioned);
  // Another name where the claim sets the event ("play at Augusta", "held at Duncan District Court") and the article
  // names the claim's place elsewhere: most often the same place at another level (the city that hosts "the Masters",
  // the court in "Oklahoma"), so no conflict; nor does the article's mention back where this happened.
  if (conflict && ua.unit.kind === 'name' && mentioned && afterPlacePreposition(claim, ua.unit)) return;
  if (conflict) {
    ua.conflict = conflict;
    ua.score = 0;
  } else if (ua.score === 0 && ua.unit.kind === 'name' && mentioned && !afterPlacePreposition(claim, ua.unit)) {
    ua.score = SCORES.coreference;
    ua.coreferenced = mentions < SUBJECT_MENTIONS;
  }
}

/** One conflicting detail makes a contradiction; a second one means the evidence is about something else. */
function keepHeaviestConflict(units: UnitAlignment[]): void {
  const firstConflict = units.filter((u) => u.conflict).sort((a, b) => b.weight - a.weight)[0]?.conflict;
  for (const ua of units) {
    if (ua.conflict && ua.conflict.claim !== firstConflict!.claim) ua.conflict = undefined;
  }
}

/** The alignment's totals from its unit alignments (again after a later step rescores a unit). */
export function summarize(evidence: EvidenceText, units: UnitAlignment[], detailsElsewhere?: DetailElsewhere[]): Alignment {
  let total = 0;
  let backed = 0;
  let totalBesides = 0;
  for (const ua of units) {
    total += ua.weight;
    backed += ua.weight * ua.score;
    // The detail in conflict is left out; a negated word that otherwise matches stays in.
    if (!ua.conflict || ua.score > 0) totalBesides += ua.weight;
  }
  const conflicts = units.filter((u) => u.conflict);
  const missingDetails = units.filter((u) => !u.conflict && u.score < THRESHOLDS.backed && (u.unit.kind !== 'word' || TURNING_WORDS.has(u.unit.key)));
  return {
    evidence,
    units,
    coverage: total ? backed / total : 0,
    coverageBesidesConflicts: totalBesides ? backed / totalBesides : 0,
    conflicts,
    missingDetails,
    coreferenced: units.filter((u) => u.coreferenced),
    ...(detailsElsewhere?.length ? { detailsElsewhere } : {}),
  };
}

/**
 * For an unbacked word, the different word the evidence has in its place ("beach" where it says "clifftop"): an edit,
 * or a paraphrase the lexicon does not know. Not a conflict (that needs a typed slot); the reason shows it. Computed
 * on demand, for the one alignment a reason quotes.
 */
export function replacementOf(ua: UnitAlignment, alignment: Alignment): string | undefined {
  if (ua.unit.kind !== 'word' || ua.score >= THRESHOLDS.backed || ua.conflict || ua.weight < THRESHOLDS.namedWeight) return undefined;
  const ev = alignment.evidence.analysis;
  const slot = evidenceSlot(ua, alignment.units, ev);
  if (!slot) return undefined;
  const used = new Set(alignment.units.filter((u) => u.score > 0 && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
  const other = ev.units.find((u, i) => !used.has(i) && u.kind === 'word' && within(u, slot));
  return other ? spanText(ev, other) : undefined;
}
