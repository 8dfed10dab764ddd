// Sources a retrieval already holds (retrieval/postgres/heldSources.ts) are not sent again: a second round trip
// answers with the very Source objects of the first, the same text; an archive made again, its keys given to other
// files, is asked again rather than answered from what was held. Needs PostgreSQL: see cluster.ts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ingestFolders } from '../../server/src/retrieval/postgres/ingest';
import { PostgresRetrieval } from '../../server/src/retrieval/postgres/pgRetrieval';
import { claimQueries } from '../../server/src/retrieval/queries';
import type { RetrievalRequest } from '../../server/src/retrieval/retrieval';
import { scratchArchive, skipUnlessDatabase } from './cluster';

const CLAIM = 'Almagro met Borges in Quito on Monday.';
const request = (): RetrievalRequest => {
  const [query] = claimQueries(CLAIM);
  return { queries: [{ terms: query!.terms, k: 6 }], stems: query!.stems, citationKeys: [], citationUrls: [] };
};
const article = (sentence: string) => `---\nid: talks\ntitle: Talks\n---\n\n${sentence}\n\nThe talks went on for a week.\n`;

describe('sources held between round trips', { skip: skipUnlessDatabase() }, () => {
  const scratch = scratchArchive('grounded-held-');

  test('a second round trip answers with the sources of the first; an archive made again is asked again', async () => {
    const { db, pool, folder } = scratch;
    writeFileSync(join(folder, 'talks.md'), article('Almagro met Borges in Quito on Monday.'));
    await ingestFolders(pool, [folder]);
    const retrieval = new PostgresRetrieval(db.url);
    try {
      const first = await retrieval.retrieve(request());
      assert.deepEqual(first.sources.map((s) => s.id), ['talks']);
      const second = await retrieval.retrieve(request());
      assert.equal(second.sources[0], first.sources[0]);
      assert.deepEqual(second.candidates, first.candidates);

      // The same path and id under the same key, with other text: the held source is stale.
      await pool.query('DROP SCHEMA grounded CASCADE');
      writeFileSync(join(folder, 'talks.md'), article('Almagro met Borges in Quito on Tuesday.'));
      await ingestFolders(pool, [folder]);
      const third = await retrieval.retrieve(request());
      assert.notEqual(third.sources[0], first.sources[0]);
      assert.equal(third.sources[0]!.passages[0]!.text, 'Almagro met Borges in Quito on Tuesday.');
      assert.equal(third.candidates[0]![0]!.text, 'Almagro met Borges in Quito on Tuesday.');
    } finally {
      await retrieval.close();
    }
  });
});
