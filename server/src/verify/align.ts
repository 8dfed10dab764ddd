// Aligns each detail of a claim with a piece of evidence: backed (and how well), missing, or in conflict.
import type { Conflict } from '../model';
import type { Analysis, Unit } from '../text/analyze';
import { numbersAgree } from '../text/numbers';
import { relation, relationsOf } from '../text/lexicon';
import { stemWord } from '../text/stem';

/** One or two adjacent source sentences read as one text. */
export interface EvidenceText {
  sourceId: string;
  passageIds: number[];
  analysis: Analysis;
}

export interface AlignmentContext {
  /** How much a claim word tells (inverse document frequency over the library). */
  weightOf(unit: Unit): number;
  /** In how many passages the evidence's article names this stem (a name backed by coreference). */
  sourceMentions(sourceId: string, stem: string): number;
}

export interface UnitAlignment {
  unit: Unit;
  weight: number;
  /** 0 (missing) … 1 (same word or value). */
  score: number;
  /** Index of the evidence unit it matched. */
  evidenceUnit?: number;
  conflict?: Omit<Conflict, 'sourceId'>;
  coreferenced?: boolean;
  /** Backed by the negated opposite: "did not accept" by "declined". */
  negatedAntonym?: boolean;
}

export interface Alignment {
  evidence: EvidenceText;
  units: UnitAlignment[];
  /** Weighted share of the claim's details that the evidence backs. */
  coverage: number;
  /** The same, leaving out the details in conflict. */
  coverageBesidesConflicts: number;
  conflicts: UnitAlignment[];
  /** Names, numbers and dates of the claim that the evidence neither backs nor contradicts. */
  missingDetails: UnitAlignment[];
  /** Names backed only because the evidence's article names them once elsewhere: enough to support, too weak to tie
   * a conflicting detail to the same event (a name the article keeps returning to is its subject, and strong enough). */
  coreferenced: UnitAlignment[];
  /** Details backed by another passage of the same article, where they stand beside the same word as in the claim. */
  detailsElsewhere?: DetailElsewhere[];
}

export interface DetailElsewhere {
  unit: UnitAlignment;
  passageId: number;
}

// Verbs that turn what follows into its opposite ("refused to speak", "failed to win"): a detail like a name or a
// number, which the evidence must back for the claim to be supported.
const TURNING_WORDS = new Set(['refuse', 'fail', 'decline', 'deny', 'reject'].map((word) => stemWord(word)));
const SYNONYM_SCORE = 0.9;
const RELATED_SCORE = 0.85;
const HYPERNYM_SCORE = 0.5;
const COREFERENCE_SCORE = 0.5;
const NEGATION_WINDOW = 3;
// How far back a negation in the evidence may stand and still cover a word the claim negates directly.
const NEGATION_REACH = 5;
const SUBJECT_MENTIONS = 3;
const SLOT_WINDOW = 3;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside']);
// How many claim units an antonym's anchor may lie away from the word it opposes.
const ANTONYM_REACH = 3;

