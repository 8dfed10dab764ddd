// An inverted index over source passages (sentences), scored with BM25, so retrieval stays fast at 10,000 articles.
import type { Passage, Source } from '../model';
import { analyze, type Analysis } from '../text/analyze';
import { B, bm25Idf, K1, lengthNorm, termScore } from './bm25';
import { maxScoreTopK, termBoundsInSteps, type ScoredPassage, type TermList } from './maxScore';
import { partitionPoint } from './partitionPoint';
import { termsOf, type NumberArray, type PassageTerms } from './passageTerms';
import { postingsInSteps, rememberedPostings } from './postings';
import { knownStemId, stemCount } from './stemIds';
import { finishNow, type Steps } from '../workInSteps';

export { B, bm25Idf, K1 };
export type { ScoredPassage };
const ANALYSIS_CACHE_LIMIT = 20_000;
const NO_PASSAGES: PassageIds = new Uint32Array(0);
// A search limited to some sources looks their ranges up in a posting list (a binary search each) when the list is
// this many times longer than the number of sources; shorter lists are walked.
const WINDOW_SEARCH_FACTOR = 16;
// Filling the postings of this many sources is one step of an index built in slices (a few milliseconds).
const SOURCES_PER_STEP = 200;

export interface QueryTerm {
  stem: string;
  weight: number;
}

/** The library-wide figures a search scores with, when this index holds only part of the library. */
export interface CorpusFigures {
  documentFrequency(stem: string): number;
  passages: number;
  averageLength: number;
}

/** Passage ids in ascending order, read-only: a view into the index's posting lists. */
export interface PassageIds extends Iterable<number> {
  readonly length: number;
  readonly [position: number]: number;
  slice(start?: number, end?: number): Iterable<number>;
}

/** What an index is built into: see the fields of PassageIndex. */
interface IndexData {
  passages: Passage[];
  sources: Map<string, Source>;
  postingStarts: Uint32Array;
  postingIds: Uint32Array;
  postingTfs: NumberArray;
  stemLimit: number;
  lengths: Uint32Array;
  totalLength: number;
  nameStems: Uint8Array;
  sourceRanges: Map<string, [number, number]>;
  sourceIdsUnique: boolean;
  norms: Float64Array;
  bounds: Float64Array;
}

// Indexes built ahead in slices (prepareIndexInSteps), each taken by the PassageIndex then constructed on the same
// sources array: the language server builds a large library's index between other work, and the engine, which
// constructs its index itself, finds it built.
const preparedIndexes = new WeakMap<readonly Source[], IndexData>();

/** Builds the index of `sources` a step per source, for the PassageIndex next constructed on this very array. */
export function* prepareIndexInSteps(sources: readonly Source[]): Steps<void> {
  preparedIndexes.set(sources, yield* indexInSteps(sources));
}

function* indexInSteps(sources: readonly Source[]): Steps<IndexData> {
  // Analysing a source not seen before (tokenising its passages) is the long step.
  const terms: PassageTerms[] = [];
  for (const source of sources) {
    terms.push(termsOf(source.passages));
    yield;
  }
  // A library just read from the index cache, as it was written: its postings are in the file.
  const stored = rememberedPostings(sources);
  const stemLimit = stored ? stored.stemLimit : stemCount();
  const postings = stored ? stored.postings : yield* postingsInSteps(terms, stemLimit);
  const nameStems = new Uint8Array(stemLimit);
  const lengths = new Uint32Array(sources.reduce((sum, source) => sum + source.passages.length, 0));
  const passages: Passage[] = [];
  const sourcesById = new Map<string, Source>();
  const sourceRanges = new Map<string, [number, number]>();
  let totalLength = 0;
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s];
    sourcesById.set(source.id, source);
    const first = passages.length;
    const { names } = terms[s];
    for (let k = 0; k < names.length; k++) nameStems[names[k]] = 1;
    for (let p = 0; p < source.passages.length; p++) {
      passages.push(source.passages[p]);
      lengths[first + p] = terms[s].lengths[p];
      totalLength += terms[s].lengths[p];
    }
    sourceRanges.set(source.id, [first, passages.length]);
    if (s % SOURCES_PER_STEP === 0) yield;
  }
  const sourceIdsUnique = sourceRanges.size === sources.length;
  yield;
  // One pass over every posting (tens of milliseconds at 250,000 passages): what lets a search skip most of them.
  const averageLength = averageOf(totalLength, passages.length);
  const norms = new Float64Array(lengths.length);
  for (let id = 0; id < lengths.length; id++) norms[id] = lengthNorm(lengths[id], averageLength);
  const bounds = yield* termBoundsInSteps(postings.starts, postings.tfs, postings.ids, norms, stemLimit);
  return { passages, sources: sourcesById, postingStarts: postings.starts, postingIds: postings.ids, postingTfs: postings.tfs, stemLimit, lengths, totalLength, nameStems, sourceRanges, sourceIdsUnique, norms, bounds };
}

