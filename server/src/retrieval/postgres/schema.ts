// The archive's schema, owned by Grounded and changed only by numbered migrations (applied in order, once each, under
// an advisory lock so two ingests never migrate at once). Everything lives in the `grounded` schema.
//
//   sources   one row per article file: its path, size, modification time and content hash (what re-ingest compares),
//             its metadata and the lines kept out of evidence;
//   passages  one row per sentence of evidence, with its stems as a tsvector (positions 1..tf, so the term frequency is
//             the number of positions) under a GIN index, its length in content words, the stems it capitalises
//             inside a sentence (names), and those of its capitalised sentence-initial words (the only ones whose
//             reading depends on whether the library knows them as names);
//   terms     each stem's document frequency and the number of passages that capitalise it: BM25's idf and the
//             verifier's "is this word a name" without scanning;
//   corpus    the passage count and total length (BM25's mean length), and where the archive's early part ends: the
//             passages up to that one have a search index of their own (a large archive's, made by an ingest), from
//             which a common term's first candidates are read without reading all its postings.
import type { PoolClient } from 'pg';

export const SCHEMA = 'grounded';
const LOCK_ID = 0x67726e64; // "grnd"

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sources, passages, terms',
    sql: `
      CREATE TABLE grounded.sources (
        key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        path text NOT NULL UNIQUE,
        size bigint NOT NULL,
        mtime_ms double precision NOT NULL,
        hash text NOT NULL,
        metadata jsonb NOT NULL,
        url_key text,
        excluded jsonb NOT NULL,
        passage_count integer NOT NULL
      );
      CREATE INDEX sources_lower_id ON grounded.sources (lower(id));
      CREATE INDEX sources_url_key ON grounded.sources (url_key) WHERE url_key IS NOT NULL;
      CREATE TABLE grounded.passages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_key bigint NOT NULL REFERENCES grounded.sources (key) ON DELETE CASCADE,
        ord integer NOT NULL,
        line integer NOT NULL,
        paragraph integer NOT NULL,
        text text NOT NULL,
        length integer NOT NULL,
        stems tsvector NOT NULL,
        names text[] NOT NULL,
        initials text[] NOT NULL
      );
      CREATE INDEX passages_stems ON grounded.passages USING gin (stems);
      CREATE INDEX passages_source ON grounded.passages (source_key, ord);
      CREATE TABLE grounded.terms (
        stem text PRIMARY KEY,
        df bigint NOT NULL,
        name_passages bigint NOT NULL
      );
      CREATE TABLE grounded.corpus (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        passages bigint NOT NULL,
        total_length bigint NOT NULL
      );
      INSERT INTO grounded.corpus VALUES (true, 0, 0);
    `,
  },
  {
    version: 2,
    name: 'GIN index without a pending list',
    // With fastupdate on, new passages wait in the index's pending list, which every search reads whole (up to
    // gin_pending_list_limit, 4 MB): a search after an ingest paid for it. A bulk ingest builds the index afresh
    // (ingest.ts), so it never needed the list either.
    sql: `
      ALTER INDEX grounded.passages_stems SET (fastupdate = off);
      SELECT gin_clean_pending_list('grounded.passages_stems'::regclass);
    `,
  },
  {
    version: 3,
    name: 'early part of the archive',
    // Null until an ingest makes the early part's index (ingest.ts, finishLoading), which an archive of this version
    // gets at its next ingest.
    sql: 'ALTER TABLE grounded.corpus ADD COLUMN early_end bigint',
  },
];

/** The first version whose corpus row says where the early part ends. */
export const EARLY_PART_VERSION = 3;
export const EARLY_STEMS_INDEX = 'passages_early_stems';

/**
 * The early part's search index, for passages up to `end` (a partial GIN index: passages added later, with larger
 * ids, cost it nothing). Its condition reads `id + 0`, as retrieval's does (EARLY_CONDITION), so that the planner, to
 * prove the index applies, never also scans the primary key for every early passage (it did: 12–20 ms a claim).
 */
export function earlyStemsIndex(end: bigint): string {
  return `CREATE INDEX ${EARLY_STEMS_INDEX} ON grounded.passages USING gin (stems) WITH (fastupdate = off) WHERE ${EARLY_CONDITION('id', `${end}`)}`;
}

/** A passage (its id `id`) is in the early part ending at `end` (both SQL). */
export const EARLY_CONDITION = (id: string, end: string) => `(${id} + 0) <= ${end}::bigint`;

/** Where the early part ends (null: the archive has none), as node-postgres returns a bigint. */
export async function earlyPartEnd(client: Pick<PoolClient, 'query'>): Promise<string | null> {
  const { rows } = await client.query<{ early_end: string | null }>('SELECT early_end FROM grounded.corpus');
  return rows[0]?.early_end ?? null;
}

/** The passages' search index, as migration 2 leaves it: what a bulk ingest drops and builds again after loading. */
export const PASSAGE_STEMS_INDEX = 'CREATE INDEX IF NOT EXISTS passages_stems ON grounded.passages USING gin (stems) WITH (fastupdate = off)';

/** The passages' reference to their source (migration 1 names it so), which a bulk ingest drops and adds again. */
export const PASSAGE_SOURCE_REFERENCE = 'passages_source_key_fkey';
export const ADD_PASSAGE_SOURCE_REFERENCE = `
  DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${PASSAGE_SOURCE_REFERENCE}' AND conrelid = 'grounded.passages'::regclass) THEN
      ALTER TABLE grounded.passages ADD CONSTRAINT ${PASSAGE_SOURCE_REFERENCE}
        FOREIGN KEY (source_key) REFERENCES grounded.sources (key) ON DELETE CASCADE;
    END IF;
  END $$`;

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies the migrations the database lacks; returns the versions applied. */
export async function migrate(client: PoolClient): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${SCHEMA}.migrations`)).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${SCHEMA}.migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
  }
}

/** The schema version the database is at (0: none), for checking that a reader and the archive agree. */
export async function schemaVersion(client: Pick<PoolClient, 'query'>): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('${SCHEMA}.migrations') AS t`);
  if (exists.rows[0]?.t === null) return 0;
  const row = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${SCHEMA}.migrations`);
  return row.rows[0]?.v ?? 0;
}

/** A tsvector literal holding each stem with positions 1..tf. */
export function stemsVector(counts: ReadonlyMap<string, number>): string {
  let vector = '';
  for (const [stem, tf] of counts) vector += `${vector === '' ? '' : ' '}${quoteLexeme(stem)}:${positions(Math.min(tf, 256))}`;
  return vector;
}

/** "1,2,…,n", made once per n (the ingest writes one per stem of every passage). */
const POSITIONS = ['', '1'];
function positions(n: number): string {
  while (POSITIONS.length <= n) POSITIONS.push(`${POSITIONS[POSITIONS.length - 1]},${POSITIONS.length}`);
  return POSITIONS[n]!;
}

/** A lexeme quoted for a tsvector or tsquery literal. */
export function quoteLexeme(stem: string): string {
  return stem.includes("'") || stem.includes('\\') ? `'${stem.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${stem}'`;
}
