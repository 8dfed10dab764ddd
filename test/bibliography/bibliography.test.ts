// Bibliography out: the library as CSL-JSON (valid against the CSL-JSON schema's part we use, only the metadata the
// sources state) and as BibTeX (parsed back by citation-js's BibTeX plugin into the same entries); one source as a
// footnote line in a CSL style.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { cslItems, formatBibliography } from '../../server/src/bibliography/bibliography';
import { parseAuthors, parseIssued } from '../../server/src/bibliography/cslItem';
import { formatFootnote } from '../../server/src/bibliography/footnote';
import { FOOTNOTE_STYLES } from '../../server/src/bibliography/formats';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { validate, type Schema } from './jsonSchema';

const FIXTURES = join(__dirname, 'fixtures');
const SCHEMA = JSON.parse(readFileSync(join(FIXTURES, 'csl-data.schema.json'), 'utf8')) as Schema;
const fixtureLibrary = loadSourceLibrary({ dirs: [join(FIXTURES, 'sources')], includeBundled: false });
const bundledLibrary = loadSourceLibrary({ dirs: [], includeBundled: true });

describe('CSL-JSON', () => {
  test('the fixture sources and the bundled sources give valid CSL-JSON', () => {
    assert.deepEqual(fixtureLibrary.problems, []);
    for (const library of [fixtureLibrary, bundledLibrary]) {
      const items = JSON.parse(formatBibliography(library.sources, 'csl-json'));
      assert.deepEqual(validate(items, SCHEMA), []);
      assert.equal(items.length, library.sources.length);
    }
  });

  test('the schema check catches an invented field and a malformed date', () => {
    assert.notDeepEqual(validate([{ id: 'a', type: 'article-newspaper', publisher: 'X' }], SCHEMA), []);
    assert.notDeepEqual(validate([{ id: 'a', type: 'article-newspaper', issued: { 'date-parts': [['2021']] } }], SCHEMA), []);
  });

  test('each item holds exactly what its source states, keyed by the source id, sorted by id', () => {
    assert.deepEqual(cslItems(fixtureLibrary.sources), [
      {
        id: 'herald-talks-mexico',
        type: 'article-newspaper',
        title: 'Venezuelan officials and opposition open talks in Mexico City',
        'container-title': 'Miami Herald',
        author: [
          { family: 'Crespo', given: 'Veronica' },
          { family: 'Delgado', given: 'Antonio Maria' },
        ],
        issued: { 'date-parts': [[2021, 8, 13]] },
        URL: 'https://example.org/news/venezuela-talks-mexico',
      },
      {
        id: 'undated-note',
        type: 'article-newspaper',
        title: 'A note on the mediation, with <angle> & {braces} 50% #1',
        author: [{ family: 'Crespo', given: 'Veronica' }],
      },
      {
        id: 'wire-barbados-round',
        type: 'article-newspaper',
        title: 'Talks resume in Barbados after a pause',
        'container-title': 'Wire Service',
        author: [{ literal: 'Wire Service staff' }],
        issued: { 'date-parts': [[2019, 7]] },
      },
    ]);
    // The bundled sources state no date and (but one) no author: no item invents them; the dateline is no CSL field.
    for (const item of cslItems(bundledLibrary.sources)) {
      assert.equal('issued' in item, false);
      assert.deepEqual(Object.keys(item).filter((key) => !['id', 'type', 'title', 'container-title', 'author', 'URL'].includes(key)), []);
    }
  });

  test('names: family and given only where the name is plainly personal', () => {
    assert.deepEqual(parseAuthors('By Jane Doe'), [{ family: 'Doe', given: 'Jane' }]);
    assert.deepEqual(parseAuthors("Seán O'Neil & Jean-Luc Picard"), [
      { family: "O'Neil", given: 'Seán' },
      { family: 'Picard', given: 'Jean-Luc' },
    ]);
    assert.deepEqual(parseAuthors('Ana de la Cruz'), [{ literal: 'Ana de la Cruz' }]);
    assert.deepEqual(parseAuthors('Reuters'), [{ literal: 'Reuters' }]);
    assert.deepEqual(parseAuthors('AP staff'), [{ literal: 'AP staff' }]);
    assert.deepEqual(parseAuthors('John Smith, Jr.'), [{ literal: 'John Smith, Jr.' }]);
  });

  test('dates: date-parts when the text is a calendar date, else the text as a literal', () => {
    assert.deepEqual(parseIssued('2021-08-13'), { 'date-parts': [[2021, 8, 13]] });
    assert.deepEqual(parseIssued('2021-08-13T10:00:00Z'), { 'date-parts': [[2021, 8, 13]] });
    assert.deepEqual(parseIssued('Aug. 6, 2019'), { 'date-parts': [[2019, 8, 6]] });
    assert.deepEqual(parseIssued('6 September 2019'), { 'date-parts': [[2019, 9, 6]] });
    assert.deepEqual(parseIssued('2019'), { 'date-parts': [[2019]] });
    assert.deepEqual(parseIssued('2021-02-30'), { literal: '2021-02-30' });
    assert.deepEqual(parseIssued('Summer 2019'), { literal: 'Summer 2019' });
  });
});

