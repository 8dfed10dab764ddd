// PostgreSQL full-text retrieval: one statement per draft answers all its claims' queries. Each query's candidates
// are the passages whose stems (a tsvector under a GIN index) hold one of its selective terms, ranked by BM25 with
// the library's own figures (the embedded index's formula, index/passageIndex.ts, reading each term once per
// sentence); the engine then re-ranks the returned sources' passages itself, exactly. The selective terms are the
// query's rarest, taken while their passages add up to at most CANDIDATE_BUDGET: a common word ("said",
// "government" in a large archive) still scores but brings in no candidates of its own, since a passage sharing only
// such words with a claim never backs it and reading them all would cost more than the rest of the check. When even
// the rarest term is commoner than that, the candidates are the passages holding the rarest terms together (as many
// as it takes to expect no more than the budget), never a term in more than COMMON_TERM_SHARE of the passages, and
// at most CANDIDATE_CAP of them are read, the oldest first: from the early part's own small index when it holds
// enough (a large archive's first passages, see schema.ts), else from the whole index. In a library where every term
// fits the budget (the bundled articles, a small archive) the ranking is exact.
import type { Pool } from 'pg';
import { B, K1 } from '../../index/passageIndex';
import type { Passage, Source } from '../../model';
import type { Candidate, RemoteRetrieval, RetrievalBatch, RetrievalRequest } from '../retrieval';
import { createPool, describeDatabase, retrievalError } from './connection';
import { HeldSources } from './heldSources';
import { EARLY_CONDITION, EARLY_PART_VERSION, earlyPartEnd, LATEST_VERSION, quoteLexeme, schemaVersion } from './schema';
import { urlKey } from './ingest';

export const CANDIDATE_BUDGET = 300;
/**
 * At most this many passages are read per query, whatever its terms: when even the rarest are common, the passages
 * holding them all are read in the table's order (the oldest first, as ties are broken) up to this many. Reading
 * every match of two common words took seconds on a 100,000-article archive; this bounds a claim's search to a few
 * milliseconds.
 */
export const CANDIDATE_CAP = 300;
/**
 * A term in more than this share of the passages never selects candidates (it still scores): its posting list alone
 * takes the index a third of a second to read on a 2.5-million-passage archive, and BM25 weighs it at a tenth of a
 * rare word's.
 */
export const COMMON_TERM_SHARE = 0.01;

