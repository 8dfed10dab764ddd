// BM25 top-k with MaxScore pruning (Turtle & Flood 1995): the exact top-k of the exhaustive search, without scoring
// every posting of a common stem's long list. Each term has an upper bound on what it adds to any passage's score
// (its idf times the largest saturation over its postings: termBounds). Once k passages are held, the terms whose
// bounds add up to no more than the k-th score cannot lift a passage into the top on their own: only a passage that
// holds one of the other terms (the essential ones) is a candidate, and the others' lists are read only for those.
//
// The passages are taken a window of ids at a time: the essential lists mark the window's candidates; then every
// term, in query order, adds its part to the candidates it holds (walking its postings in the window, or looking the
// candidates up in it when they are few); then the candidates are ranked, in id order. So a candidate's score is the
// exhaustive search's very double (its parts added in query order, from 0), and one that ties the k-th score has the
// larger id and stays out, as it would there. A window without candidates is skipped in every list. The bounds are
// padded far beyond floating-point rounding, so no passage that could enter is ever left out.
import { termScore as bm25TermScore } from './bm25';
import type { NumberArray } from './passageTerms';
import type { Steps } from '../workInSteps';

export interface ScoredPassage {
  id: number;
  score: number;
}

/** One query term's posting list: ids[start … end - 1]. */
export interface TermList {
  start: number;
  end: number;
  /** The term's idf times its query weight: positive. */
  idf: number;
  /** No passage gets more than this from the term. */
  bound: number;
}

// Relative padding of a passage's bound (what it has plus the bounds still open): far above the rounding of adding a
// few hundred doubles (about 1e-14), so the bound is never below the score the passage would get.
const PADDING = 1 + 1e-9;

// Working out the bounds of this many postings is one step of an index built in slices (a few milliseconds).
const POSTINGS_PER_STEP = 200_000;

/**
 * Each stem's largest saturation over its postings, tf·(K1+1)/(tf + lengthNorm): the term's bound is its idf times
 * this. By stem id, for the stems below `stemLimit`; `norms` by passage id.
 */
