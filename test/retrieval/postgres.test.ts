// The archive in PostgreSQL: ingest (idempotent, deletions), parity with the embedded index on the development claims
// and the fixture drafts, and clear failures when the database cannot be reached. Needs PostgreSQL: see cluster.ts
// (under CI=true these tests fail rather than skip without it).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Client } from 'pg';
import { createEngine } from '../../server/src/engine';
import { createPool } from '../../server/src/retrieval/postgres/connection';
import { ingestFolders } from '../../server/src/retrieval/postgres/ingest';
import { PostgresRetrieval } from '../../server/src/retrieval/postgres/pgRetrieval';
import { RetrievalError } from '../../server/src/retrieval/retrieval';
import { bundledSourcesDir, loadSourceLibrary } from '../../server/src/sources/loadSources';
import type { RankedSource } from '../../server/src/model';
import { ServerCommands } from '../../server/src/protocol';
import { ensureBuilt, grounded, ROOT } from '../cli/run';
import { LspClient, ensureServerBuilt, positionOf } from '../lsp/harness';
import { skipUnlessDatabase, startDatabase, type TestDatabase } from './cluster';

const EVAL_DIR = process.env.GROUNDED_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval');
const DRAFTS = join(ROOT, 'test', 'fixtures', 'drafts');
const EMPTY = { sources: [], problems: [] };