export function align(claim: Analysis, evidence: EvidenceText, context: AlignmentContext): Alignment {
  const ev = evidence.analysis;
  const used = new Set<number>();
  const units: UnitAlignment[] = claim.units.map((unit) => {
    const weight = context.weightOf(unit);
    const best = bestMatch(unit, ev);
    if (best.score > 0 && best.index !== undefined) used.add(best.index);
    return { unit, weight, score: best.score, evidenceUnit: best.index };
  });

  for (const ua of units) {
    if (ua.score >= 1) continue;
    const mentions = context.sourceMentions(evidence.sourceId, ua.unit.key);
    const mentioned = mentions > 0;
    const conflict = findConflict(ua, claim, ev, used, units, mentioned);
    if (conflict) {
      ua.conflict = conflict;
      ua.score = 0;
    } else if (ua.score === 0 && ua.unit.kind === 'name' && mentioned && !afterPlacePreposition(claim, ua.unit)) {
      ua.score = COREFERENCE_SCORE;
      ua.coreferenced = mentions < SUBJECT_MENTIONS;
    }
  }
  extendNameConflicts(units, claim);
  readNegatedAntonyms(units, claim, ev);
  const polarity = findPolarityConflict(units, claim, ev);
  if (polarity && !units.some((u) => u.conflict)) {
    polarity.holder.conflict = polarity.conflict;
    // A word in its antonym's place is not backed, even by a synonym elsewhere; a negated word still matched.
    if (polarity.antonym || polarity.holder.score < RELATED_SCORE) polarity.holder.score = 0;
  }

  // One conflicting detail makes a contradiction; a second one means the evidence is about something else.
  const firstConflict = units.filter((u) => u.conflict).sort((a, b) => b.weight - a.weight)[0]?.conflict;
  for (const ua of units) {
    if (ua.conflict && ua.conflict.claim !== firstConflict!.claim) delete ua.conflict;
  }
  return summarize(evidence, units);
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
  const missingDetails = units.filter((u) => !u.conflict && u.score < 0.5 && (u.unit.kind !== 'word' || TURNING_WORDS.has(u.unit.key)));
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
  if (ua.unit.kind !== 'word' || ua.score >= 0.5 || ua.conflict || ua.weight < 1) return undefined;
  const ev = alignment.evidence.analysis;
  const slot = evidenceSlot(ua, alignment.units, ev);
  if (!slot) return undefined;
  const used = new Set(alignment.units.filter((u) => u.score > 0 && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
  const other = ev.units.find((u, i) => !used.has(i) && u.kind === 'word' && u.start >= slot[0] && u.end <= slot[1]);
  return other ? spanText(ev, other) : undefined;
}

/**
 * "met in Caracas": a place the claim sets an event in must be in the evidence itself. That the article names the
 * place somewhere else says nothing about where this happened (a person it names elsewhere is another matter).
 */
function afterPlacePreposition(claim: Analysis, unit: Unit): boolean {
  return PLACE_PREPOSITIONS.has(claim.tokens[unit.start - 1]?.folded ?? '');
}

/** Two name units are one name when nothing or a single "of" stands between them ("Secretary of State"). */
function nameContinues(analysis: Analysis, left: Unit, right: Unit): boolean {
  return right.start === left.end || (right.start === left.end + 1 && analysis.tokens[left.end].folded === 'of');
}

/** A multi-word name conflicts as a whole: "Diosdado Cabello" against "Figuera". */
function extendNameConflicts(units: UnitAlignment[], claim: Analysis): void {
  for (let i = 0; i < units.length; i++) {
    const conflict = units[i].conflict;
    if (!conflict || units[i].unit.kind !== 'name') continue;
    let [first, last] = [i, i];
    const joinable = (k: number) => units[k] && units[k].unit.kind === 'name' && !units[k].conflict && units[k].score < 1;
    while (joinable(first - 1) && nameContinues(claim, units[first - 1].unit, units[first].unit)) first--;
    while (joinable(last + 1) && nameContinues(claim, units[last].unit, units[last + 1].unit)) last++;
    if (first === i && last === i) continue;
    const claimText = claim.text.slice(claim.tokens[units[first].unit.start].start, claim.tokens[units[last].unit.end - 1].end);
    for (let k = first; k <= last; k++) {
      Object.assign(units[k], { conflict: { ...conflict, claim: claimText }, score: 0, coreferenced: false });
    }
    i = last;
  }
}

export function bestMatch(unit: Unit, ev: Analysis): { score: number; index?: number } {
  const isWord = unit.kind === 'word' || unit.kind === 'name';
  const exact = keyIndex(ev).get(unit.key);
  if (exact !== undefined && isWord && (ev.units[exact].kind === 'word' || ev.units[exact].kind === 'name')) {
    return { score: 1, index: exact };
  }
  let best = 0;
  let bestIndex: number | undefined;
  if (isWord) {
    // The hot loop of the checker: the claim word's relations are looked up once, not per evidence word.
    const relations = relationsOf(unit.lex);
    const phraseRelations = unit.phrase ? relationsOf(unit.phrase.lex) : undefined;
    for (let i = 0; i < ev.units.length && best < 1; i++) {
      const other = ev.units[i];
      if (other.kind !== 'word' && other.kind !== 'name') continue;
      let score = scoreOf(relations?.get(other.lex));
      // A name is not backed by a word it merely falls under ("Central" of a university's name under "change").
      if (unit.kind === 'name' && score === HYPERNYM_SCORE) score = 0;
      if (phraseRelations || unit.phrase?.key === other.key) {
        score = Math.max(score, unit.phrase!.key === other.key ? SYNONYM_SCORE : scoreOf(phraseRelations?.get(other.lex)));
      }
      if (other.phrase) score = Math.max(score, other.phrase.key === unit.key ? SYNONYM_SCORE : lexicalScore(unit.lex, other.phrase.lex));
      if (score < RELATED_SCORE && (unit.kind === 'name' || other.kind === 'name') && sameNameFamily(unit.key, other.key)) score = RELATED_SCORE;
      if (score > best) [best, bestIndex] = [score, i];
    }
    return { score: best, index: bestIndex };
  }
  for (let i = 0; i < ev.units.length && best < 1; i++) {
    const score = matchScore(unit, ev.units[i]);
    if (score > best) [best, bestIndex] = [score, i];
  }
  return { score: best, index: bestIndex };
}

function scoreOf(relation: string | undefined): number {
  switch (relation) {
    case 'synonym': return SYNONYM_SCORE;
    case 'related': return RELATED_SCORE;
    case 'hypernym': return HYPERNYM_SCORE;
    default: return 0;
  }
}

const keyIndexes = new WeakMap<Analysis, Map<string, number>>();

/** First unit of each key in an analysis, built once per (cached) evidence analysis. */
function keyIndex(analysis: Analysis): Map<string, number> {
  let index = keyIndexes.get(analysis);
  if (!index) {
    index = new Map();
    for (let i = 0; i < analysis.units.length; i++) if (!index.has(analysis.units[i].key)) index.set(analysis.units[i].key, i);
    keyIndexes.set(analysis, index);
  }
  return index;
}

/** Match of two details other than words and names (bestMatch handles those). */
function matchScore(a: Unit, b: Unit): number {
  if (a.kind !== b.kind) return 0;
  switch (a.kind) {
    case 'number': {
      const agreement = amountsAgree(a, b);
      if (agreement === 'different' || agreement === 'incomparable') return 0;
      if (a.number!.days !== undefined && b.number!.days !== undefined) return agreement === 'same' ? 1 : 0.8;
      if (a.number!.unitStems.length && b.number!.unitStems.length && !unitsOverlap(a, b) && !a.number!.ordinal) return 0.5;
      return agreement === 'same' ? 1 : 0.8;
    }
    case 'date': {
      const [x, y] = [a.date!, b.date!];
      if (x.month !== y.month) return 0;
      if (x.day !== undefined && y.day !== undefined && x.day !== y.day) return 0;
      if (x.year !== undefined && y.year !== undefined && x.year !== y.year) return 0;
      // "on August 5" adds a day to "in August": a detail the evidence does not back (the month is right, hence not 0).
      return x.day !== undefined && y.day === undefined ? 0.4 : 1;
    }
    default:
      return a.key === b.key ? 1 : 0;
  }
}

function lexicalScore(a: number, b: number): number {
  return scoreOf(relationsOf(a)?.get(b));
}

/** Durations compare in days ("two weeks" = "14 days"), other amounts by value. */
function amountsAgree(a: Unit, b: Unit): 'same' | 'compatible' | 'different' | 'incomparable' {
  const [x, y] = [a.number!, b.number!];
  if (x.share !== y.share) return 'incomparable';
  if (x.days !== undefined && y.days !== undefined) return numbersAgree({ ...x, value: x.days }, { ...y, value: y.days });
  return numbersAgree(x, y);
}

/** "Venezuelan" and "Venezuela": a demonym or adjective built on the same name. */
function sameNameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
}

function unitsOverlap(a: Unit, b: Unit): boolean {
  for (const x of a.number!.unitStems) {
    for (const y of b.number!.unitStems) {
      if (x === y) return true;
      const r = relation(x, y);
      if (r === 'synonym' || r === 'related') return true;
    }
  }
  return false;
}

/** A claim detail conflicts when the evidence holds a different value of the same kind in the same slot. */
function findConflict(ua: UnitAlignment, claim: Analysis, ev: Analysis, used: Set<number>, all: UnitAlignment[],
  sourceNames: boolean): Omit<Conflict, 'sourceId'> | undefined {
  const unit = ua.unit;
  if (unit.kind === 'word' && (ua.score >= 0.5 || !unit.superlative)) return undefined;
  // A number or name the evidence backs, even loosely, is in no conflict.
  if ((unit.kind === 'number' || unit.kind === 'name') && ua.score > 0) return undefined;
  const claimText = spanText(claim, unit);
  const candidates = ev.units.map((u, i) => ({ u, i })).filter(({ i }) => !used.has(i));
  const pick = (slot: Conflict['slot'], test: (u: Unit) => boolean, positional: boolean): Omit<Conflict, 'sourceId'> | undefined => {
    const slotRange = positional ? evidenceSlot(ua, all, ev) : undefined;
    const hit = candidates.find(({ u }) => test(u) && (!positional || (slotRange !== undefined && u.start >= slotRange[0] && u.end <= slotRange[1])));
    if (!hit) return undefined;
    if (slot !== 'name') return { slot, claim: claimText, source: spanText(ev, hit.u) };
    const sharedNames = new Set(all.filter((u) => u.unit.kind === 'name' && u.score >= RELATED_SCORE && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
    return { slot, claim: claimText, source: wholeNameText(ev, hit.i, sharedNames) };
  };
  switch (unit.kind) {
    case 'number': {
      return pick('number', (u) => u.kind === 'number' && amountsAgree(unit, u) === 'different' &&
        (unitsOverlap(unit, u) || unit.number!.share || (unit.number!.days !== undefined && u.number!.days !== undefined)), false) ??
        pick('number', (u) => u.kind === 'number' && amountsAgree(unit, u) === 'different', true);
    }
    case 'date':
      return pick('date', (u) => u.kind === 'date' && matchScore(unit, u) === 0, false);
    case 'year':
      return pick('date', (u) => u.kind === 'year' && u.key !== unit.key, true);
    case 'weekday':
      return pick('weekday', (u) => u.kind === 'weekday' && u.key !== unit.key, false);
    case 'time':
      return pick('time', (u) => u.kind === 'time' && u.key !== unit.key, false);
    case 'name':
      // A country the article never names, where the evidence names another: "Chile" for "Peru".
      // Preferably in the same slot; else only when the evidence names exactly one other country.
      if (unit.country) {
        if (sourceNames) return undefined;
        const isOtherCountry = (u: Unit) => u.country && u.key !== unit.key;
        const positional = pick('place', isOtherCountry, true);
        if (positional) return positional;
        // Word order may differ ("mediated by Sweden" / "Norway mediated"): a country beside the same matched word.
        const near = nearAnchors(ua, all, ev);
        const hit = candidates.find(({ u }) => isOtherCountry(u) && near.some(([from, to]) => u.start >= from && u.end <= to));
        return hit ? { slot: 'place', claim: claimText, source: spanText(ev, hit.u) } : undefined;
      }
      // A first name or title of a person whose surname matched ("Juan" of "Juan Guaido") is no slot of its own;
      // a title the sources give differently is a role conflict (roleConflict.ts).
      if (namesMatchedPerson(ua, all)) return undefined;
      return pick('name', (u) => u.kind === 'name' && !u.country, true);
    case 'word':
      if (unit.superlative) return pick('polarity', (u) => u.superlative, true);
      return undefined;
  }
}

/**
 * The whole multi-word name a name unit belongs to ("Miami Herald", not "Miami"), short of the names the claim has
 * too ("National Security Adviser", not "National Security Adviser John Bolton").
 */
function wholeNameText(analysis: Analysis, index: number, sharedNames: Set<number>): string {
  const isName = (k: number) => analysis.units[k]?.kind === 'name' && !sharedNames.has(k);
  let [first, last] = [index, index];
  while (isName(first - 1) && nameContinues(analysis, analysis.units[first - 1], analysis.units[first])) first--;
  while (isName(last + 1) && nameContinues(analysis, analysis.units[last], analysis.units[last + 1])) last++;
  return analysis.text.slice(analysis.tokens[analysis.units[first].start].start, analysis.tokens[analysis.units[last].end - 1].end);
}

function namesMatchedPerson(ua: UnitAlignment, all: UnitAlignment[]): boolean {
  for (let i = all.indexOf(ua) + 1; i < all.length && all[i].unit.kind === 'name' && all[i].unit.start === all[i - 1].unit.end; i++) {
    if (all[i].score >= RELATED_SCORE) return true;
  }
  return false;
}

/** Where in the evidence the claim's unit would sit: next to the evidence words its neighbours matched. */
function evidenceSlot(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): [number, number] | undefined {
  const index = all.indexOf(ua);
  const left = findAnchor(all, index, -1);
  const right = findAnchor(all, index, 1);
  if (left === undefined && right === undefined) return undefined;
  let from = left !== undefined ? ev.units[left].end : Math.max(0, ev.units[right!].start - SLOT_WINDOW);
  let to = right !== undefined ? ev.units[right].start : Math.min(ev.tokens.length, ev.units[left!].end + SLOT_WINDOW);
  // A slot never reaches into the neighbouring sentence of a two-sentence piece of evidence.
  if (left !== undefined) {
    for (let i = from; i < to; i++) if (ev.tokens[i].sentenceInitial) to = i;
  } else {
    for (let i = to; i > from; i--) if (ev.tokens[i]?.sentenceInitial) from = i;
  }
  if (to - from > SLOT_WINDOW + 2 || to <= from) return undefined;
  return [from, to];
}

/** Token ranges of the evidence within a few words, on either side, of the words the unit's claim neighbours matched. */
function nearAnchors(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): [number, number][] {
  const index = all.indexOf(ua);
  const ranges: [number, number][] = [];
  for (const step of [-1, 1] as const) {
    const anchor = findAnchor(all, index, step);
    if (anchor === undefined) continue;
    const unit = ev.units[anchor];
    ranges.push([Math.max(0, unit.start - SLOT_WINDOW), Math.min(ev.tokens.length, unit.end + SLOT_WINDOW)]);
  }
  return ranges;
}

/** The nearest backed claim unit on each side of `ua` (skipping a few unbacked ones), with its claim-side gap. */
function backedNeighbours(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): { unit: Unit; gap: number }[] {
  const index = all.indexOf(ua);
  const found: { unit: Unit; gap: number }[] = [];
  for (const step of [-1, 1] as const) {
    for (let k = index + step, seen = 0; k >= 0 && k < all.length && seen < ANTONYM_REACH; k += step, seen++) {
      const neighbour = all[k];
      if (neighbour.score < RELATED_SCORE || neighbour.evidenceUnit === undefined) continue;
      const gap = step < 0 ? ua.unit.start - neighbour.unit.end : neighbour.unit.start - ua.unit.end;
      found.push({ unit: ev.units[neighbour.evidenceUnit], gap });
      break;
    }
  }
  return found;
}

/** Token ranges of the evidence around what the claim word's neighbours matched. */
function closestBackedNeighbours(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): [number, number][] {
  return backedNeighbours(ua, all, ev).map(({ unit, gap }) => {
    // As far from the anchor as the claim word is from its neighbour, and a few words more.
    const reach = gap + SLOT_WINDOW + 1;
    return [Math.max(0, unit.start - reach), Math.min(ev.tokens.length, unit.end + reach)];
  });
}

function findAnchor(all: UnitAlignment[], index: number, step: -1 | 1): number | undefined {
  const neighbour = all[index + step];
  if (!neighbour || neighbour.score < 0.85 || neighbour.evidenceUnit === undefined) return undefined;
  const gap = step < 0 ? all[index].unit.start - neighbour.unit.end : neighbour.unit.start - all[index].unit.end;
  return gap <= 2 ? neighbour.evidenceUnit : undefined;
}

/** Reversed polarity: a "not" on one side only, or an antonym in place of the claim's word. */
function findPolarityConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis):
  { holder: UnitAlignment; antonym?: boolean; conflict: Omit<Conflict, 'sourceId'> } | undefined {
  for (const ua of units) {
    if (ua.score < 0.85 || ua.evidenceUnit === undefined || ua.unit.kind !== 'word' || ua.negatedAntonym) continue;
    const evUnit = ev.units[ua.evidenceUnit];
    const claimNegated = negatedBefore(claim, ua.unit.start);
    const evNegated = negatedBefore(ev, evUnit.start);
    if (claimNegated === evNegated) continue;
    // "not yet negotiations" against "did not yet amount to negotiations", "no longer holds power" against "no longer
    // in power": a negation a few words back reaches over a verb.
    const reachingNegation = claimNegated ? negationWithin(ev, evUnit.start, NEGATION_REACH) : negationWithin(claim, ua.unit.start, NEGATION_REACH);
    if (!reachingNegation && negatedBefore(ev, nearestOccurrence(ua, units, ev).start) !== claimNegated) {
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
  // An antonym in the evidence outweighs a loose (hypernym) match elsewhere: "publicized" against "secrecy"; and a
  // synonym found elsewhere in the passage does not hide an antonym in the word's own place: "accepted" against
  // "declined an invitation", though the passage "recognizes" something further on.
  for (const ua of units) {
    if (ua.score >= 1 || ua.unit.kind !== 'word' || ua.negatedAntonym) continue;
    const evUnit = antonymInPlace(ua, units, claim, ev);
    if (evUnit && negatedBefore(claim, ua.unit.start) === negatedBefore(ev, evUnit.start)) {
      return { holder: ua, antonym: true, conflict: { slot: 'polarity', claim: spanText(claim, ua.unit), source: spanText(ev, evUnit) } };
    }
  }
  return undefined;
}

/** "did not accept" is backed by "declined": a negated word meets its opposite as a paraphrase, not a conflict. */
function readNegatedAntonyms(units: UnitAlignment[], claim: Analysis, ev: Analysis): void {
  for (const ua of units) {
    if (ua.score >= 1 || ua.unit.kind !== 'word' || ua.conflict) continue;
    const evUnit = antonymInPlace(ua, units, claim, ev);
    if (!evUnit || negatedBefore(claim, ua.unit.start) === negatedBefore(ev, evUnit.start)) continue;
    Object.assign(ua, { score: RELATED_SCORE, evidenceUnit: ev.units.indexOf(evUnit), negatedAntonym: true });
  }
}

/**
 * An antonym of the claim word beside what the claim word's neighbours matched, unless the word's own match (a
 * synonym) stands there too. An antonym elsewhere in the passage ("near" in one clause, "far" in another) is about
 * something else.
 */
function antonymInPlace(ua: UnitAlignment, units: UnitAlignment[], claim: Analysis, ev: Analysis): Unit | undefined {
  const relations = relationsOf(ua.unit.lex);
  if (!relations) return undefined;
  let near: [number, number][] | undefined;
  const inPlace = (u: Unit) => (near ??= closestBackedNeighbours(ua, units, ev)).some(([from, to]) => u.start >= from && u.end <= to);
  for (const evUnit of ev.units) {
    if (evUnit.kind !== 'word' || relations.get(evUnit.lex) !== 'antonym' || !inPlace(evUnit)) continue;
    if (ua.score >= RELATED_SCORE && ua.evidenceUnit !== undefined && inPlace(ev.units[ua.evidenceUnit])) return undefined;
    return evUnit;
  }
  return undefined;
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

/** A negation among the few tokens before `tokenIndex`, in the same sentence. */
function negationWithin(analysis: Analysis, tokenIndex: number, window: number): boolean {
  for (let i = tokenIndex - 1; i >= 0 && i >= tokenIndex - window; i--) {
    if (analysis.tokens[i].negation) return true;
    if (analysis.tokens[i].sentenceInitial) return false;
  }
  return false;
}

/** A negation negates the first content word after it: "do not recognize", "not to send". */
function negatedBefore(analysis: Analysis, tokenIndex: number): boolean {
  for (let i = tokenIndex - 1; i >= 0 && i >= tokenIndex - NEGATION_WINDOW - 2; i--) {
    const token = analysis.tokens[i];
    if (token.negation) return true;
    if (!token.stop) return false;
  }
  return false;
}

function phraseAround(analysis: Analysis, unit: Unit, negated: boolean): string {
  let start = unit.start;
  if (negated) while (start > 0 && !analysis.tokens[start].negation) start--;
  return analysis.text.slice(analysis.tokens[start].start, analysis.tokens[unit.end - 1].end);
}

export function spanText(analysis: Analysis, unit: Unit): string {
  return analysis.text.slice(analysis.tokens[unit.start].start, analysis.tokens[unit.end - 1].end);
}
