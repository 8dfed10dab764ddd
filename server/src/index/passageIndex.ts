// An inverted index over source passages (sentences), scored with BM25, so retrieval stays fast at 10,000 articles.
import type { Passage, Source } from '../model';
import { analyze, type Analysis } from '../text/analyze';
import { tokenize } from '../text/tokens';

/** BM25's term-frequency saturation and length normalisation (retrieval/postgres scores with the same). */
export const K1 = 1.2;
export const B = 0.75;
const ANALYSIS_CACHE_LIMIT = 20_000;

export interface ScoredPassage {
  id: number;
  score: number;
}

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

/** BM25's inverse document frequency. */
export function bm25Idf(df: number, passages: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

export class PassageIndex {
  readonly passages: Passage[] = [];
  readonly sources = new Map<string, Source>();
  private readonly postings = new Map<string, { ids: number[]; tfs: number[] }>();
  private readonly lengths: number[] = [];
  private totalLength = 0;
  /** Stems seen capitalised inside a sentence: names, which helps read a capitalised first word of a claim. */
  private readonly nameStems = new Set<string>();
  /** In how many passages of each source each stem occurs, for names mentioned elsewhere in the article (coreference). */
  private readonly sourceStems = new Map<string, Map<string, number>>();
  /** Each source's passages are added together: their ids form one range [first, end). */
  private readonly sourceRanges = new Map<string, [number, number]>();
  private readonly analyses = new Map<number, Analysis>();
  private scores = new Float64Array(0);
  private readonly joinedAnalyses = new Map<string, Analysis>();

  constructor(sources: Source[]) {
    for (const source of sources) this.add(source);
  }

  private add(source: Source): void {
    this.sources.set(source.id, source);
    const stems = new Map<string, number>();
    for (const passage of source.passages) {
      const id = this.passages.length;
      this.passages.push(passage);
      const counts = new Map<string, number>();
      const tokens = tokenize(passage.text);
      let length = 0;
      for (const token of tokens) {
        if (token.stop) continue;
        length++;
        counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
        if (token.capitalized && !token.sentenceInitial) this.nameStems.add(token.stem);
      }
      for (const stem of counts.keys()) stems.set(stem, (stems.get(stem) ?? 0) + 1);
      for (const [stem, tf] of counts) {
        let posting = this.postings.get(stem);
        if (!posting) this.postings.set(stem, (posting = { ids: [], tfs: [] }));
        posting.ids.push(id);
        posting.tfs.push(tf);
      }
      this.lengths.push(length);
      this.totalLength += length;
    }
    this.sourceStems.set(source.id, stems);
    this.sourceRanges.set(source.id, [this.passages.length - source.passages.length, this.passages.length]);
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
    return this.postings.get(stem)?.ids.length ?? 0;
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
    return this.totalLength / Math.max(1, this.passages.length);
  }

  /** Stems seen capitalised inside a sentence anywhere in this index's passages. */
  protected localName(stem: string): boolean {
    return this.nameStems.has(stem);
  }

  /** The passage's length in content words (as BM25 counts it). */
  passageLength(id: number): number {
    return this.lengths[id];
  }

  isName = (stem: string): boolean => this.localName(stem);

  /** How many passages of a source name this stem. */
  sourceMentions(sourceId: string, stem: string): number {
    return this.sourceStems.get(sourceId)?.get(stem) ?? 0;
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
    // Scores live in one reusable typed array, reset through the list of touched passages: a Map per query costs
    // more than the scoring itself once the library holds hundreds of thousands of passages.
    if (this.scores.length < this.passages.length) this.scores = new Float64Array(this.passages.length);
    const scores = this.scores;
    const touched: number[] = [];
    const averageLength = corpus ? corpus.averageLength : this.averageLength();
    for (const term of terms) {
      const posting = this.postings.get(term.stem);
      if (!posting) continue;
      const idf = (corpus ? bm25Idf(corpus.documentFrequency(term.stem), corpus.passages) : this.idf(term.stem)) * term.weight;
      for (let i = 0; i < posting.ids.length; i++) {
        const id = posting.ids[i];
        if (allowed && !allowed.has(this.passages[id].sourceId)) continue;
        const tf = posting.tfs[i];
        if (scores[id] === 0) touched.push(id);
        scores[id] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * this.lengths[id] / averageLength));
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

  /** The ids of a source's passages, in order, as the range [first, end). */
  passageRange(sourceId: string): [number, number] {
    return this.sourceRanges.get(sourceId) ?? [0, 0];
  }

  /** Ids of the passages that contain a stem. */
  passagesWith(stem: string): readonly number[] {
    return this.postings.get(stem)?.ids ?? [];
  }

  /** The passage just before or after `id` in the same source, if any. */
  neighbour(id: number, step: -1 | 1): number | undefined {
    const passage = this.passages[id];
    const other = this.passages[id + step];
    return other && other.sourceId === passage.sourceId ? id + step : undefined;
  }
}
