// The index's BM25 search prunes (maxScore.ts) but must return exactly what scoring every passage returns: the same
// passages, the same scores to the last bit, ties broken by id. Checked against a brute-force scorer written here:
// on posting lists of tens of thousands of passages (many windows, many ties), and on whole indexes of generated text
// (with searches limited to some sources, which score every posting).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxScoreTopK, termBoundsInSteps, type ScoredPassage } from '../../server/src/index/maxScore';
import { finishNow } from '../../server/src/workInSteps';
import { PassageIndex, type QueryTerm } from '../../server/src/index/passageIndex';
import { sourceFromText } from '../../server/src/sources/loadSources';
import { tokenize } from '../../server/src/text/tokens';

const K1 = 1.2;
const B = 0.75;

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

interface Scored {
  /** The terms each passage holds, in query order: [term, tf]. */
  holds: [number, number][][];
  lengths: number[];
  averageLength: number;
}

/** Every passage scored, the terms' parts added in query order; the best k by score, then by id. */
function bruteForce({ holds, lengths, averageLength }: Scored, idfs: readonly number[], k: number): ScoredPassage[] {
  const all: ScoredPassage[] = [];
  holds.forEach((terms, id) => {
    if (terms.length === 0) return;
    let score = 0;
    for (const [t, tf] of terms) score += idfs[t] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[id] / averageLength));
    all.push({ id, score });
  });
  return all.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

test('pruned top-k equals brute force over long posting lists with many ties', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 30 }),
      fc.integer({ min: 1, max: 20_000 }),
      fc.array(fc.double({ min: 0.0005, max: 0.9, noNaN: true }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.constantFrom(1, 0.4, 2.5, 0.05), { minLength: 1, maxLength: 10 }),
      (seed, passages, densities, k, weights) => {
        const next = random(seed);
        // Few distinct lengths and counts: many passages score alike.
        const lengths = Uint32Array.from({ length: passages }, () => 1 + Math.floor(next() * 4) * 5);
        const stems = densities.length;
        const starts = new Uint32Array(stems + 1);
        const ids: number[] = [];
        const tfs: number[] = [];
        for (let s = 0; s < stems; s++) {
          for (let id = 0; id < passages; id++) {
            if (next() < densities[s]) {
              ids.push(id);
              tfs.push(next() < 0.8 ? 1 : 2);
            }
          }
          starts[s + 1] = ids.length;
        }
        const idArray = Uint32Array.from(ids);
        const tfArray = Uint8Array.from(tfs);
        const averageLength = lengths.reduce((sum, l) => sum + l, 0) / passages;
        const norms = Float64Array.from(lengths, (length) => K1 * (1 - B + B * length / averageLength));
        const bounds = finishNow(termBoundsInSteps(starts, tfArray, idArray, norms, stems));
        // The query: terms (a stem may come twice) with weights.
        const query = weights.map((weight) => ({ stem: Math.floor(next() * stems), weight }));
        const idfs = query.map(({ stem, weight }) => Math.log(1 + (passages - (starts[stem + 1] - starts[stem]) + 0.5) / (starts[stem + 1] - starts[stem] + 0.5)) * weight);
        const lists = query.map(({ stem }, t) => ({ start: starts[stem], end: starts[stem + 1], idf: idfs[t], bound: idfs[t] * bounds[stem] }));
        const holds: [number, number][][] = Array.from({ length: passages }, () => []);
        query.forEach(({ stem }, t) => {
          for (let p = starts[stem]; p < starts[stem + 1]; p++) holds[ids[p]].push([t, tfs[p]]);
        });
        assert.deepEqual(maxScoreTopK(lists, k, idArray, tfArray, norms), bruteForce({ holds, lengths: [...lengths], averageLength }, idfs, k));
      },
    ),
    { numRuns: 60 },
  );
});

const WORDS = ['harbour', 'ledger', 'quarry', 'violin', 'meadow', 'lantern', 'orchard', 'glacier', 'Ibarra', 'Quito'];

test('the index search equals brute force, whole library or some sources', () => {
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((words) => `${words.join(' ')}.`);
  fc.assert(
    fc.property(
      fc.array(fc.array(sentence, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.record({ word: fc.constantFrom(...WORDS, 'nowhere'), weight: fc.constantFrom(1, 0.4) }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.nat(11), { maxLength: 3 }),
      (texts, words, k, allowedSources) => {
        const sources = texts.map((lines, s) => sourceFromText(`s${s}`, lines.join('\n')));
        const index = new PassageIndex(sources);
        const terms: QueryTerm[] = words.map(({ word, weight }) => ({ stem: tokenize(word)[0].stem, weight }));
        const counted = index.passages.map((passage) => {
          const counts = new Map<string, number>();
          for (const token of tokenize(passage.text)) if (!token.stop) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
          return counts;
        });
        const lengths = counted.map((counts) => [...counts.values()].reduce((sum, c) => sum + c, 0));
        const averageLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, lengths.length);
        const idfs = terms.map(({ stem, weight }) => {
          const df = counted.filter((counts) => counts.has(stem)).length;
          return Math.log(1 + (counted.length - df + 0.5) / (df + 0.5)) * weight;
        });
        const allowed = allowedSources.length > 0 ? new Set(allowedSources.map((s) => `s${s}`)) : undefined;
        const holds = counted.map((counts, id): [number, number][] =>
          allowed && !allowed.has(index.passages[id].sourceId) ? [] : terms.flatMap(({ stem }, t): [number, number][] => (counts.has(stem) ? [[t, counts.get(stem)!]] : [])));
        assert.deepEqual(index.search(terms, k, allowed), bruteForce({ holds, lengths, averageLength }, idfs, k));
      },
    ),
    { numRuns: 150 },
  );
});
