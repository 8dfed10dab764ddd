// The part of a large library one draft's check needs, as a PassageIndex the verifier reads like the whole library:
// the sources a remote retrieval returned (whole), scored and weighed with the whole library's figures, and each
// claim's search answered with the library-wide top passages. Searches limited to sources it holds (a claim checked
// against what it cites) are exact here too. A search it was not prepared for is answered from what it holds and
// counted in `misses` (the engine refuses to give such a verdict: see engine.ts).
import { PassageIndex, type QueryTerm, type ScoredPassage } from '../index/passageIndex';
import type { Source } from '../model';
import { queryKey } from './queries';
import type { CorpusStats } from './retrieval';

export class SnapshotIndex extends PassageIndex {
  private readonly answers = new Map<string, ScoredPassage[]>();
  /** Searches and figures asked for that the retrieval did not prepare. */
  misses = 0;

  constructor(sources: Source[], private readonly stats: CorpusStats) {
    super(sources);
  }

  override documentFrequency(stem: string): number {
    const df = this.stats.documentFrequency.get(stem);
    if (df !== undefined) return df;
    // Not asked for: every occurrence the snapshot holds is one of the library's (a lower bound).
    return super.documentFrequency(stem);
  }

  override corpusSize(): number {
    return this.stats.passages;
  }

  override averageLength(): number {
    return this.stats.totalLength / Math.max(1, this.stats.passages);
  }

  protected override localName(stem: string): boolean {
    return this.stats.names.has(stem) || super.localName(stem);
  }

  /**
   * Records the answer to a claim's search: the library-wide top `k` among the candidates' sources, scored here with
   * the library's figures, exactly as an index of everything would rank them (ties by library order).
   */
  prepare(terms: QueryTerm[], k: number, candidateSources: ReadonlySet<string>): void {
    this.answers.set(queryKey(terms, k), candidateSources.size === 0 ? [] : super.search(terms, k, candidateSources));
  }

  holds(sourceIds: ReadonlySet<string>): boolean {
    for (const id of sourceIds) if (!this.sources.has(id)) return false;
    return true;
  }

  override search(terms: QueryTerm[], k: number, allowed?: ReadonlySet<string>): ScoredPassage[] {
    if (allowed && this.holds(allowed)) return super.search(terms, k, allowed);
    const answer = allowed ? undefined : this.answers.get(queryKey(terms, k));
    if (answer) return answer;
    this.misses++;
    return super.search(terms, k, allowed);
  }
}
