// How well one claim unit matches a piece of evidence: the same word, a synonym, a related form, a hypernym, a
// name's family; numbers and dates by value.
import type { Analysis, Unit } from '../text/analyze';
import { relationsOf } from '../text/lexicon';
import { placeBacks } from '../text/places';
import { dateScore } from './conflicts/dates';
import { sameNameFamily } from './conflicts/names';
import { numberScore } from './conflicts/numbers';
import { SCORES } from './thresholds';

export interface Match {
  score: number;
  /** Index of the evidence unit it matched. */
  index?: number;
}

/** The best match of a claim unit among the evidence's units: its score and the evidence unit's index. */
export function bestMatch(unit: Unit, ev: Analysis): Match {
  const view = viewOf(ev);
  return exactMatch(unit, ev, view) ?? scan(unit, ev, view);
}

/**
 * The same as bestMatch, remembered for the evidence one claim is aligned with. A pair of sentences read together
 * matches a claim word exactly as its better half does (the first, on a tie), so a pair reuses the scans of the
 * single sentences it joins: most of them were already aligned as candidates on their own.
 */
export class MatchMemo {
  private readonly scans = new Map<Analysis, EvidenceScans>();
  // align asks for every claim unit against one piece of evidence in a row: the last evidence's entry is kept at hand
  // rather than looked up again per unit.
  private last: EvidenceScans | undefined;

  constructor(private readonly claim: Analysis) {}

  /** The best match of the claim's unit `at` in `ev`, read from `parts` when `ev` joins them (joinAnalyses). */
  bestMatch(at: number, ev: Analysis, parts?: readonly Analysis[]): Match {
    const unit = this.claim.units[at];
    const exact = exactMatch(unit, ev, this.scansOf(ev).view);
    if (exact) return exact;
    if (!parts) return this.scan(at, ev);
    // The scan of the joined text is the scan of its first part, then of the next while nothing matched fully.
    let best = 0;
    let bestIndex: number | undefined;
    let offset = 0;
    for (const part of parts) {
      if (best >= 1) break;
      const match = this.scan(at, part);
      if (match.score > best) [best, bestIndex] = [match.score, match.index! + offset];
      offset += part.units.length;
    }
    return { score: best, index: bestIndex };
  }

  private scansOf(ev: Analysis): EvidenceScans {
    if (this.last?.ev === ev) return this.last;
    let scans = this.scans.get(ev);
    if (!scans) this.scans.set(ev, (scans = { ev, view: viewOf(ev), found: [] }));
    return (this.last = scans);
  }

  private scan(at: number, ev: Analysis): Match {
    const scans = this.scansOf(ev);
    return (scans.found[at] ??= scan(this.claim.units[at], ev, scans.view));
  }
}

/** One piece of evidence's scans for the claim units, by unit index, with its view. */
interface EvidenceScans {
  ev: Analysis;
  view: EvidenceView;
  found: (Match | undefined)[];
}

/** The same word or name in the evidence: its first unit with the claim unit's key, if that is a word or a name. */
function exactMatch(unit: Unit, ev: Analysis, view: EvidenceView): Match | undefined {
  if (unit.kind !== 'word' && unit.kind !== 'name') return undefined;
  const exact = view.keys.get(unit.key);
  if (exact !== undefined && (ev.units[exact].kind === 'word' || ev.units[exact].kind === 'name')) return { score: 1, index: exact };
  return undefined;
}

/** The best match short of the exact one: by relation for words and names, by value for the other details. */
function scan(unit: Unit, ev: Analysis, view: EvidenceView): Match {
  let best = 0;
  let bestIndex: number | undefined;
  if (unit.kind === 'word' || unit.kind === 'name') {
    // The hot loop of the checker: the claim word's relations are looked up once, not per evidence word, and only
    // the evidence's words and names are visited, read from the view's arrays.
    const relations = relationScores(unit.lex);
    const { words, lexes, special, keyLengths } = view;
    const isName = unit.kind === 'name';
    if (unit.phrase === undefined) {
      // The common case, a claim word or name that starts no phrase: the evidence unit itself is read only when it
      // may add to the relation score, as a phrase, a name or (for a claim name) a key long enough to share a family.
      const length = unit.key.length;
      for (let w = 0; w < words.length && best < 1; w++) {
        let score = relations ? scoreIn(relations, lexes[w]) : 0;
        // A name is not backed by a word it merely falls under ("Central" of a university's name under "change").
        if (isName && score === SCORES.hypernym) score = 0;
        if (special[w] !== 0 || (isName && mayShareFamily(length, keyLengths[w]))) score = withOtherPhraseOrName(unit, ev.units[words[w]], score, isName);
        if (score > best) [best, bestIndex] = [score, words[w]];
      }
      // The later word of a phrase ("place" of "took place") is backed wherever its phrase is ("happened").
      if (unit.partOf?.phrase && best < SCORES.synonym) {
        const viaPhrase = phraseScan(unit.partOf.phrase, ev, view);
        if (viaPhrase.score > best) return viaPhrase;
      }
      return { score: best, index: bestIndex };
    }
    const phraseRelations = relationScores(unit.phrase.lex);
    for (let w = 0; w < words.length && best < 1; w++) {
      const i = words[w];
      const other = ev.units[i];
      let score = relations ? scoreIn(relations, lexes[w]) : 0;
      if (isName && score === SCORES.hypernym) score = 0;
      score = Math.max(score, phraseScore(unit.phrase, phraseRelations, other));
      score = withOtherPhraseOrName(unit, other, score, isName);
      if (score > best) [best, bestIndex] = [score, i];
    }
    return { score: best, index: bestIndex };
  }
  for (let i = 0; i < ev.units.length && best < 1; i++) {
    const score = detailScore(unit, ev.units[i]);
    if (score > best) [best, bestIndex] = [score, i];
  }
  return { score: best, index: bestIndex };
}

