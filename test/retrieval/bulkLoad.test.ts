// A small archive is loaded in bulk (one transaction, the terms written once at the end, the search index made
// afterwards); a larger one batch by batch. Both write the same archive, on a first ingest and on one that changes,
// adds and removes files. Needs PostgreSQL: see cluster.ts.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ingestFolders, type IngestOptions } from '../../server/src/retrieval/postgres/ingest';
import { writeSyntheticArticles } from '../../scripts/syntheticArticles';
import { archiveRows, scratchArchive, skipUnlessDatabase } from './cluster';

// Files written again carry these times, so that both ingests see the same sizes and times.
const BEFORE = new Date('2026-01-01T00:00:00Z');
const AFTER = new Date('2026-01-02T00:00:00Z');

describe('bulk load', { skip: skipUnlessDatabase() }, () => {
  const scratch = scratchArchive('grounded-bulk-');
  before(() => writeSyntheticArticles(scratch.folder, 60));

  test('the same archive in bulk as batch by batch, first and after changes', async () => {
    const { pool, folder } = scratch;
    const changed = join(folder, '000', 'a3.md');
    const removed = join(folder, '000', 'a7.md');
    const added = join(folder, '000', 'new.md');
    const original = { changed: readFileSync(changed), removed: readFileSync(removed) };
    const ingestTwice = async (options: IngestOptions) => {
      writeFileSync(changed, original.changed);
      writeFileSync(removed, original.removed);
      for (const path of [changed, removed]) utimesSync(path, BEFORE, BEFORE);
      rmSync(added, { force: true });
      await pool.query('DROP SCHEMA IF EXISTS grounded CASCADE');
      const first = await ingestFolders(pool, [folder], undefined, options);
      const afterFirst = await archiveRows(pool);
      writeFileSync(changed, `${original.changed.toString()}\nA sentence added at the end says 42 people came.\n`);
      rmSync(removed);
      writeFileSync(added, '---\nid: new-one\ntitle: New\n---\n\nAlmagro met Borges in Quito on Monday.\n');
      for (const path of [changed, added]) utimesSync(path, AFTER, AFTER);
      const second = await ingestFolders(pool, [folder], undefined, options);
      return { first: { ...first, seconds: 0 }, afterFirst, second: { ...second, seconds: 0 }, afterSecond: await archiveRows(pool) };
    };
    const batchByBatch = await ingestTwice({ workers: 0, bulkBelowSources: 0 });
    const bulk = await ingestTwice({ workers: 0 });
    assert.equal(batchByBatch.first.added, 60);
    assert.deepEqual([batchByBatch.second.added, batchByBatch.second.updated, batchByBatch.second.removed], [1, 1, 1]);
    assert.deepEqual(bulk, batchByBatch);
  });
});
