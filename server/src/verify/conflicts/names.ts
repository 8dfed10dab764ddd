// Names: another name in the name's slot ("Diosdado Cabello" against "Figuera"), quoted whole on both sides; and
// the family of a name ("Venezuelan" and "Venezuela"), which matches as a related form.
import type { Analysis, Unit } from '../../text/analyze';
import type { EvidenceConflict, UnitAlignment } from '../alignment';
import { spanText } from '../spans';
import { THRESHOLDS } from '../thresholds';
import { findUnmatched, type ConflictSearch } from './search';

/** Another name (not a country: places.ts) in the name's slot. */
export function personNameConflict(search: ConflictSearch): EvidenceConflict | undefined {
  // A first name or title of a person whose surname matched ("Juan" of "Juan Guaido") is no slot of its own;
  // a title the sources give differently is a role conflict (roles.ts).
  if (namesMatchedPerson(search.ua, search.all)) return undefined;
  const hit = findUnmatched(search, (u) => u.kind === 'name' && !u.country, 'inPhrase');
  return hit && { slot: 'name', claim: spanText(search.claim, search.ua.unit), source: wholeNameText(search.ev, hit.index, sharedNames(search.all)) };
}

/** A multi-word name conflicts as a whole: "Diosdado Cabello" against "Figuera". */
export function extendNameConflicts(units: UnitAlignment[], claim: Analysis): void {
  for (let i = 0; i < units.length; i++) {
    const conflict = units[i].conflict;
    if (!conflict || units[i].unit.kind !== 'name') continue;
    const joinable = (k: number) => units[k] && units[k].unit.kind === 'name' && !units[k].conflict && units[k].score < 1;
    const [first, last] = nameRun(claim, i, (k) => units[k].unit, joinable);
    if (first === i && last === i) continue;
    const claimText = spanText(claim, units[first].unit, units[last].unit);
    for (let k = first; k <= last; k++) {
      Object.assign(units[k], { conflict: { ...conflict, claim: claimText }, score: 0, coreferenced: false });
    }
    i = last;
  }
}

/** "Venezuelan" and "Venezuela": a demonym or adjective built on the same name. */
export function sameNameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
}

/** Whether a name unit right after this one (in the same name) matched closely: then this one is a first name or title. */
function namesMatchedPerson(ua: UnitAlignment, all: UnitAlignment[]): boolean {
  for (let i = all.indexOf(ua) + 1; i < all.length && all[i].unit.kind === 'name' && all[i].unit.start === all[i - 1].unit.end; i++) {
    if (all[i].score >= THRESHOLDS.closeMatch) return true;
  }
  return false;
}

/** The evidence units of the names the claim has too. */
function sharedNames(all: UnitAlignment[]): Set<number> {
  return new Set(all.filter((u) => u.unit.kind === 'name' && u.score >= THRESHOLDS.closeMatch && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
}

/**
 * The whole multi-word name a name unit belongs to ("Miami Herald", not "Miami"), short of the names the claim has
 * too ("National Security Adviser", not "National Security Adviser John Bolton").
 */
function wholeNameText(analysis: Analysis, index: number, sharedNames: Set<number>): string {
  const isName = (k: number) => analysis.units[k]?.kind === 'name' && !sharedNames.has(k);
  const [first, last] = nameRun(analysis, index, (k) => analysis.units[k], isName);
  return spanText(analysis, analysis.units[first], analysis.units[last]);
}

/** The first and last of the units around `index` that `joins` lets into one name with it. */
function nameRun(analysis: Analysis, index: number, unitAt: (k: number) => Unit, joins: (k: number) => boolean): [number, number] {
  let [first, last] = [index, index];
  while (joins(first - 1) && nameContinues(analysis, unitAt(first - 1), unitAt(first))) first--;
  while (joins(last + 1) && nameContinues(analysis, unitAt(last), unitAt(last + 1))) last++;
  return [first, last];
}

/** Two name units are one name when nothing or a single "of" stands between them ("Secretary of State"). */
function nameContinues(analysis: Analysis, left: Unit, right: Unit): boolean {
  return right.start === left.end || (right.start === left.end + 1 && analysis.tokens[left.end].folded === 'of');
}
