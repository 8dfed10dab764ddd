import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Source, SourceLibrary } from '../../server/src/model';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { findSourceFiles } from '../../server/src/sources/findSourceFiles';
import { normaliseUrl, parseCslJson } from '../../server/src/sources/bibliographyFiles';

const fixtures = join(__dirname, '..', 'fixtures', 'sources', 'bibliography');
const bundledOnly = loadSourceLibrary({ dirs: [], includeBundled: true });

function load(folder: string): SourceLibrary {
  return loadSourceLibrary({ dirs: [join(fixtures, folder)], includeBundled: true });
}

function sourceById(library: SourceLibrary, id: string): Source {
  const source = library.sources.find((candidate) => candidate.id === id);
  assert.ok(source, `no source "${id}" among ${library.sources.map((s) => s.id).join(', ')}`);
  return source;
}

/** A source's metadata alone. */
function metadata(source: Source) {
  const { passages: _passages, excluded: _excluded, path: _path, bundled: _bundled, ...fields } = source;
  return fields;
}

test('a folder\'s .json and .bib files are bibliographies, not sources', () => {
  const listing = findSourceFiles(join(fixtures, 'csl'));
  assert.deepEqual(listing.bibliographies, [join(fixtures, 'csl', 'zotero.json')]);
  assert.ok(listing.files.every((file) => file.endsWith('.md')));
  assert.deepEqual(findSourceFiles(join(fixtures, 'bibtex', 'library.bib')).bibliographies, [join(fixtures, 'bibtex', 'library.bib')]);
});

test('CSL-JSON: an entry matched by id fills the fields the front matter leaves out; the front matter title wins', () => {
  const library = load('csl');
  assert.deepEqual(library.problems, []);
  assert.deepEqual(metadata(sourceById(library, 'ferry-strike-vote')), {
    id: 'ferry-strike-vote',
    title: 'Ferry crews on the fictional Lake Orrin vote to strike',
    outlet: 'The Orrin Gazette (fictional)',
    author: 'Ada Example and Ben van Sample',
    date: '2031-04-02',
  });
});

test('CSL-JSON: an entry matched by file name (any case) gives the title a headline stood in for; the stated outlet wins', () => {
  assert.deepEqual(metadata(sourceById(load('csl'), 'roof-repairs')), {
    id: 'roof-repairs',
    title: 'Orrin library to close for six weeks of roof repairs',
    outlet: 'Orrin Weekly (fictional)',
    date: 'Spring 2031',
  });
});

test('CSL-JSON: a Zotero item is matched by its URL (host case, www. and trailing slash aside); the stated URL stays', () => {
  assert.deepEqual(metadata(sourceById(load('csl'), 'market-reopens')), {
    id: 'market-reopens',
    title: "Orrin's covered market reopens after the flood",
    url: 'https://www.example.org/orrin/market-reopens/',
    outlet: 'Orrin Evening Post (fictional)',
    author: 'Orrin Post staff',
    date: '2031-06',
  });
});

test('entries for the bundled sources, written from their front matter, change nothing and are not listed as without text', () => {
  for (const folder of ['csl', 'bibtex']) {
    const library = load(folder);
    for (const source of bundledOnly.sources) assert.deepEqual(metadata(sourceById(library, source.id)), metadata(source), `${folder}: ${source.id}`);
    assert.ok(library.withoutText?.every((entry) => entry.id.startsWith('ghost-')), `${folder}: ${JSON.stringify(library.withoutText)}`);
  }
});

test('BibTeX (Better BibTeX style): an entry fills the unstated fields; the front matter title wins', () => {
  const library = load('bibtex');
  assert.deepEqual(library.problems, []);
  assert.deepEqual(metadata(sourceById(library, 'harbour-dredging')), {
    id: 'harbour-dredging',
    title: 'Orrin harbour to be dredged before the summer season',
    outlet: 'The Orrin Gazette (fictional)',
    author: 'Ada Example and Ben Sample',
    date: '2031-03-14',
    url: 'https://example.org/orrin/harbour-dredging',
  });
});

