// Names: another name in the name's slot ("Diosdado Cabello" against "Figuera"), quoted whole on both sides; and
// the family of a name ("Venezuelan" and "Venezuela"), which matches as a related form.
import type { Analysis, Unit } from '../../text/analyze';
import type { EvidenceConflict, UnitAlignment } from '../alignment';
import { stemWord } from '../../text/stem';
import { spanText } from '../spans';
import { THRESHOLDS } from '../thresholds';
import { findUnmatched, type ConflictSearch } from './search';

/** Another name (not a country: places.ts) in the name's slot. */
export function personNameConflict(search: ConflictSearch): EvidenceConflict | undefined {
  // A first name or title of a person whose surname matched ("Juan" of "Juan Guaido") is no slot of its own;
  // a title the sources give differently is a role conflict (roles.ts).
  if (namesMatchedPerson(search.ua, search.all)) return undefined;
  const hit = findUnmatched(search, (u) => u.kind === 'name' && !u.country, 'inPhrase');
  if (!hit || !sameKindOfName(search, hit.unit)) return undefined;
  // The body's name is quoted whole, its kind included: "Andrés Bello Catholic University".
  const shared = sharedNames(search.all);
  const head = search.all[search.all.indexOf(search.ua) + 1];
  const body = head?.evidenceUnit !== undefined && KINDS_OF_BODY.has(head.unit.key);
  if (body) shared.delete(head.evidenceUnit!);
  return { slot: body ? 'organisation' : 'name', claim: spanText(search.claim, search.ua.unit), source: wholeNameText(search.ev, hit.index, shared) };
}

/** A nationality: "Scottish", "Japanese", "Venezuelan" (not a party, a club or a person). */
const NATIONALITY = /(ish|ese|ian|ean)$/;

/**
 * Whether the evidence's name can be another value of the claim's: a word, not an initial; both nationalities or
 * neither ("SNP leader" against "the Scottish leaders" is compatible); a body against a body ("Duncan District Court"
 * against "Oklahoma" names the place at another level); not where one came from against where it went; and, when the claim's name says which one of a thing it is
 * ("former Killie defender"), the evidence says it of the same thing ("former Hearts boss" names another role).
 */
function sameKindOfName(search: ConflictSearch, other: Unit): boolean {
  const { ua, all, claim, ev } = search;
  if (ev.tokens[other.start].folded.length < 2) return false;
  if (NATIONALITY.test(claim.tokens[ua.unit.end - 1].folded) !== NATIONALITY.test(ev.tokens[other.end - 1].folded)) return false;
  // (Not the other way round: "Pentagon official" against "State Department official" names another body.)
  if (namesBody(claim, ua.unit) && !namesBody(ev, other)) return false;
  // "relegated from the Championship" against "relegation into League One": where one came from and where it went.
  const [claimPreposition, evPreposition] = [prepositionBefore(claim, ua.unit), prepositionBefore(ev, other)];
  if (direction(claimPreposition) * direction(evPreposition) < 0) return false;
  // A name a preposition relates to the event ("from the Championship") is no filler of a slot that has none
  // ("after relegation Jamie O'Hara scored").
  if (claimPreposition && !evPreposition) return false;
  const head = all[all.indexOf(ua) + 1];
  if (!head || head.unit.kind !== 'word' || head.unit.start !== ua.unit.end) return true;
  return head.score >= THRESHOLDS.closeMatch && head.evidenceUnit !== undefined && ev.units[head.evidenceUnit].start - other.end <= 1;
}

const PREPOSITIONS = new Set('in at on from to into onto for with by of near against over under across through via'.split(' '));

/** The preposition right before a name (past "the"), if any. */
function prepositionBefore(analysis: Analysis, unit: Unit): string | undefined {
  let at = unit.start - 1;
  while (at >= 0 && ['the', 'a', 'an'].includes(analysis.tokens[at].folded)) at--;
  const word = analysis.tokens[at]?.folded;
  return word !== undefined && PREPOSITIONS.has(word) ? word : undefined;
}

