// `grounded index`: reads source folders with the library's own loader (the same front matter, ids and non-evidence
// rules as a local library) into the archive. Re-ingest is idempotent: a file whose path, size and modification time
// are unchanged is not read; one whose content hash is unchanged is only touched; a changed one is replaced; a file
// gone from an ingested folder is removed with its passages. The term statistics BM25 needs are kept up to date in
// the same transaction as the passages: batch by batch, or, for a bulk load into a small archive, once in its one
// transaction. A folder's bibliography files (CSL-JSON, BibTeX) give the
// sources they name the metadata their front matter leaves out, as in a local library; a changed bibliography file
// makes its folder's files read again. A large ingest reads and tokenises in worker threads (ingestWorkers.ts) while
// this thread writes; a large archive's early part gets its own search index at the end (schema.ts).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import type { SourceProblem } from '../../model';
import { applyBibliographies, type BibliographyEntry } from '../../sources/bibliographyFiles';
import { findSourceFiles, realpathOrSelf } from '../../sources/findSourceFiles';
import { readBibliographyFileSafely } from '../../sources/loadSources';
import { retrievalError } from './connection';
import { copyIn } from './copyIn';
import { defaultWorkerCount, inThreadReader, workerReader } from './ingestWorkers';
import { rowsWithKey, type ArticleRead, type PreparedArticle, type SourceHeader } from './readArticle';
import { ADD_PASSAGE_SOURCE_REFERENCE, EARLY_STEMS_INDEX, earlyPartEnd, earlyStemsIndex, migrate, PASSAGE_SOURCE_REFERENCE, PASSAGE_STEMS_INDEX } from './schema';

/** Files per transaction: large enough to amortise the round trips, small enough to keep a failed batch cheap. */
const BATCH_FILES = 400;
/**
 * Into an archive of fewer sources than this (a first ingest), passages are loaded without the search index and the
 * reference to their source, both made once at the end: building a GIN index from sorted postings is several times
 * faster than updating it for every passage, and rebuilding it for so small an archive costs a second at most. (A
 * search during such an ingest reads without the index: slow, never wrong.)
 */
const BULK_LOAD_BELOW_SOURCES = 2_000;
/** Memory for building the search index in one sort (the session's own; the server's default is 64 MB). */
const INDEX_BUILD_MEMORY = '512MB';
/**
 * An archive's first passages, indexed apart (schema.ts): 4,000 articles' worth. A term in 1 % of a 2.5-million-passage
 * archive has about 1,000 postings there, enough for its candidates, where the whole index holds 25,000.
 */
const EARLY_PASSAGES = 100_000;
const INGEST_LOCK_ID = 0x67726e65;
/**
 * Reading and tokenising in this thread is synchronous: without a pause now and then, the batch being written would
 * send its next statement only when the next batch is ready, and the two would never overlap (the transaction idle
 * meanwhile).
 */
const YIELD_EVERY_FILES = 20;
/** From this many files, worker threads read and tokenise them (starting them takes a fraction of a second). */
const WORKERS_FROM_FILES = 500;
/** Files handed to the reading threads ahead of the one being taken: enough to keep them busy while a batch is written. */
const READ_AHEAD_FILES = 2 * BATCH_FILES;

export interface IngestReport {
  added: number;
  updated: number;
  /** Same path, size and modification time, or same content. */
  unchanged: number;
  removed: number;
  problems: SourceProblem[];
  passages: number;
  seconds: number;
}

interface Existing {
  key: string;
  id: string;
  size: number;
  mtime: number;
  hash: string;
}

/** A file read for the archive, with what its sources row and its bibliography need. */
interface Prepared {
  article: PreparedArticle;
  size: number;
  mtime: number;
  hash: string;
  /** The entries of its folder's bibliography files, applied to it when its batch is written. */
  bibliography: readonly BibliographyEntry[];
}

/** A file being read (in this thread or a worker's), in the order the files were listed. */
interface Reading {
  absolute: string;
  before: Existing | undefined;
  size: number;
  mtime: number;
  bibliography: readonly BibliographyEntry[];
  read: Promise<ArticleRead>;
}

export interface IngestOptions {
  /** Threads reading and tokenising the files: 0 reads in this thread; by default workers when there are many files. */
  workers?: number;
  /** The size of a large archive's early part, in passages (tests make it small). */
  earlyPassages?: number;
  /** Load in bulk into an archive of fewer sources than this (tests set 0 to write batch by batch). */
  bulkBelowSources?: number;
}

