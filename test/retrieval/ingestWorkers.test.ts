// `grounded index` reading its files in worker threads writes exactly what reading them in one thread writes: the same
// sources, passages, terms and problems, in the same order; and the CLI bundle starts its workers from itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ingestFolders, type IngestReport } from '../../server/src/retrieval/postgres/ingest';
import { writeSyntheticArticles } from '../../scripts/syntheticArticles';
import { ensureBuilt, grounded } from '../cli/run';
import { archiveRows, scratchArchive, skipUnlessDatabase } from './cluster';

describe('ingest in worker threads', { skip: skipUnlessDatabase() }, () => {
  const scratch = scratchArchive('grounded-workers-');
  before(() => {
    writeSyntheticArticles(scratch.folder, 120);
    // A file the loader refuses and one whose id another file has: both reported, in the same order either way.
    writeFileSync(join(scratch.folder, '000', 'empty.md'), '---\nid: empty\n---\n');
    writeFileSync(join(scratch.folder, '000', 'zz-duplicate.md'), '---\nid: archive-3\n---\nA sentence that says something.\n');
  });

  test('the same archive and report with two workers as with none', async () => {
    const { pool, folder } = scratch;
    const ingest = async (workers: number): Promise<[IngestReport, unknown[]]> => {
      await pool.query('DROP SCHEMA IF EXISTS grounded CASCADE');
      const report = await ingestFolders(pool, [folder], undefined, { workers });
      return [report, await archiveRows(pool)];
    };
    const [inThread, expected] = await ingest(0);
    const [withWorkers, actual] = await ingest(2);
    assert.equal(inThread.added, 120);
    assert.equal(inThread.problems.length, 2);
    assert.deepEqual({ ...withWorkers, seconds: 0 }, { ...inThread, seconds: 0 });
    assert.deepEqual(actual, expected);
  });

  test('a file touched but not changed is recognised by its hash in a worker', async () => {
    const { pool, folder } = scratch;
    await pool.query('DROP SCHEMA IF EXISTS grounded CASCADE');
    await ingestFolders(pool, [folder], undefined, { workers: 2 });
    const path = join(folder, '000', 'a5.md');
    const { readFileSync } = await import('node:fs');
    writeFileSync(path, readFileSync(path)); // same bytes, new modification time
    const report = await ingestFolders(pool, [folder], undefined, { workers: 2 });
    assert.equal(report.added + report.updated + report.removed, 0);
    assert.equal(report.unchanged, 120);
  });

  test('grounded index: the CLI bundle reads a large folder in workers started from itself', () => {
    ensureBuilt();
    const large = mkdtempSync(join(tmpdir(), 'grounded-workers-cli-'));
    try {
      writeSyntheticArticles(large, 600, 'cli');
      const result = grounded(['index', '--database', scratch.db.url, large]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout + result.stderr, /600 added/);
    } finally {
      rmSync(large, { recursive: true, force: true });
    }
  });
});
