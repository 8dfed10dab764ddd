// Word relations derived from WordNet 3.1 at build time (scripts/build-lexicon.ts → server/data/lexicon.json).
// Every argument and result is a stem: `stemWord(foldWord(word))`, the same key the tokenizer gives each token.
import lexiconData from '../../data/lexicon.json';

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

interface Lexicon {
  ids: Map<string, number>;
  /** min(id) * stems.length + max(id) → index in RELATIONS. */
  pairs: Map<number, number>;
  size: number;
}

let lexicon: Lexicon | undefined;
let synonymLists: Map<string, string[]> | undefined;
const NONE: readonly string[] = [];
let phrases: ReadonlyMap<string, string> | undefined;

function data(): LexiconData {
  return lexiconData as LexiconData;
}

function load(): Lexicon {
  if (lexicon) return lexicon;
  const { stems } = data();
  const size = stems.length;
  const ids = new Map<string, number>();
  for (let i = 0; i < size; i++) ids.set(stems[i], i);
  const pairs = new Map<number, number>();
  // Weakest first, so that if a pair ever came twice the stronger relation would win.
  for (let r = 1; r < RELATIONS.length; r++) {
    const list = data()[RELATIONS[r] as Exclude<Relation, 'same' | 'none'>];
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i];
      const b = list[i + 1];
      pairs.set(a < b ? a * size + b : b * size + a, r);
    }
  }
  lexicon = { ids, pairs, size };
  return lexicon;
}

/** The lexicon's number for a stem (-1 when WordNet lacks it), so hot loops can compare numbers, not strings. */
export function lexiconId(stem: string): number {
  return load().ids.get(stem) ?? -1;
}

let verbIds: ReadonlySet<number> | undefined;

/**
 * Whether WordNet has the stem as a verb (the build keeps hypernyms for verbs only, so a stem with one is a verb):
 * "can be a verb", not "is one here" — "station" and "police" are verbs too.
 */
export function canBeVerb(stem: string): boolean {
  verbIds ??= new Set(data().hypernym);
  return verbIds.has(lexiconId(stem));
}

let adjacency: Map<number, Map<number, Relation>> | undefined;

/** Every stem related to one stem, by lexicon id: a small map a hot loop can probe many times. */
export function relationsOf(id: number): ReadonlyMap<number, Relation> | undefined {
  if (id < 0) return undefined;
  if (!adjacency) {
    adjacency = new Map();
    const { size, pairs } = load();
    for (const [key, r] of pairs) {
      const a = Math.floor(key / size);
      const b = key - a * size;
      for (const [x, y] of [[a, b], [b, a]]) {
        let map = adjacency.get(x);
        if (!map) adjacency.set(x, (map = new Map()));
        map.set(y, RELATIONS[r]);
      }
    }
  }
  return adjacency.get(id);
}

// By lexicon id, in arrays rather than maps: asked for every claim word against every piece of evidence.
let antonymSets: (ReadonlySet<number> | undefined)[] | undefined;
let antonymLists: (readonly number[] | undefined)[] | undefined;

function buildAntonyms(): void {
  // Filled to its length first: an array written at scattered ids would fall back to a slow dictionary.
  const sets = new Array<Set<number> | undefined>(load().size).fill(undefined);
  const list = data().antonym;
  for (let i = 0; i < list.length; i += 2) {
    for (const [x, y] of [[list[i], list[i + 1]], [list[i + 1], list[i]]]) (sets[x] ??= new Set()).add(y);
  }
  antonymSets = sets;
  antonymLists = sets.map((set) => set && [...set]);
}

/** The antonyms of a stem, by lexicon id; undefined when it has none (most words), so a caller can skip at once. */
export function antonymsOf(id: number): ReadonlySet<number> | undefined {
  if (id < 0) return undefined;
  if (!antonymSets) buildAntonyms();
  return antonymSets![id];
}

/** antonymsOf as a list, in the same order, for a caller that walks them. */
export function antonymListOf(id: number): readonly number[] | undefined {
  if (id < 0) return undefined;
  if (!antonymLists) buildAntonyms();
  return antonymLists![id];
}

/** How two stems relate in WordNet; symmetric. 'same' when equal, 'none' when WordNet links them in no kept way. */
export function relation(stemA: string, stemB: string): Relation {
  if (stemA === stemB) return 'same';
  const { ids, pairs, size } = load();
  const a = ids.get(stemA);
  const b = ids.get(stemB);
  if (a === undefined || b === undefined) return 'none';
  return RELATIONS[pairs.get(a < b ? a * size + b : b * size + a) ?? 0];
}

export function areAntonyms(stemA: string, stemB: string): boolean {
  return relation(stemA, stemB) === 'antonym';
}

/** Stems sharing a frequent sense with `stem` (for query expansion), sorted; empty when none. */
export function synonymsOf(stem: string): readonly string[] {
  if (!synonymLists) {
    const { stems, synonym } = data();
    synonymLists = new Map();
    const add = (a: string, b: string) => {
      const list = synonymLists!.get(a);
      if (list) list.push(b);
      else synonymLists!.set(a, [b]);
    };
    for (let i = 0; i < synonym.length; i += 2) {
      // A phrase's stem ("step down") is no search term: the index holds single words.
      if (stems[synonym[i]].includes(' ') || stems[synonym[i + 1]].includes(' ')) continue;
      add(stems[synonym[i]], stems[synonym[i + 1]]);
      add(stems[synonym[i + 1]], stems[synonym[i]]);
    }
    for (const list of synonymLists.values()) list.sort();
  }
  return synonymLists.get(stem) ?? NONE;
}

let synonymIdLists: (readonly number[] | undefined)[] | undefined;
const NO_IDS: readonly number[] = [];

/** synonymsOf by lexicon id: the same stems in the same order, as ids (a caller can mark them in an array). */
export function synonymIdsOf(id: number): readonly number[] {
  if (id < 0) return NO_IDS;
  synonymIdLists ??= new Array<readonly number[] | undefined>(load().size).fill(undefined);
  return (synonymIdLists[id] ??= synonymsOf(data().stems[id]).map(lexiconId));
}

/** The stem a lexicon id stands for. */
export function lexiconStem(id: number): string {
  return data().stems[id];
}

/** How many stems the lexicon numbers: every id is below this. */
export function lexiconSize(): number {
  return load().size;
}

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
