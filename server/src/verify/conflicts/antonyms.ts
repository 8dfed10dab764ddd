// Antonyms: the opposite of the claim's word in its place ("accepted" against "declined an invitation"), and the
// negated opposite as a paraphrase ("did not accept" = "declined").
import type { Analysis, Unit } from '../../text/analyze';
import { antonymListOf, antonymsOf } from '../../text/lexicon';
import { stemWord } from '../../text/stem';
import type { UnitAlignment } from '../alignment';
import { viewOf } from '../match';
import { closestBackedNeighbours, within, type TokenRange } from '../slots';
import { spanText } from '../spans';
import { SCORES, THRESHOLDS } from '../thresholds';
import { negatedBefore } from './negation';
import type { PolarityConflict } from './polarity';

/**
 * Opposites that name one relation from either end: "Mrs Christie earns more than her husband" says what "his wife
 * earns more than him" does, so they never conflict.
 */
const CONVERSES = new Set(['husband wife', 'wife husband'].map((pair) => pair.split(' ').map((word) => stemWord(word)).join(' ')));

/**
 * An antonym in the evidence outweighs a loose (hypernym) match elsewhere: "publicized" against "secrecy"; and a
 * synonym found elsewhere in the passage does not hide an antonym in the word's own place: "accepted" against
 * "declined an invitation", though the passage "recognizes" something further on.
 */
export function antonymConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis): PolarityConflict | undefined {
  for (const ua of units) {
    if (ua.score >= 1 || ua.unit.kind !== 'word' || ua.negatedAntonym) continue;
    const evUnit = antonymInPlace(ua, units, ev);
    if (evUnit && CONVERSES.has(`${ua.unit.key} ${evUnit.key}`)) continue;
    if (evUnit && negatedBefore(claim, ua.unit.start) === negatedBefore(ev, evUnit.start)) {
      return { holder: ua, antonym: true, conflict: { slot: 'polarity', claim: spanText(claim, ua.unit), source: spanText(ev, evUnit) } };
    }
  }
  return undefined;
}

/** "did not accept" is backed by "declined": a negated word meets its opposite as a paraphrase, not a conflict. */
export function readNegatedAntonyms(units: UnitAlignment[], claim: Analysis, ev: Analysis): void {
  for (const ua of units) {
    if (ua.score >= 1 || ua.unit.kind !== 'word' || ua.conflict) continue;
    const evUnit = antonymInPlace(ua, units, ev);
    if (!evUnit || negatedBefore(claim, ua.unit.start) === negatedBefore(ev, evUnit.start)) continue;
    Object.assign(ua, { score: SCORES.related, evidenceUnit: ev.units.indexOf(evUnit), negatedAntonym: true });
  }
}

/**
 * An antonym of the claim word beside what the claim word's neighbours matched, unless the word's own match (a
 * synonym) stands there too. An antonym elsewhere in the passage ("near" in one clause, "far" in another) is about
 * something else.
 */
function antonymInPlace(ua: UnitAlignment, units: UnitAlignment[], ev: Analysis): Unit | undefined {
  // Most words have no antonym: nothing to look for.
  const antonymList = antonymListOf(ua.unit.lex);
  if (!antonymList) return undefined;
  const { wordLexes } = viewOf(ev);
  let present = false;
  for (let k = 0; k < antonymList.length && !present; k++) present = wordLexes.has(antonymList[k]);
  if (!present) return undefined;
  const antonyms = antonymsOf(ua.unit.lex)!;
  let near: TokenRange[] | undefined;
  const inPlace = (u: Unit) => (near ??= closestBackedNeighbours(ua, units, ev)).some((range) => within(u, range));
  for (const evUnit of ev.units) {
    if (evUnit.kind !== 'word' || !antonyms.has(evUnit.lex) || !inPlace(evUnit)) continue;
    if (ua.score >= THRESHOLDS.closeMatch && ua.evidenceUnit !== undefined && inPlace(ev.units[ua.evidenceUnit])) return undefined;
    return evUnit;
  }
  return undefined;
}
