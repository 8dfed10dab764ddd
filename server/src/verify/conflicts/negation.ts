// Negation: a "not" on one side only ("Smith was arrested" against "Smith was not arrested"), read on the
// occurrence of the word nearest to what the claim's neighbouring words matched.
import type { Analysis, Unit } from '../../text/analyze';
import type { UnitAlignment } from '../alignment';
import { backedNeighbours } from '../slots';
import { tokenText } from '../spans';
import { SCORES } from '../thresholds';
import type { PolarityConflict } from './polarity';

/** A negation reaches the first content word after it across a few stop words: "did not have to be sent". */
const NEGATION_WINDOW = 5;
/** How far back a negation in the evidence may stand and still cover a word the claim negates directly. */
const NEGATION_REACH = 5;

/**
 * The first word matched as itself or a synonym that one side negates and the other does not. A related form is
 * another part of speech, whose negation says something else: "a tow company worker" against "she doesn't work",
 * "did not win" against "breaking down winners".
 */
export function negationConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis): PolarityConflict | undefined {
  for (const ua of units) {
    if (ua.score < SCORES.synonym || ua.evidenceUnit === undefined || ua.unit.kind !== 'word' || ua.negatedAntonym) continue;
    const evUnit = ev.units[ua.evidenceUnit];
    const claimNegated = negatedBefore(claim, ua.unit.start);
    const evNegated = negatedBefore(ev, evUnit.start);
    if (claimNegated === evNegated) continue;
    // "not yet negotiations" against "did not yet amount to negotiations", "no longer holds power" against "no longer
    // in power": a negation a few words back reaches over a verb.
    const reachingNegation = claimNegated ? negationWithin(ev, evUnit.start, NEGATION_REACH) : negationWithin(claim, ua.unit.start, NEGATION_REACH);
    const occurrence = reachingNegation ? undefined : nearestOccurrence(ua, units, ev);
    if (occurrence && negatedBefore(ev, occurrence.start) !== claimNegated) {
      // A negation read in another clause than the claim's other words ("no longer see the war as a defeat and now
      // think of themselves as victims"; "I don't think 'my nanna shouldn't', it's cool") may be about something
      // else: not a contradiction, but the word is not backed either.
      if (!clauseShared(ua, units, ev, occurrence)) return { holder: ua, unbackedOnly: true };
      return {
        holder: ua,
        conflict: {
          slot: 'polarity',
          claim: phraseAround(claim, ua.unit, claimNegated),
          source: phraseAround(ev, evUnit, evNegated),
        },
      };
    }
  }
  return undefined;
}

/**
 * Between two places of one clause: no sentence end, semicolon or clause joined by ", and", ", while"…. Not a colon
 * or a quotation mark: `Maduro said: "We will not negotiate"` contradicts "Maduro said he will negotiate". Not "but":
 * "rejected any coexistence, but he abandoned that position" contradicts "never abandoned".
 */
const CLAUSE_END = /;|[.!?](?:\s|$)|,\s*(?:and|while|whereas|although|though)\b/i;

/** Whether one of the claim word's backed neighbours stands in the evidence in the same clause as the word's occurrence. */
function clauseShared(ua: UnitAlignment, units: UnitAlignment[], ev: Analysis, occurrence: Unit): boolean {
  return backedNeighbours(ua, units, ev).some(({ unit }) => {
    const [first, second] = unit.start < occurrence.start ? [unit, occurrence] : [occurrence, unit];
    const from = ev.tokens[first.end - 1].end;
    const to = ev.tokens[second.start].start;
    return from <= to && !CLAUSE_END.test(ev.text.slice(from, to));
  });
}

/** A negation negates the first content word after it: "do not recognize", "not to send". */
export function negatedBefore(analysis: Analysis, tokenIndex: number): boolean {
  for (let i = tokenIndex - 1; i >= 0 && i >= tokenIndex - NEGATION_WINDOW; i--) {
    const token = analysis.tokens[i];
    if (token.negation) return true;
    if (!token.stop) return false;
  }
  return false;
}

/** A negation among the few tokens before `tokenIndex`, in the same sentence. */
function negationWithin(analysis: Analysis, tokenIndex: number, window: number): boolean {
  for (let i = tokenIndex - 1; i >= 0 && i >= tokenIndex - window; i--) {
    if (analysis.tokens[i].negation) return true;
    if (analysis.tokens[i].sentenceInitial) return false;
  }
  return false;
}

/**
 * Of the evidence's occurrences of the matched word, the one nearest to what the claim word's neighbours matched: in
 * "never divorced … through a divorce" each claim occurrence meets its own; in "Smith was not arrested, … Jones was
 * arrested" the claim's "Smith was arrested" meets the negated one.
 */
function nearestOccurrence(ua: UnitAlignment, units: UnitAlignment[], ev: Analysis): Unit {
  const matched = ev.units[ua.evidenceUnit!];
  const anchors = backedNeighbours(ua, units, ev).map((n) => n.unit);
  if (anchors.length === 0) return matched;
  const distance = (u: Unit) => Math.min(...anchors.map((a) => Math.abs(a.start - u.start)));
  let nearest = matched;
  for (const u of ev.units) if (u.key === matched.key && distance(u) < distance(nearest)) nearest = u;
  return nearest;
}

/** The unit's text, from its negation on when negated: "did not accept". */
function phraseAround(analysis: Analysis, unit: Unit, negated: boolean): string {
  let start = unit.start;
  if (negated) while (start > 0 && !analysis.tokens[start].negation) start--;
  return tokenText(analysis, start, unit.end);
}