/**
 * How well an evidence word backs a claim phrase's one-word synonym: the same stem, a relation of it, or an evidence
 * phrase with the same synonym ("called off" for "put off" only through a shared sense).
 */
function phraseScore(phrase: NonNullable<Unit['phrase']>, relations: ScoreTable | undefined, other: Unit): number {
  if (phrase.key === other.key || phrase.key === other.phrase?.key) return SCORES.synonym;
  if (!relations) return 0;
  return Math.max(scoreIn(relations, other.lex), other.phrase ? scoreIn(relations, other.phrase.lex) : 0);
}

/** The best evidence word for a claim phrase alone, for the phrase's later words. */
function phraseScan(phrase: NonNullable<Unit['phrase']>, ev: Analysis, view: EvidenceView): Match {
  const relations = relationScores(phrase.lex);
  let best = 0;
  let bestIndex: number | undefined;
  for (let w = 0; w < view.words.length && best < SCORES.synonym; w++) {
    const score = phraseScore(phrase, relations, ev.units[view.words[w]]);
    if (score > best) [best, bestIndex] = [score, view.words[w]];
  }
  return { score: best, index: bestIndex };
}

/** Whether keys of these lengths can be of one name family (sameNameFamily's own test of lengths). */
function mayShareFamily(a: number, b: number): boolean {
  return a >= 5 && b >= 5 && Math.abs(a - b) <= 3;
}

/**
 * The score raised by the evidence word's phrase ("step down" for "resign"), by a name of the same family, or by a
 * place within the claim's ("London" for "U.K.").
 */
function withOtherPhraseOrName(unit: Unit, other: Unit, score: number, isName: boolean): number {
  if (other.phrase) score = Math.max(score, other.phrase.key === unit.key ? SCORES.synonym : lexicalScore(unit.lex, other.phrase.lex));
  if (score < SCORES.related && (isName || other.kind === 'name') && (sameNameFamily(unit.key, other.key) || placeBacks(unit.key, other.key))) {
    score = SCORES.related;
  }
  return score;
}

/**
 * A stem's relations as match scores, in an open-addressing table of lexicon ids: most evidence words are unrelated
 * to a claim word, and at most a quarter of the slots are taken, so one probe of a typed array mostly rules a word out.
 */
interface ScoreTable {
  /** Lexicon ids by slot; -1 marks an empty slot. */
  ids: Int32Array;
  scores: Float64Array;
  /** 32 minus log2 of the slot count: the hash's top bits pick the slot. */
  shift: number;
}

const scoreTables = new Map<number, ScoreTable | null>();

function slotOf(lex: number, shift: number): number {
  return Math.imul(lex, 0x9e3779b1) >>> shift;
}

/** The score of another stem's relation in the table; 0 when unrelated. */
function scoreIn(table: ScoreTable, lex: number): number {
  // A stem WordNet lacks (most names) relates to nothing.
  if (lex < 0) return 0;
  const { ids } = table;
  const mask = ids.length - 1;
  for (let slot = slotOf(lex, table.shift); ; slot = (slot + 1) & mask) {
    const id = ids[slot];
    if (id === lex) return table.scores[slot];
    if (id === -1) return 0;
  }
}

