// Which occurrence of a repeated evidence word a claim unit stands for. Matching takes the first unit with the best
// score; when the evidence has that word more than once, the one of the claim unit's own kind (a word for a word, a
// name for a name), not already taken by another claim unit, and nearest where the claim's matched neighbours put it
// is the one in the claim unit's slot: "stated" is the verb "stated", not the "State" of "State Department", and the
// second "U.S." of a claim is the evidence's "U.S." beside "Command", not its first one.
import type { Analysis } from '../text/analyze';
import type { UnitAlignment } from './alignment';
import { viewOf } from './match';

/** Another kind of unit outweighs any distance: a name is no occurrence of a word. */
const OTHER_KIND = 1000;
/** An occurrence another claim unit matched counts as this many tokens further away. */
const TAKEN = 3;
/** How many claim units away a matched neighbour still tells where the unit should sit. */
const NEIGHBOUR_REACH = 3;

/** Moves each matched claim unit to its best occurrence of the evidence word it matched (in place). */
export function chooseOccurrences(units: UnitAlignment[], ev: Analysis): void {
  const { repeated } = viewOf(ev);
  if (repeated.size === 0 || !units.some((ua) => matched(ua) && repeated.has(ev.units[ua.evidenceUnit!].key))) return;
  const taken = new Map<number, number>();
  const take = (at: number, by: number) => taken.set(at, (taken.get(at) ?? 0) + by);
  for (const ua of units) if (matched(ua)) take(ua.evidenceUnit!, 1);
  for (let i = 0; i < units.length; i++) {
    const ua = units[i];
    if (!matched(ua) || (ua.unit.kind !== 'word' && ua.unit.kind !== 'name')) continue;
    const options = repeated.get(ev.units[ua.evidenceUnit!].key);
    if (!options) continue;
    take(ua.evidenceUnit!, -1);
    let best = ua.evidenceUnit!;
    let bestCost = Infinity;
    for (const at of options) {
      const cost = (ev.units[at].kind === ua.unit.kind ? 0 : OTHER_KIND) + (taken.get(at) ? TAKEN : 0) + distanceFromNeighbours(units, i, ev, at);
      if (cost < bestCost) [best, bestCost] = [at, cost];
    }
    ua.evidenceUnit = best;
    take(best, 1);
  }
}

function matched(ua: UnitAlignment): boolean {
  return ua.score > 0 && ua.evidenceUnit !== undefined;
}

/**
 * How far the evidence unit at `at` stands from where the nearest exactly matched claim neighbour on each side puts
 * it (the neighbour's evidence position, shifted by the claim's distance between the two), in tokens. A synonym's
 * place is a weaker anchor ("talks" for the "negotiations" of the next sentence) than a first occurrence.
 */
function distanceFromNeighbours(units: UnitAlignment[], i: number, ev: Analysis, at: number): number {
  let distance = 0;
  for (const step of [-1, 1]) {
    for (let k = i + step, seen = 0; k >= 0 && k < units.length && seen < NEIGHBOUR_REACH; k += step, seen++) {
      const neighbour = units[k];
      if (neighbour.score < 1 || neighbour.evidenceUnit === undefined) continue;
      const expected = ev.units[neighbour.evidenceUnit].start + (units[i].unit.start - neighbour.unit.start);
      distance += Math.abs(ev.units[at].start - expected);
      break;
    }
  }
  return distance;
}