describe('PostgreSQL archive', { skip: skipUnlessDatabase() }, () => {
  let db: TestDatabase;
  before(async () => {
    db = await startDatabase();
    const pool = createPool(db.url);
    const report = await ingestFolders(pool, [bundledSourcesDir()]);
    await pool.end();
    assert.equal(report.problems.length, 0);
    assert.ok(report.added > 0);
  });
  after(async () => {
    await db?.stop();
  });

  test('re-ingesting unchanged folders writes nothing', async () => {
    const pool = createPool(db.url);
    const report = await ingestFolders(pool, [bundledSourcesDir()]);
    await pool.end();
    assert.equal(report.added + report.updated + report.removed, 0);
    assert.equal(report.unchanged, loadSourceLibrary({ dirs: [], includeBundled: true }).sources.length);
  });

  test('the same verdicts and evidence as the embedded index, claim by claim (claims-dev)', async (t) => {
    const path = join(EVAL_DIR, 'claims-dev.jsonl');
    if (!existsSync(path)) return t.skip(`no ${path}`);
    const claims = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
    const embedded = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }), { cacheVerdicts: false });
    const retrieval = new PostgresRetrieval(db.url);
    try {
      const viaDatabase = createEngine(EMPTY, { retrieval, cacheVerdicts: false });
      await viaDatabase.prepareClaims!(claims);
      for (const claim of claims) assert.deepEqual(viaDatabase.checkClaim(claim), embedded.checkClaim(claim), claim);
    } finally {
      await retrieval.close();
    }
  });

  test('the same reports for the fixture drafts, one round trip each', async () => {
    const embedded = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
    const retrieval = new PostgresRetrieval(db.url);
    let roundTrips = 0;
    const counting = { description: retrieval.description, close: () => retrieval.close(), retrieve: (r: Parameters<typeof retrieval.retrieve>[0]) => (roundTrips++, retrieval.retrieve(r)) };
    try {
      const viaDatabase = createEngine(EMPTY, { retrieval: counting });
      const drafts = readdirSync(DRAFTS).filter((name) => name.endsWith('.md'));
      for (const name of drafts) {
        const text = readFileSync(join(DRAFTS, name), 'utf8');
        await viaDatabase.prepareDraft!(text);
        const report = viaDatabase.checkDraft(text, name);
        assert.deepEqual(stripPaths(report), stripPaths(embedded.checkDraft(text, name)), name);
      }
      assert.equal(roundTrips, drafts.length);
    } finally {
      await retrieval.close();
    }
  });

  test('local sources and the archive together are one library', async () => {
    // Half the bundled articles locally, the archive holding all: the same verdicts as all of them locally.
    const all = loadSourceLibrary({ dirs: [], includeBundled: true });
    const retrieval = new PostgresRetrieval(db.url);
    try {
      const text = readFileSync(join(DRAFTS, 'mixed.md'), 'utf8');
      const engine = createEngine({ sources: all.sources.slice(0, 2), problems: [] }, { retrieval });
      await engine.prepareDraft!(text);
      const verdicts = engine.checkDraft(text, 'mixed.md').claims.map((c) => c.verdict);
      assert.deepEqual(verdicts, createEngine(all).checkDraft(text, 'mixed.md').claims.map((c) => c.verdict));
    } finally {
      await retrieval.close();
    }
  });

  test('a changed file is replaced and a deleted one removed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grounded-archive-'));
    const pool = createPool(db.url);
    try {
      writeFileSync(join(folder, 'a.md'), '---\nid: extra-a\ntitle: A\n---\nThe mayor of Springfield opened a bridge on Monday.\n');
      writeFileSync(join(folder, 'b.md'), '---\nid: extra-b\ntitle: B\n---\nThe council of Shelbyville approved a budget of 40 million dollars.\n');
      assert.equal((await ingestFolders(pool, [folder])).added, 2);
      // A backslash and a tab: what COPY's text format escapes.
      writeFileSync(join(folder, 'a.md'), '---\nid: extra-a\ntitle: A\n---\nThe mayor of Springfield closed the \\ bridge\ton Tuesday.\n');
      utimesSync(join(folder, 'a.md'), new Date(), new Date(Date.now() + 5000));
      rmSync(join(folder, 'b.md'));
      const report = await ingestFolders(pool, [folder]);
      assert.deepEqual([report.added, report.updated, report.removed], [0, 1, 1]);
      const { rows } = await pool.query("SELECT s.id, p.text FROM grounded.sources s JOIN grounded.passages p ON p.source_key = s.key WHERE s.id LIKE 'extra-%'");
      const loaded = loadSourceLibrary({ dirs: [folder], includeBundled: false }).sources[0]!;
      assert.deepEqual(rows, loaded.passages.map((passage) => ({ id: 'extra-a', text: passage.text })));
      assert.match(rows[0]!.text, /the \\ bridge/);
      // The replaced and the removed article's passages are gone with them, though a first ingest loads without the
      // reference to their source; the reference and the search index are there again afterwards.
      const orphans = await pool.query('SELECT count(*) AS n FROM grounded.passages p WHERE NOT EXISTS (SELECT 1 FROM grounded.sources s WHERE s.key = p.source_key)');
      assert.equal(Number(orphans.rows[0].n), 0);
      const built = await pool.query("SELECT (SELECT count(*) FROM pg_constraint WHERE conname = 'passages_source_key_fkey') AS reference, to_regclass('grounded.passages_stems') IS NOT NULL AS search_index");
      assert.deepEqual(built.rows[0], { reference: '1', search_index: true });
      // Term statistics follow: nothing of the removed article is left counted.
      const terms = await pool.query("SELECT df FROM grounded.terms WHERE stem = 'shelbyvill' OR stem = 'shelbyville'");
      assert.ok(terms.rows.every((r: { df: string }) => Number(r.df) === 0));
      assert.equal((await ingestFolders(pool, [folder])).unchanged, 1);
    } finally {
      await ingestFolders(pool, [folder]).catch(() => {});
      rmSync(folder, { recursive: true, force: true });
      // The folder is gone: its articles go too.
      await ingestFolders(pool, [folder]);
      await pool.end();
    }
  });

  test('a read-only role can check', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("DO $$ BEGIN CREATE ROLE grounded_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    await admin.query('GRANT USAGE ON SCHEMA grounded TO grounded_reader');
    await admin.query('GRANT SELECT ON ALL TABLES IN SCHEMA grounded TO grounded_reader');
    await admin.end();
    const url = new URL(db.url);
    url.username = 'grounded_reader';
    const retrieval = new PostgresRetrieval(url.toString());
    try {
      const engine = createEngine(EMPTY, { retrieval });
      const text = readFileSync(join(DRAFTS, 'supported.md'), 'utf8');
      await engine.prepareDraft!(text);
      assert.ok(engine.checkDraft(text, 'supported.md').claims.some((c) => c.verdict === 'supported'));
    } finally {
      await retrieval.close();
    }
  });

  test('grounded check --database: the archive\'s verdicts; GROUNDED_DATABASE_URL does the same', () => {
    ensureBuilt();
    const draft = join(DRAFTS, 'mixed.md');
    const local = grounded(['check', draft, '--format', 'json', '--fail-on', 'none']);
    const viaOption = grounded(['check', draft, '--format', 'json', '--fail-on', 'none', '--no-bundled-sources', '--database', db.url]);
    assert.equal(viaOption.status, 0, viaOption.stderr);
    const verdicts = (out: string) => (JSON.parse(out) as { files: { claims: { verdict: string }[] }[] }).files[0]!.claims.map((c) => c.verdict);
    assert.deepEqual(verdicts(viaOption.stdout), verdicts(local.stdout));
    const viaEnv = grounded(['check', draft, '--format', 'json', '--fail-on', 'none', '--no-bundled-sources'], { env: { GROUNDED_DATABASE_URL: db.url } });
    assert.deepEqual(verdicts(viaEnv.stdout), verdicts(local.stdout));
  });

  test('a project config naming the archive (sources.database) checks against it, as --database does', (t) => {
    ensureBuilt();
    const project = mkdtempSync(join(tmpdir(), 'grounded-db-project-'));
    t.after(() => rmSync(project, { recursive: true, force: true }));
    writeFileSync(join(project, '.grounded.yaml'), `sources:\n  includeBundled: false\n  database: ${JSON.stringify(db.url)}\n`);
    writeFileSync(join(project, 'draft.md'), readFileSync(join(DRAFTS, 'mixed.md'), 'utf8'));
    const viaConfig = grounded(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], { cwd: project });
    assert.equal(viaConfig.status, 0, viaConfig.stderr);
    assert.equal(viaConfig.stderr, '', 'the config has no problem');
    const local = grounded(['check', join(DRAFTS, 'mixed.md'), '--format', 'json', '--fail-on', 'none']);
    const verdicts = (out: string) => (JSON.parse(out) as { files: { claims: { verdict: string }[] }[] }).files[0]!.claims.map((c) => c.verdict);
    assert.deepEqual(verdicts(viaConfig.stdout), verdicts(local.stdout));
  });
  test('the language server checks against the archive a project config names, and ranks sources from it', async (t) => {
    ensureServerBuilt();
    const text = readFileSync(join(DRAFTS, 'mixed.md'), 'utf8');
    const local = await serverDiagnostics(t, { includeBundled: true }, text);
    const archive = await serverDiagnostics(t, { includeBundled: false, database: db.url }, text, async (client, uri) => {
      const status = await client.waitForStatus(uri, (s) => s.counts !== undefined);
      assert.equal(status.state, 'ready', status.message);
      // Insert Citation's ranking: the archive's sources, asked for the sentence.
      const ranked = await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, uri, positionOf(text, 'both parties'));
      assert.ok(ranked.some((source) => source.id === 'ap-norway-barbados-talks' && source.verdict === 'supported'), JSON.stringify(ranked));
    });
    assert.deepEqual(archive, local);
  });

  test('the language server falls back to the local sources when the archive cannot be reached, and says so', async (t) => {
    ensureServerBuilt();
    const text = readFileSync(join(DRAFTS, 'mixed.md'), 'utf8');
    const local = await serverDiagnostics(t, { includeBundled: true }, text);
    const fallback = await serverDiagnostics(t, { includeBundled: true, database: 'postgresql://nobody@127.0.0.1:1/none' }, text, async (client, uri) => {
      const status = await client.waitForStatus(uri, (s) => s.counts !== undefined);
      assert.equal(status.state, 'error');
      assert.match(status.message ?? '', /archive could not be reached.*local sources only.*127\.0\.0\.1:1/);
    });
    assert.deepEqual(fallback, local, 'the bundled sources\' verdicts, never "unsupported everywhere"');
  });
});