test('entries that name no source file are listed as without text and are never evidence', () => {
  const csl = load('csl');
  assert.deepEqual(csl.withoutText, [{ id: 'ghost-bridge-closure', title: 'Orrin bridge closes for a year', path: join(fixtures, 'csl', 'zotero.json') }]);
  const bibtex = load('bibtex');
  assert.deepEqual(bibtex.withoutText, [{ id: 'ghost-ferry-timetable', title: 'New Orrin ferry timetable from June', path: join(fixtures, 'bibtex', 'library.bib') }]);
  for (const library of [csl, bibtex]) {
    assert.ok(!library.sources.some((source) => source.id.startsWith('ghost-')));
    assert.ok(!library.sources.some((source) => source.passages.some((passage) => passage.sourceId.startsWith('ghost-') || /bridge closes|ferry timetable/i.test(passage.text))));
    assert.equal(library.sources.length, bundledOnly.sources.length + (library === csl ? 3 : 1));
  }
});

test('a malformed CSL-JSON file is named with the line at fault; the sources still load', () => {
  const library = load('broken-json');
  assert.deepEqual(library.problems, [{ path: join(fixtures, 'broken-json', 'broken.json'), message: "broken CSL-JSON on line 5: Expected ',' or '}' after property value" }]);
  assert.deepEqual(metadata(sourceById(library, 'ferry-strike-vote')), { id: 'ferry-strike-vote', title: 'Ferry crews on the fictional Lake Orrin vote to strike' });
  assert.equal(library.sources.length, bundledOnly.sources.length + 1);
});

test('a malformed BibTeX file is named with the line citation-js gives; the sources still load', () => {
  const library = load('broken-bib');
  assert.equal(library.problems.length, 1);
  assert.equal(library.problems[0]!.path, join(fixtures, 'broken-bib', 'broken.bib'));
  assert.match(library.problems[0]!.message, /^broken BibTeX on line \d+: /);
  assert.deepEqual(metadata(sourceById(library, 'harbour-dredging')), { id: 'harbour-dredging', title: 'Orrin harbour to be dredged before the summer season' });
});

test('CSL-JSON that is not an array of items, or breaks off, is named', () => {
  assert.deepEqual(parseCslJson('{"id": "a"}'), { problem: 'not a CSL-JSON bibliography: the file must hold an array of items' });
  const cut = parseCslJson('[\n  {\n    "id": "a",\n');
  assert.ok('problem' in cut && cut.problem.startsWith('broken CSL-JSON on line 4'), JSON.stringify(cut));
});

test('URLs compare without host case, "www." or a trailing slash', () => {
  assert.equal(normaliseUrl('https://WWW.Example.org/a/b/'), normaliseUrl('https://example.org/a/b'));
  assert.notEqual(normaliseUrl('https://example.org/a'), normaliseUrl('https://example.org/b'));
});

test('a library without bibliography files lists nothing without text', () => {
  assert.deepEqual(bundledOnly.withoutText, []);
});

test('citation-js is loaded only when a .bib file is met', async () => {
  const { execFileSync } = await import('node:child_process');
  const probe = (folder: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', '-e', `
      const { loadSourceLibrary } = require(${JSON.stringify(join(__dirname, '..', '..', 'server', 'src', 'sources', 'loadSources.ts'))});
      loadSourceLibrary({ dirs: [${JSON.stringify(join(fixtures, folder))}], includeBundled: true });
      process.stdout.write(String(Object.keys(require.cache).some((path) => path.includes('@citation-js'))));
    `], { encoding: 'utf8' });
  assert.equal(probe('csl'), 'false');
  assert.equal(probe('bibtex'), 'true');
});

test('a .json file that does not hold an array is not a bibliography: ignored like any file that is not a source', () => {
  const library = loadSourceLibrary({ dirs: [join(fixtures, '..', 'extra', 'notes.json')], includeBundled: false });
  assert.deepEqual(library, { sources: [], problems: [], withoutText: [] });
});