export function* termBoundsInSteps(starts: Uint32Array, tfs: NumberArray, ids: Uint32Array, norms: Float64Array, stemLimit: number): Steps<Float64Array> {
  const bounds = new Float64Array(stemLimit);
  let sinceStep = 0;
  for (let stem = 0; stem < stemLimit; stem++) {
    // The saturation tf/(tf + norm) is largest where tf·bestNorm > bestTf·norm: compared by multiplying, one division
    // a stem rather than a posting (a start from the cache does this over 3 million postings). A product's rounding
    // may pick a posting an ulp short of the largest: the padding of the bounds covers it.
    let bestTf = 0;
    let bestNorm = 1;
    for (let i = starts[stem]; i < starts[stem + 1]; i++) {
      const tf = tfs[i];
      const norm = norms[ids[i]];
      if (tf * bestNorm > bestTf * norm) {
        bestTf = tf;
        bestNorm = norm;
      }
    }
    bounds[stem] = bestTf === 0 ? 0 : termScore(1, bestTf, bestNorm);
    sinceStep += starts[stem + 1] - starts[stem];
    if (sinceStep >= POSTINGS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
  }
  return bounds;
}

// Read once: where each file is compiled apart (tsx, in the tests and benches) an imported function is read through a
// getter at every call, which halved the speed of the loops below.
const termScore = bm25TermScore;
const WINDOW = 4096;
// A term looks the window's candidates up in its list (a galloping search each) rather than walk its postings there
// when it has this many times more postings in the window than there are candidates.
const LOOK_UP_FACTOR = 8;

/** The top k (k >= 1) passages by score, ties by id, among those that hold at least one of the terms. */
export function maxScoreTopK(lists: readonly TermList[], k: number, ids: Uint32Array, tfs: NumberArray, norms: Float64Array): ScoredPassage[] {
  const n = lists.length;
  const { sums, marks, candidates, order, cover, at, end, idf, isEssential } = scratchFor(n);
  // Terms by bound, smallest first (an insertion sort: a query has a few dozen); `cover[i]` is the sum of the first i bounds.
  for (let t = 0; t < n; t++) {
    let i = t;
    for (; i > 0 && lists[order[i - 1]].bound > lists[t].bound; i--) order[i] = order[i - 1];
    order[i] = t;
  }
  cover[0] = 0;
  for (let i = 0; i < n; i++) cover[i + 1] = cover[i] + lists[order[i]].bound;
  const passages = Math.max(1, norms.length);
  for (let t = 0; t < n; t++) {
    at[t] = lists[t].start;
    end[t] = lists[t].end;
    idf[t] = lists[t].idf;
    isEssential[t] = 1;
  }
  const top: ScoredPassage[] = [];
  let threshold = -Infinity;
  // Terms order[0 … essential - 1] cannot lift a passage into the top alone.
  let essential = 0;
  for (;;) {
    let first = -1;
    for (let i = essential; i < n; i++) {
      const t = order[i];
      if (at[t] < end[t] && (first < 0 || ids[at[t]] < first)) first = ids[at[t]];
    }
    if (first < 0) break;
    const windowEnd = first + WINDOW;
    // The candidates: the passages of the window that an essential term holds.
    let count = 0;
    for (let i = essential; i < n; i++) {
      const t = order[i];
      for (let p = at[t]; p < end[t] && ids[p] < windowEnd; p++) {
        const d = ids[p] - first;
        if (marks[d] === 0) {
          marks[d] = 1;
          candidates[count++] = d;
        }
      }
    }
    // Few candidates are sorted, to be looked up in id order; many are not (every list is walked then).
    const sorted = count <= WINDOW / 16;
    if (sorted) {
      // An insertion sort: each essential list's candidates come in order already.
      for (let c = 1; c < count; c++) {
        const d = candidates[c];
        let i = c;
        for (; i > 0 && candidates[i - 1] > d; i--) candidates[i] = candidates[i - 1];
        candidates[i] = d;
      }
    }
    // Every term in query order adds its part to the candidates that hold it.
    for (let t = 0; t < n; t++) {
      const weight = idf[t];
      let p = seek(ids, at[t], end[t], first);
      if (isEssential[t] === 1) {
        for (; p < end[t] && ids[p] < windowEnd; p++) {
          const id = ids[p];
          sums[id - first] += termScore(weight, tfs[p], norms[id]);
        }
      } else if (sorted && count * LOOK_UP_FACTOR * passages < (end[t] - lists[t].start) * WINDOW) {
        for (let c = 0; c < count; c++) {
          const id = first + candidates[c];
          p = seek(ids, p, end[t], id);
          if (p >= end[t]) break;
          if (ids[p] === id) sums[id - first] += termScore(weight, tfs[p], norms[id]);
        }
        p = seek(ids, p, end[t], windowEnd);
      } else {
        for (; p < end[t] && ids[p] < windowEnd; p++) {
          const id = ids[p];
          if (marks[id - first] === 1) sums[id - first] += termScore(weight, tfs[p], norms[id]);
        }
      }
      at[t] = p;
    }
    // Ranked by score, then id (every passage of a later window has a larger id than those held).
    for (let c = 0; c < count; c++) {
      const d = candidates[c];
      const score = sums[d];
      const id = first + d;
      sums[d] = 0;
      marks[d] = 0;
      if (top.length === k && (score < threshold || (score === threshold && id > top[k - 1].id))) continue;
      let place = top.length;
      while (place > 0 && (top[place - 1].score < score || (top[place - 1].score === score && top[place - 1].id > id))) place--;
      top.splice(place, 0, { id, score });
      if (top.length > k) top.pop();
      if (top.length === k) threshold = top[k - 1].score;
    }
    while (essential < n && cover[essential + 1] * PADDING <= threshold) isEssential[order[essential++]] = 0;
  }
  return top;
}

interface Scratch {
  /** Each candidate's score so far, by its place in the window. */
  sums: Float64Array;
  /** 1 for the window's candidates. */
  marks: Uint8Array;
  /** Their places in the window. */
  candidates: Int32Array;
  // By term: see maxScoreTopK.
  order: Int32Array;
  cover: Float64Array;
  at: Uint32Array;
  end: Uint32Array;
  idf: Float64Array;
  isEssential: Uint8Array;
}

// Reused by every search (the window's arrays are all back to 0 after each window), so that a search allocates
// nothing but its answer: no garbage for the collector between a draft's claims.
let scratch: Scratch | undefined;
function scratchFor(terms: number): Scratch {
  if (!scratch || scratch.order.length < terms) {
    const size = Math.max(64, terms);
    scratch = {
      sums: scratch?.sums ?? new Float64Array(WINDOW),
      marks: scratch?.marks ?? new Uint8Array(WINDOW),
      candidates: scratch?.candidates ?? new Int32Array(WINDOW),
      order: new Int32Array(size),
      cover: new Float64Array(size + 1),
      at: new Uint32Array(size),
      end: new Uint32Array(size),
      idf: new Float64Array(size),
      isEssential: new Uint8Array(size),
    };
  }
  return scratch;
}

/** The first position in ids[from … end - 1] (ascending) holding `id` or more; `end` if none: galloping, then halving. */
function seek(ids: Uint32Array, from: number, end: number, id: number): number {
  if (from >= end || ids[from] >= id) return from;
  let low = from;
  let step = 1;
  while (low + step < end && ids[low + step] < id) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, end);
  // ids[low] < id, and ids[high] >= id or high = end.
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (ids[middle] < id) low = middle;
    else high = middle;
  }
  return high;
}
