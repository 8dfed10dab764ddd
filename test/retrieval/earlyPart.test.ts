// A large archive's early part (its first passages, with a search index of their own, from which a common term's
// candidates are read): an ingest makes it, retrieval through it returns what retrieval without it returns, and an
// archive from before it (schema version 2) gets it at its next ingest. The early part is made small here, so that
// the bundled articles are "large".
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Pool } from 'pg';
import { createEngine } from '../../server/src/engine';
import { createPool } from '../../server/src/retrieval/postgres/connection';
import { ingestFolders } from '../../server/src/retrieval/postgres/ingest';
import { PostgresRetrieval } from '../../server/src/retrieval/postgres/pgRetrieval';
import type { RetrievalBatch, RetrievalRequest } from '../../server/src/retrieval/retrieval';
import { EARLY_PART_VERSION, EARLY_STEMS_INDEX, schemaVersion } from '../../server/src/retrieval/postgres/schema';
import { bundledSourcesDir } from '../../server/src/sources/loadSources';
import { ROOT } from '../cli/run';
import { skipUnlessDatabase, startDatabase, type TestDatabase } from './cluster';

const CLAIMS = join(process.env.GROUNDED_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval'), 'claims-dev.jsonl');
const EARLY = 20;

class Recording extends PostgresRetrieval {
  readonly batches: RetrievalBatch[] = [];
  override async retrieve(request: RetrievalRequest): Promise<RetrievalBatch> {
    const batch = await super.retrieve(request);
    this.batches.push(batch);
    return batch;
  }
}

describe("a large archive's early part", { skip: skipUnlessDatabase() }, () => {
  let db: TestDatabase;
  let pool: Pool;
  before(async () => {
    db = await startDatabase();
    pool = createPool(db.url);
    await ingestFolders(pool, [bundledSourcesDir()], undefined, { earlyPassages: EARLY });
  });
  after(async () => {
    await pool?.end();
    await db?.stop();
  });

  const earlyEnd = async () => (await pool.query<{ early_end: string | null }>('SELECT early_end FROM grounded.corpus')).rows[0]!.early_end;
  const earlyIndex = async () => (await pool.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE indexname = $1', [EARLY_STEMS_INDEX])).rows[0]?.indexdef;

  /** Each development claim's retrieval batch, one claim a round trip. */
  async function batches(t: TestContext): Promise<RetrievalBatch[] | undefined> {
    if (!existsSync(CLAIMS)) {
      t.skip(`no ${CLAIMS}`);
      return undefined;
    }
    const claims = readFileSync(CLAIMS, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
    const retrieval = new Recording(db.url);
    try {
      const engine = createEngine({ sources: [], problems: [] }, { retrieval, cacheVerdicts: false });
      for (const claim of claims) await engine.prepareClaims!([claim]);
      return retrieval.batches;
    } finally {
      await retrieval.close();
    }
  }

  test('an ingest gives an archive of at least twice its size an early part, its end and index together', async () => {
    const end = await earlyEnd();
    assert.notEqual(end, null);
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM grounded.passages ORDER BY id LIMIT $1', [EARLY]);
    assert.equal(end, rows[EARLY - 1]!.id);
    assert.match((await earlyIndex()) ?? '', new RegExp(`WHERE \\(\\(id \\+ 0\\) <= \\(${end}\\)::bigint\\)`));
  });

  test('retrieval through the early part returns what retrieval without it returns (claims-dev)', async (t) => {
    const withEarly = await batches(t);
    if (!withEarly) return;
    const end = await earlyEnd();
    await pool.query('UPDATE grounded.corpus SET early_end = NULL');
    try {
      const without = await batches(t);
      assert.ok(withEarly.some((batch) => batch.candidates.some((list) => list.length > 0)), 'some claim has candidates');
      assert.deepEqual(withEarly, without);
    } finally {
      await pool.query('UPDATE grounded.corpus SET early_end = $1', [end]);
    }
  });

  test('an archive of version 2 is read as before and gets its early part at its next ingest', async () => {
    await pool.query(`DROP INDEX grounded.${EARLY_STEMS_INDEX}`);
    await pool.query('ALTER TABLE grounded.corpus DROP COLUMN early_end');
    await pool.query('DELETE FROM grounded.migrations WHERE version >= $1', [EARLY_PART_VERSION]);
    assert.equal(await schemaVersion(pool), EARLY_PART_VERSION - 1);
    const retrieval = new PostgresRetrieval(db.url);
    try {
      const engine = createEngine({ sources: [], problems: [] }, { retrieval, cacheVerdicts: false });
      await engine.prepareClaims!(['Maduro met Guaido in Oslo.']);
      assert.notEqual(engine.checkClaim('Maduro met Guaido in Oslo.').evidence.length, 0);
    } finally {
      await retrieval.close();
    }
    const report = await ingestFolders(pool, [bundledSourcesDir()], undefined, { earlyPassages: EARLY });
    assert.equal(report.added + report.updated + report.removed, 0);
    assert.equal(await schemaVersion(pool), EARLY_PART_VERSION);
    assert.notEqual(await earlyEnd(), null);
    assert.ok(await earlyIndex());
  });
});
