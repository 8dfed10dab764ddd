// `grounded bibliography`: the library's metadata on stdout as CSL-JSON (default) or BibTeX, keyed by source id.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, grounded } from './run';

before(ensureBuilt);

const FIXTURE_SOURCES = 'test/bibliography/fixtures/sources';

describe('grounded bibliography', () => {
  test('CSL-JSON by default: the bundled sources, by id', () => {
    const run = grounded(['bibliography']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const items = JSON.parse(run.stdout) as { id: string; type: string }[];
    assert.deepEqual(items.map((item) => item.id), [
      'ap-norway-barbados-talks',
      'arreaza-open-to-us-dialogue',
      'bbc-maduro-secret-talks-us',
      'maduro-secret-meetings-us',
      'venezuela-mexico-negotiations',
    ]);
    assert.ok(items.every((item) => item.type === 'article-newspaper'));
  });

  test('--sources and --no-bundled-sources choose the library; --format bibtex', () => {
    const csl = grounded(['bibliography', '--sources', FIXTURE_SOURCES, '--no-bundled-sources', '--format', 'csl-json']);
    assert.equal(csl.status, 0, csl.stderr);
    assert.deepEqual(JSON.parse(csl.stdout).map((item: { id: string }) => item.id), ['herald-talks-mexico', 'undated-note', 'wire-barbados-round']);
    const bibtex = grounded(['bibliography', '--sources', FIXTURE_SOURCES, '--no-bundled-sources', '--format=bibtex']);
    assert.equal(bibtex.status, 0, bibtex.stderr);
    assert.deepEqual([...bibtex.stdout.matchAll(/^@article\{([^,]+),$/gm)].map((m) => m[1]), ['herald-talks-mexico', 'undated-note', 'wire-barbados-round']);
    assert.match(bibtex.stdout, /author = \{Crespo, Veronica and Delgado, Antonio Maria\}/);
  });

  test('usage errors exit 2; a missing --sources folder is named', () => {
    const format = grounded(['bibliography', '--format', 'ris']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format must be one of csl-json, bibtex/);
    const extra = grounded(['bibliography', 'draft.md']);
    assert.equal(extra.status, 2);
    const missing = grounded(['bibliography', '--sources', 'no/such/folder']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/folder: --sources folder does not exist/);
    assert.equal(missing.stdout, '');
  });
});
