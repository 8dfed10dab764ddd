// `grounded bibliography` with bibliography files among the sources, and with a project config's library.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, ensureBuilt, grounded } from '../cli/run';

before(ensureBuilt);

const FIXTURES = 'test/fixtures/sources/bibliography';

describe('grounded bibliography, bibliographies in', () => {
  test('an entry fills what the front matter leaves out; entries without text are counted on stderr, not exported', () => {
    const run = grounded(['bibliography', '--sources', `${FIXTURES}/csl`]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'grounded: 1 bibliography entry has no source text and is left out\n');
    const items = JSON.parse(run.stdout) as { id: string; title: string; 'container-title'?: string; issued?: unknown }[];
    assert.ok(!items.some((item) => item.id.startsWith('ghost-') || item.id.startsWith('http')));
    const ferry = items.find((item) => item.id === 'ferry-strike-vote');
    assert.equal(ferry?.title, 'Ferry crews on the fictional Lake Orrin vote to strike');
    assert.equal(ferry?.['container-title'], 'The Orrin Gazette (fictional)');
    assert.deepEqual(ferry?.issued, { 'date-parts': [[2031, 4, 2]] });
  });

  test('a broken bibliography file is named with its line; the export goes on', () => {
    const run = grounded(['bibliography', '--sources', `${FIXTURES}/broken-json`, '--no-bundled-sources']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /broken\.json: broken CSL-JSON on line 5: /);
    assert.deepEqual(JSON.parse(run.stdout).map((item: { id: string }) => item.id), ['ferry-strike-vote']);
  });

  test('without --sources, the .grounded.yaml of the current folder chooses the library', () => {
    const cwd = join(ROOT, 'test', 'fixtures', 'projects', 'newsroom', 'drafts');
    const run = grounded(['bibliography'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).map((item: { id: string }) => item.id), ['ap-norway-barbados-talks', 'maduro-secret-meetings-us']);
    const given = grounded(['bibliography', '--sources', join(ROOT, FIXTURES, 'bibtex'), '--no-bundled-sources'], { cwd });
    assert.equal(given.status, 0, given.stderr);
    assert.deepEqual(JSON.parse(given.stdout).map((item: { id: string }) => item.id), ['harbour-dredging']);
  });
});
