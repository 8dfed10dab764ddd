// Mines candidate paraphrase pairs from the development data, for a person to review into
// server/data/paraphrases-supplement.txt (never shipped raw). For each supported claim of the fitting splits only
// (SummEdits' other domains, all of them; SummEdits news `evaluation`; FRANK `valid`), a claim word its best evidence
// does not back is paired with the evidence's unmatched words between the same two backed neighbours. A pair is listed
// when it recurs in at least two claims and WordNet links its words at least loosely (any sense: one synset, one
// pointer other than an antonym, or one hypernym shared). The `test` splits and the blind fixtures are never read.
//
//   node --import tsx scripts/mine-paraphrases.ts [--min 2] > candidates.tsv
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassageIndex } from '../server/src/index/passageIndex';
import { sourceFromText } from '../server/src/sources/loadSources';
import { assessSentence, claimSentences } from '../server/src/verify/assess';
import { THRESHOLDS } from '../server/src/verify/thresholds';
import { defaultDictDir, parseData, parseIndex, singleStem, POS_FILES, type IndexEntry, type Pos, type Synset } from './build-lexicon';

const here = path.dirname(fileURLToPath(import.meta.url));
const external = path.join(here, '..', '..', 'shared', 'eval', 'external');
/** At most this many unbacked evidence words between two backed neighbours are paired with a claim word. */
const GAP = 4;

interface Row { claim: string; source: string; label: string; split?: string; dataset?: string }

function rows(file: string, keep: (r: Row) => boolean): Row[] {
  return readFileSync(path.join(external, file), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row).filter((r) => r.label === 'supported' && keep(r));
}

// SummEdits' other domains may all be fitted on (their `test` split is no held-out figure of ours); news and FRANK
// only in their fitting splits.
const data = [
  ...rows('summedits_other.jsonl', () => true),
  ...rows('summedits_news.jsonl', (r) => r.split === 'evaluation'),
  ...rows('frank.jsonl', (r) => r.split === 'valid'),
];

// ---- Candidate pairs: claim stem → evidence stem, counted once per claim sentence.
const counts = new Map<string, { n: number; words: Set<string>; example: string }>();
const read = new Set<string>();
for (const row of data) {
  const index = new PassageIndex([sourceFromText('article', row.source)]);
  for (const sentence of claimSentences(row.claim)) {
    // An edit's unchanged sentences come again in every edit of the same summary: each counts once.
    if (read.has(sentence + row.source)) continue;
    read.add(sentence + row.source);
    const a = assessSentence(sentence, index);
    const best = a.support ?? a.alignments[0];
    if (!best) continue;
    const ev = best.evidence.analysis;
    const used = new Set(best.units.filter((u) => u.score >= THRESHOLDS.backed && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
    const seen = new Set<string>();
    for (let i = 0; i < best.units.length; i++) {
      const u = best.units[i];
      if (u.unit.kind !== 'word' || u.score >= THRESHOLDS.backed) continue;
      const anchor = (step: number): number | undefined => {
        for (let k = i + step; k >= 0 && k < best.units.length; k += step) {
          const x = best.units[k];
          if (x.score >= THRESHOLDS.backed && x.evidenceUnit !== undefined) return x.evidenceUnit;
        }
        return undefined;
      };
      const before = anchor(-1) ?? -1;
      const after = anchor(1) ?? ev.units.length;
      let between = [];
      for (let e = before + 1; e < after; e++) if (ev.units[e].kind === 'word' && !used.has(e)) between.push(e);
      if (between.length > GAP) between = [];
      // Anywhere in the sentence too (a restatement may reorder the words), for pairs WordNet links closely.
      const anywhere = ev.units.flatMap((x, e) => (x.kind === 'word' && !used.has(e) && !between.includes(e) ? [e] : []));
      for (const e of [...between, ...anywhere]) {
        const key = `${u.unit.key}\t${ev.units[e].key}\t${between.includes(e) ? 'between' : 'anywhere'}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { n: 0, words: new Set<string>(), example: sentence.slice(0, 100) };
        entry.n++;
        entry.words.add(`${a.claim.tokens[u.unit.start].folded}/${ev.tokens[ev.units[e].start].folded}`);
        counts.set(key, entry);
      }
    }
  }
}

// ---- WordNet, every sense: a stem's synsets, and each synset's neighbours by any pointer but an antonym.
const synsets = new Map<string, Synset>();
const index = new Map<string, IndexEntry>();
for (const pos of Object.keys(POS_FILES) as Pos[]) {
  parseData(defaultDictDir(), pos, synsets);
  parseIndex(defaultDictDir(), pos, index);
}
const senses = new Map<string, Set<string>>();
for (const s of synsets.values()) {
  for (const lemma of s.words) {
    const stem = singleStem(lemma);
    if (!stem) continue;
    if (!senses.has(stem)) senses.set(stem, new Set());
    senses.get(stem)!.add(s.key);
  }
}
const neighbours = (key: string) => new Set(synsets.get(key)!.pointers.filter((p) => p.symbol !== '!').map((p) => p.target));
const parents = (key: string) => synsets.get(key)!.pointers.filter((p) => p.symbol === '@' || p.symbol === '@i').map((p) => p.target);

function looseRelation(a: string, b: string): string | undefined {
  const sa = senses.get(a);
  const sb = senses.get(b);
  if (!sa || !sb) return undefined;
  for (const x of sa) if (sb.has(x)) return 'synset';
  for (const x of sa) for (const n of neighbours(x)) if (sb.has(n)) return `pointer`;
  for (const y of sb) for (const n of neighbours(y)) if (sa.has(n)) return `pointer`;
  const pa = new Set([...sa].flatMap(parents));
  for (const y of sb) for (const p of parents(y)) if (pa.has(p)) return 'sister';
  return undefined;
}

const min = Number(process.argv[process.argv.indexOf('--min') + 1]) || 2;
const out = [...counts].filter(([, v]) => v.n >= min).map(([k, v]) => {
  const [a, b, where] = k.split('\t');
  const rel = looseRelation(a, b);
  return { a, b, n: v.n, rel: where === 'between' || rel !== 'sister' ? rel : undefined, where, words: [...v.words].slice(0, 3).join(' '), example: v.example };
}).filter((x) => x.rel).sort((x, y) => y.n - x.n);
console.error(`${data.length} supported claims; ${counts.size} candidate pairs; ${out.length} recur (>= ${min}) and are linked in WordNet`);
for (const x of out) console.log(`${x.n}\t${x.rel}\t${x.where}\t${x.words}\t${x.example}`);