/** -1 for where something comes from, 1 for where it goes, 0 for neither. */
function direction(preposition: string | undefined): number {
  if (preposition === 'from') return -1;
  return preposition === 'to' || preposition === 'into' || preposition === 'onto' ? 1 : 0;
}

/** Whether the name that starts at `unit` ends in a kind of body ("District Court", "Catholic University"). */
function namesBody(analysis: Analysis, unit: Unit): boolean {
  const at = analysis.units.indexOf(unit);
  for (let k = at; k < analysis.units.length && analysis.units[k].kind === 'name'; k++) {
    if (k > at && !nameContinues(analysis, analysis.units[k - 1], analysis.units[k])) break;
    if (KINDS_OF_BODY.has(analysis.units[k].key)) return true;
  }
  return false;
}

/** A multi-word name conflicts as a whole: "Diosdado Cabello" against "Figuera". */
export function extendNameConflicts(units: UnitAlignment[], claim: Analysis): void {
  for (let i = 0; i < units.length; i++) {
    const conflict = units[i].conflict;
    if (!conflict || units[i].unit.kind !== 'name') continue;
    // A name beside it that conflicts with the same evidence name is the same name's other half: "Mike" and "Pompeo"
    // each against "John Bolton" are one conflict, "Mike Pompeo".
    const joinable = (k: number) => units[k] && units[k].unit.kind === 'name' && units[k].score < 1 &&
      (!units[k].conflict || units[k].conflict!.source === conflict.source);
    const [first, run] = nameRun(claim, i, (k) => units[k].unit, joinable);
    const last = bodyNameEnd(units, claim, run, joinable);
    if (first === i && last === i) continue;
    const claimText = spanText(claim, units[first].unit, units[last].unit);
    for (let k = first; k <= last; k++) {
      // The kind of body both sides share stays backed: only the words that say which body are in conflict.
      if (last > run && k === run + 1) continue;
      Object.assign(units[k], { conflict: { ...conflict, claim: claimText }, score: 0, coreferenced: false });
    }
    i = last;
  }
}

/**
 * Where the name of a body ends that the conflicting name at `last` starts: past the kind of body and an "of" with its
 * names ("Central University of Venezuela"), which belong to that body's name, not to the sentence.
 */
function bodyNameEnd(units: UnitAlignment[], claim: Analysis, last: number, joinable: (k: number) => boolean): number {
  const head = units[last + 1];
  if (!head || head.unit.kind !== 'name' || !KINDS_OF_BODY.has(head.unit.key) || head.unit.start !== units[last].unit.end) return last;
  let end = last + 1;
  while (joinable(end + 1) && nameContinues(claim, units[end].unit, units[end + 1].unit)) end++;
  return end === last + 1 ? last : end;
}

/** "Venezuelan" and "Venezuela": a demonym or adjective built on the same name. */
export function sameNameFamily(a: string, b: string): boolean {
  // Asked for every evidence word a claim name is scanned against: lengths rule most pairs out before any string is
  // compared, and no pair of strings is allocated.
  const aShorter = a.length <= b.length;
  const short = aShorter ? a : b;
  const long = aShorter ? b : a;
  return short.length >= 5 && long.length - short.length <= 3 && long.startsWith(short);
}

/**
 * Whether a name unit right after this one (in the same name) matched closely: then this one is a first name or title.
 * Not when that name is the kind of body ("Central University" against "Catholic University"): the word before it
 * says which one, a slot of its own.
 */
function namesMatchedPerson(ua: UnitAlignment, all: UnitAlignment[]): boolean {
  for (let i = all.indexOf(ua) + 1; i < all.length && all[i].unit.kind === 'name' && all[i].unit.start === all[i - 1].unit.end; i++) {
    if (all[i].score >= THRESHOLDS.closeMatch) return !KINDS_OF_BODY.has(all[i].unit.key);
  }
  return false;
}

/** The head of an organisation's name, which many bodies share: the words before it tell them apart. */
const KINDS_OF_BODY = new Set(
  `university college institute school academy hospital ministry department agency bureau office council committee
  commission assembly parliament court party army command navy bank company corporation association federation union
  church club league group foundation`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => stemWord(word)),
);

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
