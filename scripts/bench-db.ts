// `npm run bench:db`: the PostgreSQL archive at newsroom scale. Generates an archive of ARTICLES (default 100,000)
// synthetic articles as files, ingests them with `grounded index`'s code, and measures the ingest rate, the size of
// the tables and indexes, each claim's retrieval (one round trip) and check, and a 2,000-word draft's whole check.
//
// The generator is deterministic (scripts/syntheticArticles.ts, as for scripts/bench-scale.ts): each
// article is 25 sentences drawn from the bundled articles, their names, places and numbers varied so the index holds
// many distinct terms, with front matter (id, title, date). The bundled articles themselves are ingested first, so
// the development claims find their evidence among the noise.
//
// The database: GROUNDED_BENCH_DATABASE_URL (an empty database: its `grounded` schema is dropped first), else a
// throwaway cluster as the tests start one (test/retrieval/cluster.ts). ARTICLES=10000 for a quick run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createEngine } from '../server/src/engine';
import { createPool } from '../server/src/retrieval/postgres/connection';
import { ingestFolders } from '../server/src/retrieval/postgres/ingest';
import { PostgresRetrieval, retrievalStatement } from '../server/src/retrieval/postgres/pgRetrieval';
import type { RetrievalBatch, RetrievalRequest } from '../server/src/retrieval/retrieval';
import { earlyPartEnd } from '../server/src/retrieval/postgres/schema';
import { bundledSourcesDir } from '../server/src/sources/loadSources';
import { startDatabase } from '../test/retrieval/cluster';
import { writeSyntheticArticles } from './syntheticArticles';

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const DRAFT_WORDS = 2_000;
const root = join(__dirname, '..');

/** Keeps each request, so the statement's own time in the database can be measured after the round trips. */
class Recording extends PostgresRetrieval {
  readonly requests: RetrievalRequest[] = [];
  override retrieve(request: RetrievalRequest): Promise<RetrievalBatch> {
    this.requests.push(request);
    return super.retrieve(request);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-bench-db-'));
  const own = process.env.GROUNDED_BENCH_DATABASE_URL;
  const db = own ? { url: own, stop: async () => {} } : await startDatabase();
  try {
    if (own) {
      const client = new Client({ connectionString: own });
      await client.connect();
      await client.query('DROP SCHEMA IF EXISTS grounded CASCADE');
      await client.end();
    }
    let t = performance.now();
    writeSyntheticArticles(folder, ARTICLES);
    console.log(`generated ${ARTICLES} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const pool = createPool(db.url, { statementTimeoutMs: 30 * 60_000 });
    await ingestFolders(pool, [bundledSourcesDir()]);
    const cpu = process.cpuUsage();
    const report = await ingestFolders(pool, [folder]);
    // This process's CPU time beside the wall time: on a shared machine the rate says as much about the load as the code.
    const cpuSeconds = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu));
    console.log(`ingest: ${report.added} articles, ${report.passages} passages in ${report.seconds.toFixed(1)} s = ${Math.round(report.added / report.seconds)} articles/s (reading, tokenising and sending: ${cpuSeconds.toFixed(0)} CPU s here, ${Math.round(report.added / cpuSeconds)} articles per CPU second; load average ${loadavg()[0]!.toFixed(1)})`);
    t = performance.now();
    const again = await ingestFolders(pool, [folder]);
    console.log(`re-ingest (nothing changed): ${again.unchanged} unchanged in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const sizes = (await pool.query<{ name: string; size: string }>(
      `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'grounded' AND c.relkind IN ('r', 'i')
       ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`)).rows;
    const total = (await pool.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows[0]!.size;
    console.log(`size: database ${total}; ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`);
    await pool.end();

    const claims = readFileSync(join(root, '..', 'shared', 'eval', 'claims-dev.jsonl'), 'utf8')
      .split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
    const retrieval = new Recording(db.url);
    const engine = createEngine({ sources: [], problems: [] }, { retrieval, cacheVerdicts: false });
    await engine.prepareClaims!(claims.slice(0, 5)); // warm the connection and the lexicon
    const retrieve: number[] = [];
    const check: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const claim of claims) {
        const start = performance.now();
        await engine.prepareClaims!([claim]);
        const fetched = performance.now();
        engine.checkClaim(claim);
        retrieve.push(fetched - start);
        check.push(performance.now() - start);
      }
    }
    retrieve.sort((a, b) => a - b);
    check.sort((a, b) => a - b);
    console.log(`per claim, retrieval (one round trip): p50 ${percentile(retrieve, 0.5).toFixed(1)} ms, p95 ${percentile(retrieve, 0.95).toFixed(1)} ms`);
    console.log(`per claim, retrieval and verdict: p50 ${percentile(check, 0.5).toFixed(1)} ms, p95 ${percentile(check, 0.95).toFixed(1)} ms`);
    // The same statements' planning and execution time in the database (EXPLAIN ANALYZE): what the round trip costs
    // the server, without the waits for a CPU that a loaded machine adds to every round trip.
    const explainPool = createPool(db.url);
    const earlyEnd = await earlyPartEnd(explainPool);
    const server: number[] = [];
    for (const request of retrieval.requests.slice(-2 * claims.length)) {
      const { text, values } = retrievalStatement(request, earlyEnd);
      const plan = (await explainPool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${text}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      server.push(Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1]) + Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
    }
    await explainPool.end();
    server.sort((a, b) => a - b);
    console.log(`per claim, the statement in the database (planning and execution): p50 ${percentile(server, 0.5).toFixed(1)} ms, p95 ${percentile(server, 0.95).toFixed(1)} ms`);

    // A 2,000-word draft: the development claims as paragraphs, repeated with their numbers varied until long enough.
    const paragraphs: string[] = [];
    let words = 0;
    for (let i = 0; words < DRAFT_WORDS; i++) {
      const claim = claims[i % claims.length]!.replace(/\d+/g, (n) => String(Number(n) + Math.floor(i / claims.length)));
      paragraphs.push(claim);
      words += claim.split(/\s+/).length;
    }
    const draft = `# Draft\n\n${paragraphs.join('\n\n')}\n`;
    const times: number[] = [];
    let claimCount = 0;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      await engine.prepareDraft!(draft);
      claimCount = engine.checkDraft(draft, 'draft.md').claims.length;
      times.push(performance.now() - start);
    }
    console.log(`a ${words}-word draft (${claimCount} claims): ${times.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (each one round trip); load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    await retrieval.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await db.stop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
