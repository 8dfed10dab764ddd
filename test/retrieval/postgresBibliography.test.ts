// `grounded index` and a folder's bibliography file: the sources it names get the metadata their front matter leaves
// out, exactly as in a local library (the loader's applyBibliographies), an entry without a source file stays out
// of the archive, and a changed bibliography file updates the metadata of files that did not change. Needs
// PostgreSQL: see cluster.ts.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPool } from '../../server/src/retrieval/postgres/connection';
import { ingestFolders } from '../../server/src/retrieval/postgres/ingest';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { ROOT } from '../cli/run';
import { skipUnlessDatabase, startDatabase, type TestDatabase } from './cluster';

const CSL = join(ROOT, 'test', 'fixtures', 'sources', 'bibliography', 'csl');

describe('PostgreSQL archive: bibliography files', { skip: skipUnlessDatabase() }, () => {
  let db: TestDatabase;
  let folder: string;
  before(async () => {
    db = await startDatabase();
    folder = mkdtempSync(join(tmpdir(), 'grounded-archive-bibliography-'));
    cpSync(CSL, folder, { recursive: true });
  });
  after(async () => {
    await db?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function archived(): Promise<Record<string, Record<string, string>>> {
    const pool = createPool(db.url);
    try {
      const { rows } = await pool.query<{ id: string; metadata: Record<string, string> }>('SELECT id, metadata FROM grounded.sources ORDER BY id');
      return Object.fromEntries(rows.map((row) => [row.id, row.metadata]));
    } finally {
      await pool.end();
    }
  }

  async function ingest() {
    const pool = createPool(db.url);
    try {
      return await ingestFolders(pool, [folder]);
    } finally {
      await pool.end();
    }
  }

  test('the archive holds the metadata a local library gives the same folder; entries without text stay out', async () => {
    const report = await ingest();
    assert.deepEqual(report.problems, []);
    const local = loadSourceLibrary({ dirs: [folder], includeBundled: false });
    const expected = Object.fromEntries(
      local.sources.map((source) => {
        const metadata: Record<string, string> = { title: source.title };
        for (const key of ['outlet', 'author', 'dateline', 'date', 'url'] as const) if (source[key] !== undefined) metadata[key] = source[key]!;
        return [source.id, metadata];
      }),
    );
    const rows = await archived();
    assert.deepEqual(rows, expected);
    assert.equal(rows['ferry-strike-vote']?.outlet, 'The Orrin Gazette (fictional)', 'an outlet only the bibliography states');
    assert.ok(!Object.keys(rows).some((id) => id.startsWith('ghost-')));
  });

  test('a changed bibliography file reaches the files that did not change; an unchanged one leaves them alone', async () => {
    assert.equal((await ingest()).unchanged, Object.keys(await archived()).length);
    writeFileSync(
      join(folder, 'zotero.json'),
      JSON.stringify([{ id: 'ferry-strike-vote', type: 'article-newspaper', title: 'T', 'container-title': 'Orrin Weekly (fictional)' }]),
    );
    const report = await ingest();
    assert.equal(report.updated, 3, 'every file of the folder read again');
    const rows = await archived();
    assert.equal(rows['ferry-strike-vote']?.outlet, 'Orrin Weekly (fictional)');
    assert.equal(rows['library-roof-repairs']?.outlet, loadSourceLibrary({ dirs: [folder], includeBundled: false }).sources.find((s) => s.id === 'library-roof-repairs')?.outlet);
  });
});