export async function ingestFolders(pool: Pool, dirs: readonly string[], log: (line: string) => void = () => {}, options: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw retrievalError(error, 'could not connect');
  }
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, removed: 0, problems: [], passages: 0, seconds: 0 };
  try {
    await migrate(client);
    await client.query('SELECT pg_advisory_lock($1)', [INGEST_LOCK_ID]);
    try {
      const early = options.earlyPassages ?? EARLY_PASSAGES;
      const bulk = await startLoading(client, early, options.bulkBelowSources ?? BULK_LOAD_BELOW_SOURCES);
      try {
        await ingestLocked(client, dirs.map((d) => resolve(d)), report, log, options.workers, bulk);
      } catch (error) {
        // What was loaded stays searchable; the ingest's own error is the one to report.
        if (bulk) await finishLoading(client, early).catch(() => {});
        throw error;
      }
      if (bulk) await finishLoading(client, early);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK_ID]);
    }
  } catch (error) {
    throw error instanceof Error && error.name === 'RetrievalError' ? error : retrievalError(error, 'ingest failed');
  } finally {
    client.release();
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * A bulk load is one transaction, its term statistics added up here and written once at the end: written batch by
 * batch, every batch updated most of the same stems again (a tenth of the server's work, and this thread's sorting
 * and sending them). Stopped half-way it leaves the archive as it was, and the next ingest, finding it as small,
 * loads in bulk again. Other ingests write batch by batch, each batch in a transaction with its terms.
 */
async function ingestLocked(client: PoolClient, roots: string[], report: IngestReport, log: (line: string) => void, workers: number | undefined, bulk: boolean): Promise<void> {
  if (bulk) await inTransaction(client, () => ingestFiles(client, roots, report, log, workers, new TermTotals()));
  else await ingestFiles(client, roots, report, log, workers, undefined);
  await client.query('ANALYZE grounded.passages');
}

/** Writes what `roots` hold; with `totals` (a bulk load, in the caller's transaction) the terms once at the end. */
async function ingestFiles(client: PoolClient, roots: string[], report: IngestReport, log: (line: string) => void, workers: number | undefined, totals: TermTotals | undefined): Promise<void> {
  const existing = new Map<string, Existing>();
  const pathOfId = new Map<string, string>();
  for (const row of (await client.query<{ key: string; id: string; path: string; size: string; mtime_ms: number; hash: string }>(
    'SELECT key, id, path, size, mtime_ms, hash FROM grounded.sources')).rows) {
    existing.set(row.path, { key: row.key, id: row.id, size: Number(row.size), mtime: row.mtime_ms, hash: row.hash });
    pathOfId.set(row.id, row.path);
  }

  const seen = new Set<string>();
  const listed = new Set<string>();
  const toRemove: string[] = [];
  const touched: { key: string; size: number; mtime: number }[] = [];
  let batch: Prepared[] = [];
  let batchRemovals: string[] = [];
  // One batch is written while the next is read and tokenised: the database and this process work at once.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const items = batch;
    applyFolderBibliographies(items);
    const removals = batchRemovals;
    batch = [];
    batchRemovals = [];
    const written = report.added + report.updated;
    writing = writeBatch(client, items, removals, totals).then(() => log(`${written} written, ${report.unchanged} unchanged`));
    writing.catch(() => {}); // awaited (and thrown) at the next flush or at the end
  };

  // Each file read, taken in the order listed: what the reading threads found decides what is written.
  const take = async ({ absolute, before, size, mtime, bibliography, read }: Reading) => {
    const result = await read;
    if ('unchanged' in result) {
      touched.push({ key: before!.key, size, mtime });
      report.unchanged++;
      return;
    }
    if ('problem' in result) {
      report.problems.push(result.problem);
      if (before) toRemove.push(before.key);
      return;
    }
    const { article } = result;
    const owner = pathOfId.get(article.source.id);
    if (owner !== undefined && owner !== absolute) {
      report.problems.push({ path: absolute, message: `id "${article.source.id}" is already used by ${owner}; this file is skipped (give it another id in its front matter)` });
      return;
    }
    if (before) {
      pathOfId.delete(before.id);
      batchRemovals.push(before.key);
      report.updated++;
    } else {
      report.added++;
    }
    pathOfId.set(article.source.id, absolute);
    batch.push({ article, size, mtime, hash: result.hash, bibliography });
    report.passages += article.passages;
    if (batch.length >= BATCH_FILES) await flush();
  };

  const listings = roots.map((root) => findSourceFiles(root));
  const files = listings.reduce((n, listing) => n + listing.files.length, 0);
  const threads = workers ?? (files >= WORKERS_FROM_FILES ? defaultWorkerCount() : 0);
  const reader = threads > 0 ? workerReader(threads) : inThreadReader;
  try {
    const reading: Reading[] = [];
    let submitted = 0;
    for (const listing of listings) {
      report.problems.push(...listing.problems);
      const bibliography = readFolderBibliography(listing.bibliographies, report.problems);
      for (const path of listing.files) {
        // The walk knows each file's real path, size and modification time: asking again cost an lstat per component
        // of the path and a stat, a tenth of this thread's work.
        const real = listing.realPaths.get(path) ?? realpathOrSelf(path);
        if (seen.has(real)) continue;
        seen.add(real);
        const absolute = resolve(path);
        listed.add(absolute);
        const before = existing.get(absolute);
        let stats = listing.stamps.get(path);
        if (!stats) {
          try {
            stats = statSync(absolute);
          } catch (error) {
            report.problems.push({ path: absolute, message: `could not be read: ${(error as Error).message}` });
            continue;
          }
        }
        // With a bibliography in the folder, an unchanged file may still have changed metadata: the hash tells.
        if (before && bibliography.digest === '' && before.size === stats.size && before.mtime === stats.mtimeMs) {
          report.unchanged++;
          continue;
        }
        const read = reader.read({ path: absolute, digest: bibliography.digest, ...(before ? { knownHash: before.hash } : {}) });
        read.catch(() => {}); // taken (and thrown) in order below
        reading.push({ absolute, before, size: stats.size, mtime: stats.mtimeMs, bibliography: bibliography.entries, read });
        if (reading.length >= READ_AHEAD_FILES) await take(reading.shift()!);
        if (++submitted % YIELD_EVERY_FILES === 0) await nextTurn();
      }
    }
    for (const item of reading) await take(item);
  } finally {
    await reader.close();
  }
  // Files of the ingested folders that are gone.
  for (const [path, row] of existing) {
    if (listed.has(path) || !roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep))) continue;
    toRemove.push(row.key);
    report.removed++;
  }
  batchRemovals.push(...toRemove);
  await flush();
  await writing;
  if (touched.length > 0) {
    await client.query(
      `UPDATE grounded.sources s SET size = t.size, mtime_ms = t.mtime
       FROM unnest($1::bigint[], $2::bigint[], $3::float8[]) AS t(key, size, mtime) WHERE s.key = t.key`,
      [touched.map((t) => t.key), touched.map((t) => t.size), touched.map((t) => t.mtime)]);
  }
  if (totals) await writeTerms(client, totals);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For a bulk load (true), drops the search index and the passages' reference to their source (checking it costs a
 * lookup and a row lock per passage: a fifth of the server's work); else makes sure both are there (an ingest stopped
 * half-way dropped them).
 */