/** The diagnostics the real server (over stdio) publishes for a draft in a project whose config says `sources`. */
async function serverDiagnostics(
  t: TestContext,
  sources: Record<string, unknown>,
  text: string,
  more?: (client: LspClient, uri: string) => Promise<void>,
): Promise<Diagnostic[]> {
  const project = mkdtempSync(join(tmpdir(), 'grounded-lsp-archive-'));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  writeFileSync(join(project, '.grounded.yaml'), `sources: ${JSON.stringify(sources)}\n`);
  const uri = pathToFileURL(join(project, 'draft.md')).href;
  writeFileSync(join(project, 'draft.md'), text);
  const client = await LspClient.start({ workspaceFolders: [project] });
  try {
    const diagnostics = await client.openAndWait(uri, text);
    await more?.(client, uri);
    return diagnostics;
  } finally {
    await client.stop();
  }
}

describe('an unreachable database', () => {
  const url = 'postgresql://nobody@127.0.0.1:1/none';

  test('the engine rejects with a RetrievalError, never a verdict', async () => {
    const retrieval = new PostgresRetrieval(url);
    try {
      const engine = createEngine(EMPTY, { retrieval });
      await assert.rejects(engine.prepareDraft!('Maduro met Guaido in Oslo.'), (error) => error instanceof RetrievalError && /127\.0\.0\.1:1/.test(error.message));
      assert.throws(() => engine.checkClaim('Maduro met Guaido in Oslo.'), RetrievalError);
    } finally {
      await retrieval.close();
    }
  });

  test('grounded check prints one message and exits 2', () => {
    ensureBuilt();
    const result = grounded(['check', join(DRAFTS, 'mixed.md'), '--database', url]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^grounded: error: PostgreSQL at 127\.0\.0\.1:1\/none: retrieval failed: .*ECONNREFUSED.*is the server running/);
  });
});

function stripPaths<T>(report: T): T {
  return JSON.parse(JSON.stringify(report, (key, value) => (key === 'path' ? undefined : value))) as T;
}

