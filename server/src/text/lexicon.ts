// Word relations derived from WordNet 3.1 at build time (scripts/build-lexicon.ts → server/data/lexicon.json).
// Every argument and result is a stem: `stemWord(foldWord(word))`, the same key the tokenizer gives each token.
//
// Read at a start, so kept cheap to open: the pair lists become adjacency rows in a few typed arrays (one pass over
// them, no map or set per pair), and what a caller asks of one stem (its relations, antonyms, synonyms) is built
// from its rows when first asked. Measured: building maps of every pair took 0.1-0.3 s of each start.

export type Relation = 'same' | 'synonym' | 'related' | 'hypernym' | 'antonym' | 'none';

/** The shape of server/data/lexicon.json (written by scripts/build-lexicon.ts). */
export interface LexiconData {
  stems: string[];
  antonym: number[];
  synonym: number[];
  related: number[];
  hypernym: number[];
  phrases: (string | number)[];
  /** Opposed frames of the reviewed supplement: pairs of phrases, each the stems of its words joined by a space. */
  frames: string[][];
}

// Relations by strength; the build gives each pair exactly one.
const RELATIONS = ['none', 'hypernym', 'related', 'synonym', 'antonym'] as const;
type Kept = Exclude<Relation, 'same' | 'none'>;

/** Pair lists as rows: the stems paired with stem `a` are `others[starts[a]]` up to `others[starts[a + 1]]`, in list order. */
interface Rows {
  starts: Uint32Array;
  others: Int32Array;
  /** Per entry of `others`: the index in RELATIONS of the list it came from. */
  kinds: Uint8Array;
}

let lexiconData: LexiconData | undefined;

/** The data, read when first needed: a start that checks nothing (`--help`, `--version`) does not parse 1.2 MB. */
function data(): LexiconData {
  lexiconData ??= require('../../data/lexicon.json') as LexiconData;
  return lexiconData;
}

/** The rows of flat pair lists [a0, b0, a1, b1, …], each pair in both rows, in the order of `lists`, then of each list. */
function rowsOf(lists: readonly (readonly [ArrayLike<number>, number])[], size: number): Rows {
  const starts = new Uint32Array(size + 1);
  for (const [list] of lists) for (let i = 0; i < list.length; i++) starts[list[i] + 1]++;
  for (let a = 0; a < size; a++) starts[a + 1] += starts[a];
  const next = starts.slice(0, size);
  const others = new Int32Array(starts[size]);
  const kinds = new Uint8Array(starts[size]);
  for (const [list, kind] of lists) {
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i];
      const b = list[i + 1];
      others[next[a]] = b;
      kinds[next[a]++] = kind;
      others[next[b]] = a;
      kinds[next[b]++] = kind;
    }
  }
  return { starts, others, kinds };
}

let ids: Map<string, number> | undefined;
let relationRows: Rows | undefined;

function idOf(stem: string): number | undefined {
  if (!ids) {
    const { stems } = data();
    ids = new Map();
    for (let i = 0; i < stems.length; i++) ids.set(stems[i], i);
  }
  return ids.get(stem);
}

/** Every kept relation of every stem, weakest list first. */
function relations(): Rows {
  relationRows ??= rowsOf(RELATIONS.slice(1).map((name, r) => [data()[name as Kept], r + 1] as const), lexiconSize());
  return relationRows;
}

/** The relation of two stems by id (their strongest, if a pair ever came twice), 0 ('none') when unrelated. */
function relationIndex(a: number, b: number): number {
  const { starts, others, kinds } = relations();
  let strongest = 0;
  for (let k = starts[a]; k < starts[a + 1]; k++) if (others[k] === b && kinds[k] > strongest) strongest = kinds[k];
  return strongest;
}

/** The lexicon's number for a stem (-1 when WordNet lacks it), so hot loops can compare numbers, not strings. */
export function lexiconId(stem: string): number {
  return idOf(stem) ?? -1;
}

let verbs: Uint8Array | undefined;

/**
 * Whether WordNet has the stem as a verb (the build keeps hypernyms for verbs only, so a stem with one is a verb):
 * "can be a verb", not "is one here" — "station" and "police" are verbs too.
 */
export function canBeVerb(stem: string): boolean {
  if (!verbs) {
    verbs = new Uint8Array(lexiconSize());
    for (const id of data().hypernym) verbs[id] = 1;
  }
  const id = idOf(stem);
  return id !== undefined && verbs[id] === 1;
}

// Per stem id, built when first asked (undefined: not yet; null: none).
let relationMaps: (Map<number, Relation> | null | undefined)[] | undefined;

/** Every stem related to one stem, by lexicon id: a small map a hot loop can probe many times. */
export function relationsOf(id: number): ReadonlyMap<number, Relation> | undefined {
  if (id < 0) return undefined;
  relationMaps ??= new Array<Map<number, Relation> | null | undefined>(lexiconSize()).fill(undefined);
  let map = relationMaps[id];
  if (map === undefined) {
    const { starts, others, kinds } = relations();
    map = null;
    // A row runs weakest list first, so a pair met twice ends with its stronger relation (as relationIndex reads it).
    for (let k = starts[id]; k < starts[id + 1]; k++) (map ??= new Map()).set(others[k], RELATIONS[kinds[k]]);
    relationMaps[id] = map;
  }
  return map ?? undefined;
}