async function startLoading(client: PoolClient, early: number, bulkBelow: number): Promise<boolean> {
  const { rows } = await client.query<{ sources: string }>('SELECT count(*) AS sources FROM grounded.sources');
  const bulk = Number(rows[0]!.sources) < bulkBelow;
  if (bulk) {
    await client.query('DROP INDEX IF EXISTS grounded.passages_stems');
    await client.query(`ALTER TABLE grounded.passages DROP CONSTRAINT IF EXISTS ${PASSAGE_SOURCE_REFERENCE}`);
    // The early part is chosen again once the load is in.
    await inTransaction(client, async () => {
      await client.query(`DROP INDEX IF EXISTS grounded.${EARLY_STEMS_INDEX}`);
      await client.query('UPDATE grounded.corpus SET early_end = NULL');
    });
  } else {
    await finishLoading(client, early);
  }
  return bulk;
}

/** Builds what a bulk load dropped, each in one pass over the table, when it is missing. */
async function finishLoading(client: PoolClient, early: number): Promise<void> {
  await client.query(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  await client.query(PASSAGE_STEMS_INDEX);
  await client.query(ADD_PASSAGE_SOURCE_REFERENCE);
  await makeEarlyPart(client, early);
  await client.query('RESET maintenance_work_mem');
}

/**
 * Gives an archive of at least twice `early` passages its early part: the first `early` passages with a search index
 * of their own, and the corpus row saying where they end (both or neither, in one transaction).
 */
async function makeEarlyPart(client: PoolClient, early: number): Promise<void> {
  if ((await earlyPartEnd(client)) !== null) return;
  const { rows } = await client.query<{ id: string | null; passages: string }>(
    'SELECT (SELECT id FROM grounded.passages ORDER BY id OFFSET $1 - 1 LIMIT 1) AS id, (SELECT passages FROM grounded.corpus) AS passages', [early]);
  const end = rows[0]!.id;
  if (end === null || Number(rows[0]!.passages) < 2 * early) return;
  await inTransaction(client, async () => {
    await client.query(`DROP INDEX IF EXISTS grounded.${EARLY_STEMS_INDEX}`);
    await client.query(earlyStemsIndex(BigInt(end)));
    await client.query('UPDATE grounded.corpus SET early_end = $1', [end]);
  });
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * A folder's bibliography files read as the loader reads them (a broken one is a problem; the sources load all the
 * same), with a digest of their entries: empty when there are none, so an archive without bibliographies hashes its
 * files as before.
 */
function readFolderBibliography(paths: readonly string[], problems: SourceProblem[]): { entries: BibliographyEntry[]; digest: string } {
  const entries: BibliographyEntry[] = [];
  for (const path of paths) {
    const read = readBibliographyFileSafely(path);
    if ('message' in read) problems.push(read);
    else entries.push(...read.entries);
  }
  return { entries, digest: entries.length === 0 ? '' : createHash('sha256').update(JSON.stringify(entries)).digest('hex') };
}

/** The loader's applyBibliographies, once per folder among the batch's sources, before their metadata is written. */
function applyFolderBibliographies(items: readonly Prepared[]): void {
  const byFolder = new Map<readonly BibliographyEntry[], Prepared[]>();
  for (const item of items) if (item.bibliography.length > 0) byFolder.set(item.bibliography, [...(byFolder.get(item.bibliography) ?? []), item]);
  for (const [entries, group] of byFolder) {
    const titleStated = new Set(group.filter((item) => item.article.titleStated).map((item) => item.article.source));
    applyBibliographies(group.map((item) => item.article.source), entries, (source) => titleStated.has(source));
  }
}

/** A batch in a transaction of its own with its terms, or with `totals`, in the bulk load's, adding its terms to them. */
async function writeBatch(client: PoolClient, items: Prepared[], removals: string[], totals: TermTotals | undefined): Promise<void> {
  if (items.length === 0 && removals.length === 0) return;
  const write = async () => {
    // A batch lost to a crash is read again by the next ingest (its files are not in the archive yet): the commit need
    // not wait for the disk.
    await client.query('SET LOCAL synchronous_commit = off');
    if (removals.length > 0) await removeSources(client, removals);
    const batchTotals = new TermTotals();
    if (items.length > 0) await insertSources(client, items, batchTotals);
    return batchTotals;
  };
  // Added up a batch at a time, then into the whole load's: each article's stems looked up in the load's large map
  // (hundreds of thousands of stems, most lookups a cache miss) took a fifth of this thread's ingest work.
  if (totals) return totals.merge(await write());
  await inTransaction(client, async () => writeTerms(client, await write()));
}

/** What the passages written add to the terms and the corpus row. */
class TermTotals {
  readonly df = new Map<string, number>();
  readonly nameCounts = new Map<string, number>();
  passages = 0;
  totalLength = 0;

  add(article: PreparedArticle): void {
    const { df, nameCounts } = this;
    this.passages += article.passages;
    this.totalLength += article.totalLength;
    for (let i = 0; i < article.stems.length; i++) df.set(article.stems[i]!, (df.get(article.stems[i]!) ?? 0) + article.stemPassages[i]!);
    for (let i = 0; i < article.names.length; i++) nameCounts.set(article.names[i]!, (nameCounts.get(article.names[i]!) ?? 0) + article.namePassages[i]!);
  }

  merge(other: TermTotals): void {
    this.passages += other.passages;
    this.totalLength += other.totalLength;
    for (const [stem, n] of other.df) this.df.set(stem, (this.df.get(stem) ?? 0) + n);
    for (const [stem, n] of other.nameCounts) this.nameCounts.set(stem, (this.nameCounts.get(stem) ?? 0) + n);
  }
}

async function writeTerms(client: PoolClient, totals: TermTotals): Promise<void> {
  if (totals.passages === 0) return;
  // Sorted, so two ingests never lock the same stems in opposite orders.
  const stems = [...totals.df.keys()].sort();
  await client.query(
    `INSERT INTO grounded.terms (stem, df, name_passages) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
     ON CONFLICT (stem) DO UPDATE SET df = terms.df + EXCLUDED.df, name_passages = terms.name_passages + EXCLUDED.name_passages`,
    [stems, stems.map((s) => totals.df.get(s)!), stems.map((s) => totals.nameCounts.get(s) ?? 0)]);
  await client.query('UPDATE grounded.corpus SET passages = passages + $1, total_length = total_length + $2', [totals.passages, totals.totalLength]);
}

async function removeSources(client: PoolClient, keys: string[]): Promise<void> {
  await client.query(
    `WITH gone AS (SELECT stems, names FROM grounded.passages WHERE source_key = ANY($1::bigint[])),
     lex AS (SELECT u.lexeme AS stem, count(*) AS df FROM gone, unnest(gone.stems) u GROUP BY 1),
     nm AS (SELECT n AS stem, count(*) AS c FROM gone, unnest(gone.names) n GROUP BY 1)
     UPDATE grounded.terms t SET df = t.df - lex.df, name_passages = t.name_passages - coalesce(nm.c, 0)
     FROM lex LEFT JOIN nm USING (stem) WHERE t.stem = lex.stem`, [keys]);
  await client.query(
    `UPDATE grounded.corpus SET passages = passages - g.n, total_length = total_length - g.l
     FROM (SELECT count(*) AS n, coalesce(sum(length), 0) AS l FROM grounded.passages WHERE source_key = ANY($1::bigint[])) g`, [keys]);
  // Not left to the reference's ON DELETE CASCADE: a bulk load runs without it.
  await client.query('DELETE FROM grounded.passages WHERE source_key = ANY($1::bigint[])', [keys]);
  await client.query('DELETE FROM grounded.sources WHERE key = ANY($1::bigint[])', [keys]);
}

async function insertSources(client: PoolClient, items: Prepared[], totals: TermTotals): Promise<void> {
  const inserted = await client.query<{ key: string; id: string }>(
    `INSERT INTO grounded.sources (id, path, size, mtime_ms, hash, metadata, url_key, excluded, passage_count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::jsonb[], $7::text[], $8::jsonb[], $9::int[])
     RETURNING key, id`,
    [
      items.map((i) => i.article.source.id),
      items.map((i) => i.article.source.path),
      items.map((i) => i.size),
      items.map((i) => i.mtime),
      items.map((i) => i.hash),
      items.map((i) => JSON.stringify(metadataOf(i.article.source))),
      items.map((i) => (i.article.source.url ? urlKey(i.article.source.url) : null)),
      items.map((i) => JSON.stringify(i.article.source.excluded)),
      items.map((i) => i.article.passages),
    ]);
  const keyOf = new Map(inserted.rows.map((r) => [r.id, r.key]));
  const rows: string[] = [];
  for (const { article } of items) {
    rows.push(rowsWithKey(article, keyOf.get(article.source.id)!));
    totals.add(article);
  }
  await copyIn(client, 'COPY grounded.passages (source_key, ord, line, paragraph, text, length, stems, names, initials) FROM STDIN', rows.join(''));
}

function metadataOf(source: SourceHeader): Record<string, string> {
  const metadata: Record<string, string> = { title: source.title };
  for (const key of ['outlet', 'author', 'dateline', 'date', 'url'] as const) if (source[key] !== undefined) metadata[key] = source[key]!;
  return metadata;
}

/** sources/citationResolver.ts's URL normalisation (scheme, "www." and trailing "/#?" dropped, lower case). */
export function urlKey(url: string): string {
  const bare = url.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  let end = bare.length;
  while (end > 0 && '/#?'.includes(bare[end - 1]!)) end--;
  return bare.slice(0, end).toLowerCase();
}
