// An edit that arrives while the archive is still answering the previous check: the real language server over stdio,
// against a throwaway PostgreSQL. The archive's table is locked so that the first check's round trip is certainly in
// flight when the edit comes (its query is seen waiting on the lock), and the second check's round trip with it; both
// are answered together once the lock goes. Only the newer text's diagnostics may ever be published. Needs
// PostgreSQL: see cluster.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import type { RankedSource } from '../../server/src/model';
import { ServerCommands } from '../../server/src/protocol';
import { createPool } from '../../server/src/retrieval/postgres/connection';
import { ingestFolders } from '../../server/src/retrieval/postgres/ingest';
import { bundledSourcesDir } from '../../server/src/sources/loadSources';
import { LspClient, ROOT, ensureServerBuilt, positionOf } from '../lsp/harness';
import { skipUnlessDatabase, startDatabase, type TestDatabase } from './cluster';

const DRAFTS = join(ROOT, 'test', 'fixtures', 'drafts');

describe('an edit while the archive answers the previous check', { skip: skipUnlessDatabase() }, () => {
  let db: TestDatabase;
  before(async () => {
    db = await startDatabase();
    const pool = createPool(db.url);
    await ingestFolders(pool, [bundledSourcesDir()]);
    await pool.end();
  });
  after(async () => {
    await db?.stop();
  });

  test('the stale check is dropped: only the newer text\'s diagnostics are published', async (t) => {
    ensureServerBuilt();
    const first = readFileSync(join(DRAFTS, 'mixed.md'), 'utf8');
    const second = readFileSync(join(DRAFTS, 'supported.md'), 'utf8');
    const expected = await diagnosticsOf(t, db.url, second);

    const { client, uri } = await serverOn(t, db.url);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    t.after(() => admin.end());
    let version: number;
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE grounded.corpus IN ACCESS EXCLUSIVE MODE');
      client.open(uri, first);
      // One check of the first text at least (the library's first load may start it twice).
      const waiting = await waitForQueries(db.url, 'waiting', (n) => n >= 1);
      version = client.replaceText(uri, second);
      // The second check's round trip is in flight too: both are answered when the lock goes.
      await waitForQueries(db.url, 'waiting', (n) => n > waiting);
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK').catch(() => {});
      throw error;
    }
    const published = await client.waitForDiagnostics(uri, { version });
    // Both answers are in; one more round trip through the server, so the first check's answer has been handled.
    await waitForQueries(db.url, 'active', (n) => n === 0);
    await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, uri, positionOf(second, 'both parties'));

    const publications = client.diagnostics.seen.filter((p) => p.uri === uri);
    assert.deepEqual(publications.map((p) => p.version), [version], 'no diagnostics of the first text, before or after the edit');
    // The same as a check of the newer text alone.
    assert.deepEqual(published, expected);
    const status = await client.waitForStatus(uri, (s) => s.counts !== undefined);
    assert.equal(status.state, 'ready', status.message);
  });
});

/** A server whose project config names the archive only, and the URI of a draft in it (not yet open). */
async function serverOn(t: TestContext, url: string): Promise<{ client: LspClient; uri: string }> {
  const project = mkdtempSync(join(tmpdir(), 'grounded-lsp-stale-'));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  writeFileSync(join(project, '.grounded.yaml'), `sources: ${JSON.stringify({ includeBundled: false, database: url })}\n`);
  writeFileSync(join(project, 'draft.md'), '');
  const client = await LspClient.start({ workspaceFolders: [project] });
  t.after(() => client.stop());
  return { client, uri: pathToFileURL(join(project, 'draft.md')).href };
}

/** What a server of its own publishes for the text, nothing else happening. */
async function diagnosticsOf(t: TestContext, url: string, text: string) {
  const { client, uri } = await serverOn(t, url);
  return client.openAndWait(uri, text);
}

/**
 * Until the number of the server's queries waiting on a lock (or running) is one `accepts`; returns it. Polled: the
 * database says nothing when a query starts waiting.
 */
async function waitForQueries(url: string, what: 'waiting' | 'active', accepts: (count: number) => boolean): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const condition = what === 'waiting' ? "wait_event_type = 'Lock'" : "state = 'active'";
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'grounded' AND datname = current_database() AND ${condition}`);
      const count = Number(rows[0]!.n);
      if (accepts(count)) return count;
      if (attempt > 3000) throw new Error(`the server's ${what} queries stayed at ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await client.end();
  }
}