/** The mean passage length in content words. */
function averageOf(totalLength: number, passages: number): number {
  return totalLength / Math.max(1, passages);
}

export class PassageIndex {
  readonly passages: Passage[];
  readonly sources: Map<string, Source>;
  // The posting lists in one block, by stem id (stemIds.ts): the passages holding stem s are
  // postingIds[postingStarts[s] … postingStarts[s + 1] - 1], ascending, each with its term frequency in postingTfs.
  // Typed arrays rather than a map of arrays: a 10,000-article library holds millions of postings, built in two
  // passes over numbers, and a third of the memory.
  private readonly postingStarts: Uint32Array;
  private readonly postingIds: Uint32Array;
  private readonly postingTfs: NumberArray;
  /** Stems numbered after this index was built occur in none of its passages. */
  private readonly stemLimit: number;
  private readonly lengths: Uint32Array;
  private readonly totalLength: number;
  /** By stem id, 1 for stems seen capitalised inside a sentence: names, which helps read a capitalised first word of a claim. */
  private readonly nameStems: Uint8Array;
  /** Each source's passages are added together: their ids form one range [first, end). */
  private readonly sourceRanges: Map<string, [number, number]>;
  /** No two sources share an id (as the loader sees to), so a source's range holds every passage with its id. */
  private readonly sourceIdsUnique: boolean;
  /**
   * By stem id, the most a stem adds to a passage's score per unit of idf (maxScore.ts's termBounds), with this
   * index's own mean length: a search that scores with another's (a larger library's figures) is not pruned.
   */
  private readonly bounds: Float64Array;
  /** Each passage's lengthNorm with this index's own mean length. */
  private readonly norms: Float64Array;
  private readonly analyses = new Map<number, Analysis>();
  private scores = new Float64Array(0);
  private readonly joinedAnalyses = new Map<string, Analysis>();
  /**
   * Whether the library-wide figures are this index's own (no subclass answers for a larger library): a search then
   * reads a term's document frequency off the posting list it already found, rather than looking the stem up again.
   */
  private readonly ownFigures = this.documentFrequency === PassageIndex.prototype.documentFrequency && this.idf === PassageIndex.prototype.idf;

  constructor(sources: Source[]) {
    const data = preparedIndexes.get(sources) ?? finishNow(indexInSteps(sources));
    preparedIndexes.delete(sources);
    this.passages = data.passages;
    this.sources = data.sources;
    this.postingStarts = data.postingStarts;
    this.postingIds = data.postingIds;
    this.postingTfs = data.postingTfs;
    this.stemLimit = data.stemLimit;
    this.lengths = data.lengths;
    this.totalLength = data.totalLength;
    this.nameStems = data.nameStems;
    this.sourceRanges = data.sourceRanges;
    this.sourceIdsUnique = data.sourceIdsUnique;
    this.bounds = data.bounds;
    this.norms = data.norms;
  }