// $1 stems asked about; $2..$5 query terms (query number, stem, tsquery literal, weight); $6, $7 queries (number, k);
// $8 the candidate budget; $9, $10 citation ids and URLs; $11, $12 BM25's k1 and b; $13 the candidate cap; $14 the
// share of passages above which a term is too common to select candidates; $15 the last passage of the archive's early
// part, which has a search index of its own (schema.ts, migration 3), or null; $16 the sources the client holds
// (heldSources.ts), whose metadata and passages are not sent again.
//
// Each query's candidates are read once (the LIMIT keeps the planner from scanning the table again per term) and
// scored against that query's terms only, held as arrays on the query's row.
const RETRIEVE_SQL = `
WITH
corpus AS (SELECT passages, total_length, total_length::float8 / greatest(1, passages) AS avg FROM grounded.corpus),
asked AS (
  SELECT s.stem, coalesce(t.df, 0) AS df, coalesce(t.name_passages, 0) > 0 AS name
  FROM unnest($1::text[]) AS s(stem) LEFT JOIN grounded.terms t ON t.stem = s.stem),
qt AS (
  SELECT qt.n, qt.stem, qt.lit, a.df,
    ln(1 + (c.passages - a.df + 0.5) / (a.df + 0.5)) * qt.weight AS w,
    row_number() OVER rarest AS rank,
    sum(a.df) OVER rarest AS running,
    -- How many passages would hold every rarer term, were terms independent (for the conjunction below).
    c.passages * exp(sum(ln(a.df::float8 / greatest(1, c.passages))) OVER rarer) AS rarer_together
  FROM unnest($2::int[], $3::text[], $4::text[], $5::float8[]) AS qt(n, stem, lit, weight)
  JOIN asked a ON a.stem = qt.stem CROSS JOIN corpus c
  WHERE a.df > 0
  WINDOW rarest AS (PARTITION BY qt.n ORDER BY a.df, qt.stem ROWS UNBOUNDED PRECEDING),
    rarer AS (PARTITION BY qt.n ORDER BY a.df, qt.stem ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
q AS (
  SELECT q.n, q.k,
    coalesce(
      (SELECT string_agg(qt.lit, ' | ') FROM qt WHERE qt.n = q.n AND qt.running <= $8),
      -- Even the rarest term is common: passages with the rarest terms together, as many as it takes (two at least)
      -- for the expected number of such passages to fit the budget.
      (SELECT string_agg(qt.lit, ' & ' ORDER BY qt.rank) FROM qt
       WHERE qt.n = q.n AND qt.df <= $14::float8 * c.passages AND (qt.rank <= 2 OR qt.rarer_together > $8))) AS query,
    ARRAY(SELECT qt.lit::tsquery FROM qt WHERE qt.n = q.n ORDER BY qt.rank) AS term_queries,
    ARRAY(SELECT qt.w FROM qt WHERE qt.n = q.n ORDER BY qt.rank) AS term_weights
  FROM unnest($6::int[], $7::int[]) AS q(n, k) CROSS JOIN corpus c),
hits AS (
  SELECT q.n, h.* FROM q CROSS JOIN corpus c CROSS JOIN LATERAL (
    SELECT p.id, p.source_key, p.ord, p.line, p.text,
      (SELECT sum(t.w * ($11::float8 + 1) / (1 + $11::float8 * (1 - $12::float8 + $12::float8 * p.length / c.avg)))
       FROM unnest(q.term_queries, q.term_weights) AS t(tq, w) WHERE p.stems @@ t.tq) AS score
    -- The early passages first, from their own small index: a common term's first CANDIDATE_CAP passages are nearly
    -- always there, and the whole index would read every one of its postings to find them. The rest only if needed.
    FROM (
      (SELECT * FROM grounded.passages p WHERE $15::bigint IS NOT NULL AND ${EARLY_CONDITION('p.id', '$15')} AND p.stems @@ q.query::tsquery LIMIT $13)
      UNION ALL
      (SELECT * FROM grounded.passages p WHERE ($15::bigint IS NULL OR p.id > $15::bigint) AND p.stems @@ q.query::tsquery LIMIT $13)
      LIMIT $13) p
    ORDER BY score DESC, p.id LIMIT q.k) h
  WHERE q.query IS NOT NULL),
cited AS (SELECT key, id, url_key FROM grounded.sources WHERE lower(id) = ANY($9::text[]) OR url_key = ANY($10::text[])),
picked AS (SELECT ARRAY(SELECT source_key FROM hits UNION SELECT key FROM cited) AS keys),
srcp AS (
  SELECT p.source_key, p.ord, p.line, p.paragraph, p.text, p.initials
  FROM grounded.passages p WHERE p.source_key = ANY((SELECT keys FROM picked)::bigint[]))
SELECT
  (SELECT json_build_object('passages', passages, 'totalLength', total_length) FROM corpus) AS corpus,
  (SELECT coalesce(json_agg(json_build_array(stem, df, name)), '[]') FROM asked) AS asked,
  (SELECT coalesce(json_agg(json_build_array(h.n, h.source_key, h.ord, h.line, h.text, h.score) ORDER BY h.n, h.score DESC, h.id), '[]')
     FROM hits h) AS hits,
  (SELECT coalesce(json_agg(json_build_array(s.key, s.id, s.path, s.hash, CASE WHEN s.key = ANY($16::bigint[]) THEN NULL ELSE json_build_array(s.metadata, s.excluded,
     (SELECT coalesce(json_agg(json_build_array(ord, line, paragraph, text) ORDER BY ord), '[]') FROM srcp WHERE srcp.source_key = s.key)) END)
     ORDER BY s.key), '[]') FROM grounded.sources s WHERE s.key = ANY((SELECT keys FROM picked)::bigint[])) AS sources,
  (SELECT coalesce(json_agg(t.stem), '[]') FROM grounded.terms t
     WHERE t.stem = ANY(ARRAY(SELECT DISTINCT i FROM srcp CROSS JOIN LATERAL unnest(srcp.initials) i)) AND t.name_passages > 0) AS names,
  (SELECT coalesce(json_agg(json_build_array(id, url_key)), '[]') FROM cited) AS cited
`;

type Row = {
  corpus: { passages: string | number; totalLength: string | number };
  asked: [string, string | number, boolean][];
  hits: [number, string | number, number, number, string, number][];
  /** Each source's key, id, path and hash, then its metadata, lines kept out of evidence and passages unless held. */
  sources: [string | number, string, string, string, [Record<string, string>, Source['excluded'], [number, number, number, string][]] | null][];
  names: string[];
  cited: [string, string | null][];
};

export class PostgresRetrieval implements RemoteRetrieval {
  readonly description: string;
  private readonly pool: Pool;
  private checkedSchema = false;
  /**
   * The last passage of the archive's early part (null: none), read once with the schema: the planner uses that
   * part's index only when the bound is a value it knows. A bound an ingest has since changed costs speed, not results.
   */
  private earlyEnd: string | null = null;
  private readonly held = new HeldSources();

