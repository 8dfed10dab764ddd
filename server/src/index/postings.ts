// The index's posting lists, built from the passages' numbered stems (passageTerms.ts) in two passes over numbers: how
// many passages hold each stem, then each passage's place in its stems' lists. A start without the cache builds them;
// the index cache stores them, and a start from it takes them as they are when its library is the one the file was
// written from (the same sources in the same order): their building was a fifth of such a start, its writes
// scattered over 24 MB.

import type { Passage } from '../model';
import type { Steps } from '../workInSteps';
import type { NumberArray, PassageTerms } from './passageTerms';

/** The passages holding stem s are ids[starts[s] … starts[s + 1] - 1], ascending, each with its count in tfs. */
export interface Postings {
  starts: Uint32Array;
  ids: Uint32Array;
  tfs: NumberArray;
}

// Counting or filling the postings of this many sources is one step (a few milliseconds).
const TERMS_PER_STEP = 200;

/** The postings of passages numbered from 0 in order, `terms` after one another; every stem below `stemLimit`. */
export function* postingsInSteps(terms: readonly Pick<PassageTerms, 'starts' | 'stems' | 'counts'>[], stemLimit: number): Steps<Postings> {
  const starts = new Uint32Array(stemLimit + 1);
  // Indexed loops over the typed arrays: iterators cost several times as much on millions of postings.
  for (let s = 0; s < terms.length; s++) {
    const { stems } = terms[s];
    for (let k = 0; k < stems.length; k++) starts[stems[k] + 1]++;
    if (s % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
  }
  for (let stem = 0; stem < stemLimit; stem++) starts[stem + 1] += starts[stem];
  yield;
  const ids = new Uint32Array(starts[stemLimit]);
  const tfs = new Uint32Array(ids.length);
  const next = starts.slice(0, stemLimit);
  let id = 0;
  for (let s = 0; s < terms.length; s++) {
    const { starts: passageStarts, stems, counts } = terms[s];
    for (let p = 0; p + 1 < passageStarts.length; p++, id++) {
      for (let k = passageStarts[p]; k < passageStarts[p + 1]; k++) {
        const at = next[stems[k]]++;
        ids[at] = id;
        tfs[at] = counts[k];
      }
    }
    if (s % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
  }
  return { starts, ids, tfs };
}

/** Postings read from the index cache, with the sources' passages they number, in order. */
interface StoredPostings {
  passages: readonly (readonly Passage[])[];
  postings: Postings;
  /** Their stems are those numbered below this. */
  stemLimit: number;
}

// By the first source's passages array (a source keeps its array for life; copies of the source share it).
const storedPostings = new WeakMap<readonly Passage[], StoredPostings>();

/** Postings read back from the index cache for these sources' passages, in this order. */
export function rememberPostings(passages: readonly (readonly Passage[])[], postings: Postings, stemLimit: number): void {
  if (passages.length > 0) storedPostings.set(passages[0], { passages, postings, stemLimit });
}

/** The stored postings, when `sources` are exactly the sources they were stored for, in the same order. */
export function rememberedPostings(sources: readonly { passages: readonly Passage[] }[]): { postings: Postings; stemLimit: number } | undefined {
  const stored = sources.length > 0 ? storedPostings.get(sources[0].passages) : undefined;
  if (!stored || stored.passages.length !== sources.length) return undefined;
  for (let s = 0; s < sources.length; s++) if (sources[s].passages !== stored.passages[s]) return undefined;
  return stored;
}