  /** The stem's id when some passage of this index holds it. */
  private indexedStem(stem: string): number | undefined {
    const id = knownStemId(stem);
    return id !== undefined && id < this.stemLimit ? id : undefined;
  }

  get size(): number {
    return this.passages.length;
  }

  /** Inverse document frequency of a stem over passages; unseen stems get the highest value. */
  idf(stem: string): number {
    return bm25Idf(this.documentFrequency(stem), this.corpusSize());
  }

  // The library-wide figures BM25 and the weights rest on. Here they are this index's own; an index that holds only
  // part of a larger library (retrieval/snapshotIndex.ts, the passages a database returned for one draft) answers
  // with the whole library's, so its scores and weights are those an index of everything would give.
  /** In how many passages of the library a stem occurs. */
  documentFrequency(stem: string): number {
    const id = this.indexedStem(stem);
    return id === undefined ? 0 : this.postingStarts[id + 1] - this.postingStarts[id];
  }

  /** How many passages the library holds. */
  corpusSize(): number {
    return this.passages.length;
  }

  /** The content words of all the passages (BM25's lengths added up). */
  get contentWords(): number {
    return this.totalLength;
  }

  /** The library's mean passage length in content words. */
  averageLength(): number {
    return averageOf(this.totalLength, this.passages.length);
  }

  /** Stems seen capitalised inside a sentence anywhere in this index's passages. */
  protected localName(stem: string): boolean {
    const id = this.indexedStem(stem);
    return id !== undefined && this.nameStems[id] === 1;
  }

  /** The passage's length in content words (as BM25 counts it). */
  passageLength(id: number): number {
    return this.lengths[id];
  }

  isName = (stem: string): boolean => this.localName(stem);

  /** How many passages of a source name this stem: the stem's postings within the source's range of ids. */
  sourceMentions(sourceId: string, stem: string): number {
    const range = this.sourceRanges.get(sourceId);
    const id = range && this.indexedStem(stem);
    if (!range || id === undefined) return 0;
    // Asked for every claim detail short of an exact match against every piece of evidence: the posting list is
    // searched in place, with no view of it made.
    const start = this.postingStarts[id];
    const length = this.postingStarts[id + 1] - start;
    const [first, end] = range;
    return partitionPoint(length, (k) => this.postingIds[start + k] < end) - partitionPoint(length, (k) => this.postingIds[start + k] < first);
  }

  /** The analysed form of a passage, computed on first use and kept in a bounded cache. */
  analysis(id: number): Analysis {
    let analysis = this.analyses.get(id);
    if (!analysis) {
      if (this.analyses.size >= ANALYSIS_CACHE_LIMIT) this.analyses.clear();
      analysis = analyze(this.passages[id].text, this.isName);
      this.analyses.set(id, analysis);
    }
    return analysis;
  }

  /** Two adjacent passages read as one, built once by `join` and kept in the same bounded cache. */
  joinedAnalysis(ids: number[], join: (parts: Analysis[]) => Analysis): Analysis {
    const key = ids.join(',');
    let analysis = this.joinedAnalyses.get(key);
    if (!analysis) {
      if (this.joinedAnalyses.size >= ANALYSIS_CACHE_LIMIT) this.joinedAnalyses.clear();
      analysis = join(ids.map((id) => this.analysis(id)));
      this.joinedAnalyses.set(key, analysis);
    }
    return analysis;
  }

