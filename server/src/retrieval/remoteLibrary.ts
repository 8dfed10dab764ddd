// A remote library (the archive in PostgreSQL) beside the local sources, as the engine sees it: per draft, one round
// trip fetches every claim's candidates and the sources they come from; the local index adds its own candidates,
// scored with the figures of both libraries together; the result is a SnapshotIndex the verifier reads as if it
// were one index of everything. A verdict is never given on a snapshot that was not prepared for its claim: that
// would read "no evidence" where the evidence was simply not fetched.
import type { CorpusFigures, PassageIndex } from '../index/passageIndex';
import type { ClaimVerdict, Source, SourceLibrary } from '../model';
import { CANDIDATE_PASSAGES, rankingTerms } from '../index/rankSources';
import type { VerifyOptions } from '../verify/verifyClaim';
import { CLAIM_CANDIDATES, claimQueries, queryKey } from './queries';
import { RetrievalError, type CorpusStats, type RemoteRetrieval, type RetrievalQuery } from './retrieval';
import { SnapshotIndex } from './snapshotIndex';

/** Extra candidates asked of each side, so the exact re-ranking here has the true top few among them. */
const MARGIN = 4;
const KNOWN_SOURCES_LIMIT = 50_000;

export class RemoteLibrary {
  private readonly known = new Map<string, Source>();
  private generation = 0;

  constructor(private readonly library: SourceLibrary, private readonly local: PassageIndex, private readonly retrieval: RemoteRetrieval) {}

  /**
   * Everything checking these claims needs (and the sources their citations name), as one snapshot; with `rank`, also
   * what ranking the sources for that sentence needs (index/rankSources.ts's search).
   */
  async prepare(claims: readonly string[], labels: { keys: string[]; urls: string[] }, rank?: string): Promise<SnapshotIndex> {
    const queries = new Map<string, RetrievalQuery & { answers: number }>();
    const stems = new Set<string>();
    for (const claim of claims) {
      for (const sentence of claimQueries(claim)) {
        queries.set(queryKey(sentence.terms, CLAIM_CANDIDATES), { terms: sentence.terms, k: CLAIM_CANDIDATES + MARGIN, answers: CLAIM_CANDIDATES });
        for (const stem of sentence.stems) stems.add(stem);
      }
    }
    if (rank !== undefined) {
      const terms = rankingTerms(rank);
      queries.set(queryKey(terms, CANDIDATE_PASSAGES), { terms, k: CANDIDATE_PASSAGES + MARGIN, answers: CANDIDATE_PASSAGES });
      for (const { stem } of terms) stems.add(stem);
    }
    const list = [...queries.values()];
    const batch = await this.retrieval.retrieve({ queries: list.map(({ terms, k }) => ({ terms, k })), stems: [...stems], citationKeys: [...new Set(labels.keys)], citationUrls: [...new Set(labels.urls)] });

    // The two libraries' figures together.
    const documentFrequency = new Map<string, number>();
    const names = new Set<string>(batch.stats.names);
    for (const stem of new Set([...stems, ...batch.stats.documentFrequency.keys()])) {
      documentFrequency.set(stem, (batch.stats.documentFrequency.get(stem) ?? 0) + this.local.documentFrequency(stem));
      if (this.local.isName(stem)) names.add(stem);
    }
    const stats: CorpusStats = {
      passages: batch.stats.passages + this.local.size,
      totalLength: batch.stats.totalLength + this.local.contentWords,
      documentFrequency,
      names,
    };
    const figures: CorpusFigures = {
      documentFrequency: (stem) => documentFrequency.get(stem) ?? this.local.documentFrequency(stem),
      passages: stats.passages,
      averageLength: stats.totalLength / Math.max(1, stats.passages),
    };

    // Local sources first (as a local library lists them), then the archive's; an archive source whose id a local
    // source has is left out, as the loader leaves out a second file with a taken id.
    const localIds = new Set<string>();
    const candidateSources = list.map((query, n) => {
      const ids = new Set<string>();
      for (const { id } of this.local.search(query.terms, query.k, undefined, figures)) ids.add(this.local.passages[id]!.sourceId);
      for (const candidate of batch.candidates[n] ?? []) ids.add(candidate.sourceId);
      for (const id of ids) if (this.local.sources.has(id)) localIds.add(id);
      return ids;
    });
    const localCited = labels.keys.map((key) => key.trim().toLowerCase());
    for (const source of this.library.sources) if (localCited.includes(source.id.toLowerCase())) localIds.add(source.id);
    const sources = [
      ...this.library.sources.filter((source) => localIds.has(source.id)),
      ...batch.sources.filter((source) => !this.local.sources.has(source.id)),
    ];
    const snapshot = new SnapshotIndex(sources, stats);
    list.forEach((query, n) => snapshot.prepare(query.terms, query.answers, candidateSources[n]!));
    for (const source of batch.sources) this.remember(source);
    return snapshot;
  }

  /** Verifies on a prepared snapshot; a search the snapshot was not prepared for is an error, not a verdict. */
  verify(text: string, index: PassageIndex, options: VerifyOptions | undefined, verify: (text: string, index: PassageIndex, options?: VerifyOptions) => ClaimVerdict): ClaimVerdict {
    if (!(index instanceof SnapshotIndex)) throw new RetrievalError(`the draft was not prepared for ${this.retrieval.description}: call prepareDraft first`);
    const misses = index.misses;
    const verdict = verify(text, index, options);
    if (index.misses > misses) throw new RetrievalError(`"${text.slice(0, 60)}" was checked without its candidates from ${this.retrieval.description}: call prepareDraft with its draft first`);
    return verdict;
  }

  /** Changes whenever a source is met for the first time (or the known ones are forgotten): what was built from them is stale. */
  get knownGeneration(): number {
    return this.generation;
  }

  /** The archive's sources met so far (for citations and reports naming them). */
  knownSources(): Source[] {
    return [...this.known.values()];
  }

  knownSource(id: string): Source | undefined {
    return this.known.get(id);
  }

  private remember(source: Source): void {
    const before = this.known.get(source.id);
    if (!before && this.known.size >= KNOWN_SOURCES_LIMIT) this.known.clear();
    this.known.set(source.id, source);
    // Each round trip brings its sources anew; only a new one, or another title or URL (what citations resolve by), counts.
    if (!before || before.title !== source.title || before.url !== source.url) this.generation++;
  }
}