  constructor(url: string, pool?: Pool) {
    this.description = describeDatabase(url);
    this.pool = pool ?? createPool(url);
  }

  async retrieve(request: RetrievalRequest): Promise<RetrievalBatch> {
    const batch = toBatch(await this.query(request, this.held.keys()), request.queries.length, this.held);
    if (batch) return batch;
    // A source held under a key the archive now gives another (an archive made again): ask again, holding nothing.
    this.held.clear();
    return toBatch(await this.query(request, []), request.queries.length, this.held)!;
  }

  private async query(request: RetrievalRequest, held: string[]): Promise<Row> {
    try {
      if (!this.checkedSchema) {
        const version = await schemaVersion(this.pool);
        if (version === 0) throw Object.assign(new Error('the database holds no Grounded archive'), { code: '3F000' });
        if (version > LATEST_VERSION) throw new Error(`the archive's schema is version ${version}, newer than this Grounded (${LATEST_VERSION}): update Grounded`);
        this.earlyEnd = version >= EARLY_PART_VERSION ? await earlyPartEnd(this.pool) : null;
        this.checkedSchema = true;
      }
      const result = await this.pool.query<Row>(retrievalStatement(request, this.earlyEnd, held));
      return result.rows[0]!;
    } catch (error) {
      throw retrievalError(error, `${this.description}: retrieval failed`);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The one statement that answers a request; `earlyEnd` is where the archive's early part ends (null: none), `held` the
 * keys of the sources the client holds.
 */
export function retrievalStatement(request: RetrievalRequest, earlyEnd: string | null, held: readonly string[] = []): { text: string; values: unknown[] } {
  const termN: number[] = [], termStem: string[] = [], termLit: string[] = [], termWeight: number[] = [];
  request.queries.forEach((query, n) => {
    for (const term of query.terms) {
      termN.push(n);
      termStem.push(term.stem);
      termLit.push(quoteLexeme(term.stem));
      termWeight.push(term.weight);
    }
  });
  const stems = [...new Set([...request.stems, ...termStem])];
  return {
    text: RETRIEVE_SQL,
    values: [
      stems, termN, termStem, termLit, termWeight,
      request.queries.map((_, n) => n), request.queries.map((q) => q.k), CANDIDATE_BUDGET,
      request.citationKeys.map((k) => k.trim().toLowerCase()), request.citationUrls.map(urlKey), K1, B, CANDIDATE_CAP, COMMON_TERM_SHARE,
      earlyEnd, held,
    ],
  };
}

/** The batch a row answers, the sources it sends added to `held`; undefined when a source it leaves out is not held. */
function toBatch(row: Row, queries: number, held: HeldSources): RetrievalBatch | undefined {
  const documentFrequency = new Map<string, number>();
  const names = new Set<string>(row.names);
  for (const [stem, df, name] of row.asked) {
    documentFrequency.set(stem, Number(df));
    if (name) names.add(stem);
  }
  const idOfKey = new Map(row.sources.map(([key, id]) => [String(key), id]));
  const candidates: Candidate[][] = Array.from({ length: queries }, () => []);
  for (const [n, key, passageIndex, line, text, score] of row.hits) {
    candidates[n]!.push({ sourceId: idOfKey.get(String(key))!, passageIndex, line, text, score });
  }
  const sources: Source[] = [];
  for (const [key, id, path, hash, sent] of row.sources) {
    if (sent === null) {
      const source = held.get(String(key), hash, id, path);
      if (!source) return undefined;
      sources.push(source);
      continue;
    }
    const [metadata, excluded, passages] = sent;
    const source: Source = {
      id,
      ...(metadata as { title: string }),
      path,
      bundled: false,
      excluded,
      passages: passages.map(([index, line, paragraph, text]): Passage => ({ sourceId: id, index, line, paragraph, text })),
    };
    held.add(String(key), hash, source);
    sources.push(source);
  }
  // Neighbouring sentences, for hosts that show a candidate alone.
  const byId = new Map(sources.map((s) => [s.id, s]));
  for (const list of candidates) {
    for (const candidate of list) {
      const passages = byId.get(candidate.sourceId)?.passages;
      const previous = passages?.[candidate.passageIndex - 1]?.text;
      const next = passages?.[candidate.passageIndex + 1]?.text;
      if (previous !== undefined) candidate.previous = previous;
      if (next !== undefined) candidate.next = next;
    }
  }
  const citations = new Map<string, string>();
  for (const [id, url] of row.cited) {
    citations.set(id.toLowerCase(), id);
    if (url) citations.set(url, id);
  }
  return {
    stats: { passages: Number(row.corpus.passages), totalLength: Number(row.corpus.totalLength), documentFrequency, names },
    candidates,
    sources,
    citations,
  };
}