  /**
   * BM25 top-k; `allowed` limits the search to some sources (a cited source). `corpus` scores with a larger library's
   * figures (this index being part of it: the local sources beside a database's).
   */
  search(terms: QueryTerm[], k: number, allowed?: ReadonlySet<string>, corpus?: CorpusFigures): ScoredPassage[] {
    const averageLength = corpus ? corpus.averageLength : this.averageLength();
    const lists: TermList[] = [];
    let prunable = !allowed && !corpus && k >= 1 && averageLength === averageOf(this.totalLength, this.passages.length);
    for (const term of terms) {
      const stem = this.indexedStem(term.stem);
      if (stem === undefined) continue;
      const idf = (corpus
        ? bm25Idf(corpus.documentFrequency(term.stem), corpus.passages)
        : this.ownFigures ? bm25Idf(this.postingStarts[stem + 1] - this.postingStarts[stem], this.corpusSize()) : this.idf(term.stem)) * term.weight;
      // The bounds hold for positive parts only (a weight of 0 or less is no query of the verifier's).
      if (!(idf > 0 && idf < Infinity)) prunable = false;
      lists.push({ start: this.postingStarts[stem], end: this.postingStarts[stem + 1], idf, bound: idf * this.bounds[stem] });
    }
    return prunable
      ? maxScoreTopK(lists, k, this.postingIds, this.postingTfs, this.norms)
      : this.scoreEvery(lists, k, averageLength, allowed);
  }

  /** The search without pruning: every posting of the terms (within the allowed sources) scored. */
  private scoreEvery(lists: readonly TermList[], k: number, averageLength: number, allowed?: ReadonlySet<string>): ScoredPassage[] {
    // Scores live in one reusable typed array, reset through the list of touched passages: a Map per query costs
    // more than the scoring itself once the library holds hundreds of thousands of passages.
    if (this.scores.length < this.passages.length) this.scores = new Float64Array(this.passages.length);
    const scores = this.scores;
    const touched: number[] = [];
    const windows = allowed && this.sourceIdsUnique ? this.rangesOf(allowed) : undefined;
    for (const { start, end, idf } of lists) {
      const add = (i: number): void => {
        const id = this.postingIds[i];
        if (scores[id] === 0) touched.push(id);
        scores[id] += termScore(idf, this.postingTfs[i], lengthNorm(this.lengths[id], averageLength));
      };
      if (windows && windows.length * WINDOW_SEARCH_FACTOR < end - start) {
        // Each allowed source's passages are one range of ids: find it in the posting list rather than walk the list
        // (a stem common in the library, searched within the one source a claim cites). Same passages, same order.
        for (const [first, last] of windows) {
          for (let i = start + partitionPoint(end - start, (k) => this.postingIds[start + k] < first); i < end && this.postingIds[i] < last; i++) add(i);
        }
      } else {
        for (let i = start; i < end; i++) if (!allowed || allowed.has(this.passages[this.postingIds[i]].sourceId)) add(i);
      }
    }
    // Top k by insertion into a short sorted list: linear in the touched passages.
    const top: ScoredPassage[] = [];
    for (const id of touched) {
      const score = scores[id];
      scores[id] = 0;
      const last = top[k - 1];
      if (top.length === k && (score < last.score || (score === last.score && id > last.id))) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1].score < score || (top[at - 1].score === score && top[at - 1].id > id))) at--;
      top.splice(at, 0, { id, score });
      if (top.length > k) top.pop();
    }
    return top;
  }

  /** The id ranges of the sources, in id order. */
  private rangesOf(sourceIds: ReadonlySet<string>): [number, number][] {
    const ranges: [number, number][] = [];
    for (const id of sourceIds) {
      const range = this.sourceRanges.get(id);
      if (range) ranges.push(range);
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  /** The ids of a source's passages, in order, as the range [first, end). */
  passageRange(sourceId: string): [number, number] {
    return this.sourceRanges.get(sourceId) ?? [0, 0];
  }

  /** Ids of the passages that contain a stem. */
  passagesWith(stem: string): PassageIds {
    const id = this.indexedStem(stem);
    return id === undefined ? NO_PASSAGES : this.postingIds.subarray(this.postingStarts[id], this.postingStarts[id + 1]);
  }

  /** The passage just before or after `id` in the same source, if any. */
  neighbour(id: number, step: -1 | 1): number | undefined {
    const passage = this.passages[id];
    const other = this.passages[id + step];
    return other && other.sourceId === passage.sourceId ? id + step : undefined;
  }
}