describe('BibTeX', () => {
  test('one @article per source, keyed by the source id; parsed back, the same entries', () => {
    for (const library of [fixtureLibrary, bundledLibrary]) {
      const bibtex = formatBibliography(library.sources, 'bibtex');
      const keys = [...bibtex.matchAll(/^@article\{([^,]+),$/gm)].map((match) => match[1]);
      assert.deepEqual(keys, cslItems(library.sources).map((item) => item.id));
      const parsed = new Cite(bibtex).data.map((entry) => {
        const { _graph, 'citation-key': _key, type, ...rest } = entry as Record<string, unknown>;
        assert.equal(type, 'article-journal', 'BibTeX has no newspaper type: @article reads back as a journal article');
        return rest;
      });
      // BibTeX writes a name kept whole in braces ({Wire Service staff}), which reads back as a family name alone.
      const expected = cslItems(library.sources).map(({ type: _type, author, ...rest }) =>
        author ? { ...rest, author: author.map((name) => (name.literal ? { family: name.literal } : name)) } : rest,
      );
      assert.deepEqual(parsed, expected);
    }
  });

  test('an empty library gives an empty file', () => {
    assert.equal(formatBibliography([], 'bibtex'), '');
    assert.equal(formatBibliography([], 'csl-json'), '[]\n');
  });
});

describe('formatFootnote', () => {
  const [herald, undated, wire] = [...fixtureLibrary.sources].sort((a, b) => a.id.localeCompare(b.id));

  test('Chicago notes by default: author, "title," outlet, date, URL — one plain line', () => {
    assert.equal(
      formatFootnote(herald!),
      'Veronica Crespo and Antonio Maria Delgado, “Venezuelan officials and opposition open talks in Mexico City,” Miami Herald, August 13, 2021, https://example.org/news/venezuela-talks-mexico.',
    );
    assert.equal(formatFootnote(wire!), 'Wire Service staff, “Talks resume in Barbados after a pause,” Wire Service, July 2019.');
    assert.equal(formatFootnote(undated!), 'Veronica Crespo, “A note on the mediation, with <angle> & {braces} 50% #1.”');
  });

  test('the styles citation-js bundles', () => {
    assert.deepEqual([...FOOTNOTE_STYLES], ['chicago-note', 'apa', 'vancouver', 'harvard1']);
    assert.equal(
      formatFootnote(herald!, 'apa'),
      'Crespo, V., & Delgado, A. M. (2021, August 13). Venezuelan officials and opposition open talks in Mexico City. Miami Herald. https://example.org/news/venezuela-talks-mexico',
    );
    assert.match(formatFootnote(herald!, 'vancouver'), /^Crespo V, Delgado AM\. Venezuelan officials/);
    for (const style of FOOTNOTE_STYLES) assert.doesNotMatch(formatFootnote(wire!, style), /\n/);
  });
});
