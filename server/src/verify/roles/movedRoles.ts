// Who did what to whom, against the passage: the claim's doer and undergoer on the sides of the matched verb that the
// passage's voice puts them ("X was accused by Y" = "Y accused X"). A role on the wrong side is a swapped argument:
// the words are backed, what they say is not.
import type { Analysis, Unit } from '../../text/analyze';
import type { Alignment } from '../alignment';
import { clauseOf, REPORTING, verbalAt, voiceAt } from './clause';
import { placedUnits, type Placed } from './matched';

/** A role word further than this from the verb may belong to another clause of the passage: it tells nothing. */
const WINDOW = 8;

/** The claim's roles (doer, undergoer) that the passage has on the other side of the same verb: their claim units. */
export function movedRoles(claim: Analysis, best: Alignment | undefined): Unit[] {
  const clause = best && clauseOf(claim);
  // Roles are read where the claim names two participants, or one undergoer by the passive: an active verb with no
  // object ("concept revealed at the expo") may be a headline's passive, and a reporting verb's object is a clause.
  if (!best || !clause || (!clause.passive && !clause.object) || REPORTING.has(claim.tokens[clause.verb].folded)) return [];
  const placed = placedUnits(best);
  const verb = placed.find((p) => p.ua.unit.start <= clause.verb && clause.verb < p.ua.unit.end);
  if (!verb) return [];
  const tokens = best.evidence.analysis.tokens;
  // Where the passage states the claim: around the middle of its backed words. The verb used elsewhere ("leaving"
  // eighty words on) is another statement.
  const centre = placed.map((p) => p.at).sort((x, y) => x - y)[placed.length >> 1];
  const verbs = occurrences(best, verb).filter((at) => Math.abs(at - centre) <= 2 * WINDOW && verbalAt(tokens, at)).flatMap((at) => {
    const voice = voiceAt(tokens, at);
    return voice ? [{ at, passive: voice === 'passive' }] : [];
  });
  const doer = clause.passive ? clause.agent : clause.subject;
  const undergoer = clause.passive ? clause.subject : clause.object;
  return [moved(best, placed, doer, verbs, false), moved(best, placed, undergoer, verbs, true)].filter((u): u is Unit => u !== undefined);
}

/**
 * Whether the passage has the phrase's head (its last backed word) near the verb only on the wrong side: the doer
 * stands before an active verb and after a passive one, the undergoer the other way round. The same word may come
 * more than once: any occurrence on the right side backs the role.
 */
function moved(best: Alignment, placed: Placed[], range: [number, number] | undefined, verbs: { at: number; passive: boolean }[],
  undergoer: boolean): Unit | undefined {
  if (!range) return undefined;
  const head = placed.filter((p) => p.ua.unit.start >= range[0] && p.ua.unit.end <= range[1]).pop();
  // A number or a date is when or how much, not who: "published *70 years* after".
  if (!head || head.ua.unit.kind !== 'word' && head.ua.unit.kind !== 'name') return undefined;
  let wrong = false;
  for (const at of occurrences(best, head)) {
    for (const verb of verbs) {
      if (at === verb.at || Math.abs(at - verb.at) > WINDOW) continue;
      const before = at < verb.at;
      if (before === (verb.passive === undergoer)) return undefined;
      wrong = true;
    }
  }
  return wrong ? head.ua.unit : undefined;
}

/** Token positions of every evidence unit with the same key as the one this claim unit matched. */
function occurrences(best: Alignment, placed: Placed): number[] {
  const units = best.evidence.analysis.units;
  const key = units[placed.ua.evidenceUnit!].key;
  return units.filter((u) => u.key === key).map((u) => u.start);
}