/** A stem's relations as match scores (built once per stem); undefined when WordNet relates it to nothing. */
function relationScores(lex: number): ScoreTable | undefined {
  if (lex < 0) return undefined;
  let table = scoreTables.get(lex);
  if (table === undefined) {
    const relations = relationsOf(lex);
    table = null;
    if (relations) {
      let bits = 4;
      while (1 << bits < relations.size * 4) bits++;
      table = { ids: new Int32Array(1 << bits).fill(-1), scores: new Float64Array(1 << bits), shift: 32 - bits };
      const mask = table.ids.length - 1;
      for (const [other, relation] of relations) {
        const score = scoreOf(relation);
        if (score === 0) continue;
        let slot = slotOf(other, table.shift);
        while (table.ids[slot] !== -1 && table.ids[slot] !== other) slot = (slot + 1) & mask;
        table.ids[slot] = other;
        table.scores[slot] = score;
      }
    }
    scoreTables.set(lex, table);
  }
  return table ?? undefined;
}

function scoreOf(relation: string | undefined): number {
  switch (relation) {
    case 'synonym': return SCORES.synonym;
    case 'related': return SCORES.related;
    case 'hypernym': return SCORES.hypernym;
    default: return 0;
  }
}

function lexicalScore(a: number, b: number): number {
  const table = relationScores(a);
  return table ? scoreIn(table, b) : 0;
}

/** Match of two details other than words and names (bestMatch handles those). */
function detailScore(a: Unit, b: Unit): number {
  // A date that states its year ("in August 1941") states the year ("in 1941").
  if (a.kind === 'year' && b.kind === 'date') return b.date!.year !== undefined && b.date!.year === a.date!.year ? 1 : 0;
  if (a.kind !== b.kind) return 0;
  switch (a.kind) {
    case 'number': return quarterAgainstOther(a, b) || quarterAgainstOther(b, a) ? 0 : numberScore(a, b);
    case 'date': return dateScore(a, b);
    default: return a.key === b.key ? 1 : 0;
  }
}

/** A quarter ("Q3", "the third quarter") against an amount that is no ordinal or counts another unit ("three years"). */
function quarterAgainstOther(a: Unit, b: Unit): boolean {
  const [x, y] = [a.number!, b.number!];
  if (!x.ordinal || x.unitStems[0] !== QUARTER_STEM) return false;
  return !y.ordinal || (y.unitStems.length > 0 && !y.unitStems.includes(QUARTER_STEM));
}
const QUARTER_STEM = 'quarter';

export interface EvidenceView {
  /** First unit of each key. */
  keys: Map<string, number>;
  /** Indexes of the word and name units, the only ones a word or name can match. */
  words: number[];
  /** Beside `words`: each one's lexicon id. */
  lexes: Int32Array;
  /** Beside `words`: 1 for a name or a word that starts a phrase (matching reads more of those), else 0. */
  special: Uint8Array;
  /** Beside `words`: the length of each one's key. */
  keyLengths: Int32Array;
  /** The lexicon ids of the word units (not names). */
  wordLexes: Set<number>;
  /** Every word or name unit of each key the evidence has more than once, in order (occurrence.ts picks one). */
  repeated: Map<string, number[]>;
}

const views = new WeakMap<Analysis, EvidenceView>();
const NO_REPEATS: Map<string, number[]> = new Map();

/** The word and name units of each key that more than one of them has (most sentences have none). */
function repeatedKeys(analysis: Analysis, words: number[]): Map<string, number[]> {
  const occurrences = new Map<string, number[]>();
  for (const i of words) {
    const key = analysis.units[i].key;
    const seen = occurrences.get(key);
    if (seen) seen.push(i);
    else occurrences.set(key, [i]);
  }
  for (const [key, at] of occurrences) if (at.length < 2) occurrences.delete(key);
  return occurrences;
}

/** What matching reads of an analysis, built once per (cached) evidence analysis. */
export function viewOf(analysis: Analysis): EvidenceView {
  let view = views.get(analysis);
  if (!view) {
    const keys = new Map<string, number>();
    const words: number[] = [];
    const wordLexes = new Set<number>();
    let repeats = false;
    for (let i = 0; i < analysis.units.length; i++) {
      const unit = analysis.units[i];
      if (!keys.has(unit.key)) keys.set(unit.key, i);
      else repeats = true;
      if (unit.kind === 'word' || unit.kind === 'name') words.push(i);
      if (unit.kind === 'word') wordLexes.add(unit.lex);
    }
    const repeated = repeats ? repeatedKeys(analysis, words) : NO_REPEATS;
    const lexes = new Int32Array(words.length);
    const special = new Uint8Array(words.length);
    const keyLengths = new Int32Array(words.length);
    for (let w = 0; w < words.length; w++) {
      const unit = analysis.units[words[w]];
      lexes[w] = unit.lex;
      special[w] = unit.kind === 'name' || unit.phrase ? 1 : 0;
      keyLengths[w] = unit.key.length;
    }
    view = { keys, words, lexes, special, keyLengths, wordLexes, repeated };
    views.set(analysis, view);
  }
  return view;
}