// By lexicon id, in arrays rather than maps: asked for every claim word against every piece of evidence.
let antonymRows: Rows | undefined;
let antonymSets: (ReadonlySet<number> | null | undefined)[] | undefined;
let antonymLists: (readonly number[] | undefined)[] | undefined;

/** The antonyms of a stem, by lexicon id; undefined when it has none (most words), so a caller can skip at once. */
export function antonymsOf(id: number): ReadonlySet<number> | undefined {
  if (id < 0) return undefined;
  antonymSets ??= new Array<ReadonlySet<number> | null | undefined>(lexiconSize()).fill(undefined);
  let set = antonymSets[id];
  if (set === undefined) {
    antonymRows ??= rowsOf([[data().antonym, 0]], lexiconSize());
    const { starts, others } = antonymRows;
    set = starts[id] === starts[id + 1] ? null : new Set(others.subarray(starts[id], starts[id + 1]));
    antonymSets[id] = set;
  }
  return set ?? undefined;
}

/** antonymsOf as a list, in the same order, for a caller that walks them. */
export function antonymListOf(id: number): readonly number[] | undefined {
  if (id < 0) return undefined;
  antonymLists ??= new Array<readonly number[] | undefined>(lexiconSize()).fill(undefined);
  const set = antonymsOf(id);
  return set && (antonymLists[id] ??= [...set]);
}

/** How two stems relate in WordNet; symmetric. 'same' when equal, 'none' when WordNet links them in no kept way. */
export function relation(stemA: string, stemB: string): Relation {
  if (stemA === stemB) return 'same';
  const a = idOf(stemA);
  const b = idOf(stemB);
  if (a === undefined || b === undefined) return 'none';
  return RELATIONS[relationIndex(a, b)];
}

export function areAntonyms(stemA: string, stemB: string): boolean {
  return relation(stemA, stemB) === 'antonym';
}

let synonymRows: Rows | undefined;
let synonymLists: (readonly string[] | undefined)[] | undefined;
const NONE: readonly string[] = [];

/** Stems sharing a frequent sense with `stem` (for query expansion), sorted; empty when none. */
export function synonymsOf(stem: string): readonly string[] {
  const id = idOf(stem);
  if (id === undefined) return NONE;
  synonymLists ??= new Array<readonly string[] | undefined>(lexiconSize()).fill(undefined);
  let list = synonymLists[id];
  if (list === undefined) {
    synonymRows ??= rowsOf([[data().synonym, 0]], lexiconSize());
    const { starts, others } = synonymRows;
    const { stems } = data();
    // A phrase's stem ("step down") is no search term: the index holds single words.
    const words = stem.includes(' ') ? [] : [...others.subarray(starts[id], starts[id + 1])].map((other) => stems[other]).filter((other) => !other.includes(' '));
    list = words.length === 0 ? NONE : words.sort();
    synonymLists[id] = list;
  }
  return list;
}

let synonymIdLists: (readonly number[] | undefined)[] | undefined;
const NO_IDS: readonly number[] = [];

/** synonymsOf by lexicon id: the same stems in the same order, as ids (a caller can mark them in an array). */
export function synonymIdsOf(id: number): readonly number[] {
  if (id < 0) return NO_IDS;
  synonymIdLists ??= new Array<readonly number[] | undefined>(lexiconSize()).fill(undefined);
  return (synonymIdLists[id] ??= synonymsOf(data().stems[id]).map(lexiconId));
}

/** The stem a lexicon id stands for. */
export function lexiconStem(id: number): string {
  return data().stems[id];
}

/** How many stems the lexicon numbers: every id is below this. */
export function lexiconSize(): number {
  return data().stems.length;
}

let phrases: ReadonlyMap<string, string> | undefined;

/**
 * Multi-word expressions → their own stem in the lexicon ("step down" → "step down"), a synonym of the words of its
 * common senses ("quit", "resign"). Keys are folded words joined by one space.
 */
let phraseFirstWords: ReadonlySet<string> | undefined;

/** The first words of the multi-word expressions, to rule most words out before building a phrase. */
export function phraseStarts(): ReadonlySet<string> {
  if (!phraseFirstWords) phraseFirstWords = new Set([...phraseSynonyms().keys()].map((phrase) => phrase.split(' ')[0]));
  return phraseFirstWords;
}

export function phraseSynonyms(): ReadonlyMap<string, string> {
  if (!phrases) {
    const { stems, phrases: list } = data();
    const map = new Map<string, string>();
    for (let i = 0; i < list.length; i += 2) map.set(list[i] as string, stems[list[i + 1] as number]);
    phrases = map;
  }
  return phrases;
}

let frames: readonly (readonly [string[], string[]])[] | undefined;

/** The opposed frames ("agree to" against "rule out"), each pair both ways round, each side as its words' stems. */
export function opposedFrames(): readonly (readonly [string[], string[]])[] {
  if (!frames) {
    const pairs = data().frames.map(([a, b]) => [a!.split(' '), b!.split(' ')] as const);
    frames = pairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]);
  }
  return frames;
}
