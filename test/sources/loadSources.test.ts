import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Source, SourceLibrary } from '../../server/src/model';
import { bundledSourcesDir, loadSourceLibrary, sourceFromText } from '../../server/src/sources/loadSources';

const fixtures = join(__dirname, '..', 'fixtures', 'sources', 'extra');
const bundled = loadSourceLibrary({ dirs: [], includeBundled: true });

function sourceById(library: SourceLibrary, id: string): Source {
  const source = library.sources.find((candidate) => candidate.id === id);
  assert.ok(source, `no source "${id}" among ${library.sources.map((s) => s.id).join(', ')}`);
  return source;
}

function fileLines(source: Source): string[] {
  return readFileSync(source.path, 'utf8').split('\n');
}

/** The 1-based file line of the body (front matter comments quote the text too) containing `fragment`, which must be unique. */
function lineContaining(source: Source, fragment: string): number {
  const lines = fileLines(source);
  const bodyStart = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  const matches = lines.flatMap((line, index) => (index >= bodyStart && line.includes(fragment) ? [index + 1] : []));
  assert.equal(matches.length, 1, `"${fragment}" should be on exactly one line of ${source.path}`);
  return matches[0];
}

test('bundledSourcesDir finds the package root sources/ folder from the unbundled code', () => {
  const dir = bundledSourcesDir();
  assert.equal(basename(dir), 'sources');
  assert.ok(existsSync(join(dirname(dir), 'package.json')));
  assert.ok(existsSync(join(dir, 'ap-norway-barbados-talks.md')));
});

test('the bundled library loads all five sources without problems', () => {
  assert.deepEqual(bundled.problems, []);
  assert.deepEqual(bundled.sources.map((source) => source.id).sort(), [
    'ap-norway-barbados-talks',
    'arreaza-open-to-us-dialogue',
    'bbc-maduro-secret-talks-us',
    'maduro-secret-meetings-us',
    'venezuela-mexico-negotiations',
  ]);
});

test('every passage is a verbatim sentence of its file line, numbered without gaps', () => {
  for (const source of bundled.sources) {
    const lines = fileLines(source);
    const excludedLines = new Set(source.excluded.map((entry) => entry.line));
    assert.ok(source.passages.length > 0, source.id);
    source.passages.forEach((passage, position) => {
      assert.equal(passage.sourceId, source.id);
      assert.equal(passage.index, position);
      assert.ok(lines[passage.line - 1].includes(passage.text), `${source.id}:${passage.line} lacks "${passage.text}"`);
      assert.ok(!excludedLines.has(passage.line), `${source.id}:${passage.line} is excluded yet has a passage`);
      assert.equal(passage.text, passage.text.trim());
      if (position > 0) {
        const previous = source.passages[position - 1];
        const step = passage.paragraph - previous.paragraph;
        assert.equal(step, passage.line === previous.line ? 0 : 1, `${source.id}:${passage.line} paragraph numbering`);
      }
    });
  }
});

test('a passage points at the right line of its file', () => {
  const source = sourceById(bundled, 'ap-norway-barbados-talks');
  const passage = source.passages.find((candidate) => candidate.text.includes('more than 50 nations that recognize Guaidó'));
  assert.ok(passage);
  assert.equal(passage.line, lineContaining(source, 'more than 50 nations that recognize Guaidó'));
  // Line 4 of the seed article, below the 9-line front matter.
  assert.equal(passage.line, 4 + 9);
  assert.match(passage.text, /^The announcement came days before U\.S\. National Security Adviser John Bolton/);
});

test('captions and the author bio of 004 never become passages', () => {
  const source = sourceById(bundled, 'venezuela-mexico-negotiations');
  const excludedRule = (fragment: string) => source.excluded.find((entry) => entry.line === lineContaining(source, fragment))?.rule;
  assert.equal(excludedRule('ARCHIVOS - Juan Guaido'), 'caption-credit'); // line 9 of the seed
  assert.equal(excludedRule('(AP Photo/Ariana Cubillos)'), 'caption-credit');
  assert.equal(excludedRule('met in Mexico to find common ground'), 'before-dateline');
  assert.equal(excludedRule('About the Authors:'), 'author-bio');
  assert.equal(excludedRule('Veronica Crespo writes for'), 'author-bio');
  assert.equal(excludedRule('Venezuelan officials, opposition leaders negotiate in Mexico'), 'headline');
  const allText = source.passages.map((passage) => passage.text).join('\n');
  for (const fragment of ['ARCHIVOS', 'AP Photo', 'Copyright', 'About the Authors', 'Veronica Crespo', 'find common ground']) {
    assert.ok(!allText.includes(fragment), `"${fragment}" reached the passages`);
  }
  assert.match(source.passages[0].text, /^BOGOTA – The Venezuelan government/);
  assert.match(source.passages.at(-1)!.text, /^Just this week, Peru offered to host the next round of talks/);
});

test("the BBC text's page furniture is excluded, each line by its rule", () => {
  const source = sourceById(bundled, 'bbc-maduro-secret-talks-us');
  const expected: Array<[string, string]> = [
    ['Venezuela crisis: President Maduro says he had secret talks with US', 'headline'],
    ['talks with the Trump administration. -AFP', 'caption-credit'],
    ['Skip Twitter post by @AmbJohnBolton', 'embed-navigation'],
    ['— John Bolton (@AmbJohnBolton) August 21, 2019', 'embed-signature'],
    ['- Venezuela crisis in 300 words', 'link-list'],
    ["- What's behind Venezuela's political crisis?", 'link-list'],
    ['What is the situation in Venezuela?', 'section-question'],
    ['Why is the US involved?', 'section-question'],
    ['- US sanctions may worsen Venezuela suffering UN', 'link-list'],
    ["- 'Corruption network' in Venezuela's food program", 'link-list'],
    ['Source: https://www.bbc.com/news/world-latin-america-49418451', 'source-line'],
    ['[Disclaimer]', 'bracketed-note'],
  ];
  const actual = expected.map(([fragment]) => [fragment, source.excluded.find((entry) => entry.line === lineContaining(source, fragment))?.rule]);
  assert.deepEqual(actual, expected);
  assert.equal(source.excluded.length, expected.length, 'no other line of the BBC text is excluded');
});

test('the caption of 003 and only it is excluded below the headline', () => {
  const source = sourceById(bundled, 'maduro-secret-meetings-us');
  assert.deepEqual(
    source.excluded.map((entry) => entry.rule),
    ['headline', 'caption-credit'],
  );
  assert.match(source.passages[0].text, /^MEXICO CITY: Venezuelan officials/);
});

test('the texts without headline or furniture keep every line as evidence', () => {
  for (const id of ['ap-norway-barbados-talks', 'arreaza-open-to-us-dialogue']) {
    const source = sourceById(bundled, id);
    assert.deepEqual(source.excluded, [], id);
  }
});

test('a folder of extra sources loads the good files and names every bad one', () => {
  const library = loadSourceLibrary({ dirs: [fixtures], includeBundled: false });
  assert.deepEqual(library.sources.map((source) => source.id), ['caracas-blackout-notes', 'own-article']);
  const problemOf = Object.fromEntries(library.problems.map((problem) => [problem.path.slice(fixtures.length + 1), problem.message]));
  assert.deepEqual(Object.keys(problemOf).sort(), ['binary.txt', 'blank-lines.txt', 'broken-yaml.md', 'empty.md', 'latin1.txt', 'nested/same-id-again.md']);
  assert.match(problemOf['binary.txt'], /binary/);
  assert.match(problemOf['blank-lines.txt'], /empty/);
  assert.match(problemOf['empty.md'], /empty/);
  assert.match(problemOf['latin1.txt'], /UTF-8/);
  assert.match(problemOf['broken-yaml.md'], /^broken front matter on line 3: /);
  assert.match(problemOf['nested/same-id-again.md'], /id "own-article" is already used by .*own-article\.md/);
  for (const source of library.sources) assert.equal(source.bundled, false);
});

test('a text file without front matter: id from the file name, title from its headline, its furniture excluded', () => {
  const library = loadSourceLibrary({ dirs: [fixtures], includeBundled: false });
  const source = sourceById(library, 'caracas-blackout-notes');
  assert.equal(source.title, 'Caracas Power Cut Leaves Millions Without Light');
  assert.equal(source.path, join(fixtures, 'caracas-blackout-notes.txt'));
  assert.deepEqual(
    source.excluded,
    [
      { line: 1, rule: 'headline' },
      { line: 3, rule: 'caption-credit' },
      { line: 6, rule: 'not-evidence-marker' },
      { line: 7, rule: 'not-evidence-marker' },
      { line: 11, rule: 'link-list' },
      { line: 12, rule: 'link-list' },
      { line: 14, rule: 'author-bio' },
      { line: 15, rule: 'author-bio' },
    ],
  );
  assert.deepEqual(
    source.passages.map(({ line, text, index, paragraph }) => ({ line, text, index, paragraph })),
    [
      { line: 5, text: 'CARACAS – A power cut left most of Caracas without electricity on Thursday night, the state power company said.', index: 0, paragraph: 0 },
      { line: 9, text: 'Officials blamed sabotage.', index: 1, paragraph: 1 },
      { line: 9, text: 'Engineers said ageing equipment was the more likely cause.', index: 2, paragraph: 1 },
    ],
  );
});

test('a Markdown source: front matter metadata, headings excluded, block markup kept out of passages', () => {
  const library = loadSourceLibrary({ dirs: [fixtures], includeBundled: false });
  const source = sourceById(library, 'own-article');
  assert.deepEqual(
    { title: source.title, outlet: source.outlet, date: source.date, author: source.author },
    { title: 'Opposition calls for new talks', outlet: 'Example Daily', date: '2019-09-02', author: undefined },
  );
  assert.deepEqual(source.excluded, [{ line: 7, rule: 'headline' }]);
  assert.deepEqual(
    source.passages.map(({ line, text }) => ({ line, text })),
    [
      { line: 9, text: 'The opposition called for new talks on Monday.' },
      { line: 9, text: 'Its leader said the talks would be held in Oslo.' },
      { line: 11, text: 'Mediators from Norway attended the first meeting.' },
    ],
  );
});

test('a missing folder is a problem, not an exception, and the others still load', () => {
  const missing = join(fixtures, 'does-not-exist');
  const library = loadSourceLibrary({ dirs: [missing, fixtures], includeBundled: true });
  assert.deepEqual(library.problems.filter((problem) => problem.path === missing), [{ path: missing, message: 'sources folder not found' }]);
  assert.equal(library.sources.length, 5 + 2);
  assert.deepEqual(library.sources.slice(0, 5).map((source) => source.bundled), [true, true, true, true, true]);
});

test('a folder given twice loads its files once', () => {
  const library = loadSourceLibrary({ dirs: [fixtures, join(fixtures, 'nested')], includeBundled: false });
  assert.deepEqual(library.sources.map((source) => source.id), ['caracas-blackout-notes', 'own-article']);
  assert.equal(library.problems.filter((problem) => problem.message.includes('already used')).length, 1);
});

test('hidden folders, node_modules and other extensions are skipped; a reused bundled id is reported', (t) => {
  // Built at run time: git ignores node_modules/, so a committed fixture of it would be missing from a clone.
  const root = mkdtempSync(join(tmpdir(), 'grounded-sources-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const article = 'Talks resumed in Oslo on Monday, the ministry said.\n';
  for (const folder of ['.git', 'node_modules/some-package', 'notes']) mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, '.git', 'ignored.md'), article);
  writeFileSync(join(root, 'node_modules', 'some-package', 'readme.md'), article);
  writeFileSync(join(root, 'notes', 'oslo.markdown'), article);
  writeFileSync(join(root, 'notes', 'data.csv'), 'a,b\n');
  writeFileSync(join(root, 'copy.md'), `---\nid: ap-norway-barbados-talks\n---\n${article}`);

  const library = loadSourceLibrary({ dirs: [root], includeBundled: true });
  const extra = library.sources.filter((source) => !source.bundled);
  assert.deepEqual(extra.map((source) => source.path), [join(root, 'notes', 'oslo.markdown')]);
  assert.deepEqual(library.problems.map((problem) => problem.path), [join(root, 'copy.md')]);
  assert.equal(sourceById(library, 'ap-norway-barbados-talks').bundled, true);
});

test('sourceFromText makes a source from raw text, lines counted from 1', () => {
  const text = 'Maduro Says Talks Went Well\n\nThe talks went well, Maduro said. They will resume in Oslo.\nSkip Twitter post by @someone\n';
  const source = sourceFromText('eval-article', text);
  assert.equal(source.id, 'eval-article');
  assert.equal(source.title, 'Maduro Says Talks Went Well');
  assert.equal(source.bundled, false);
  assert.equal(source.path, '');
  assert.deepEqual(source.excluded, [
    { line: 1, rule: 'headline' },
    { line: 4, rule: 'embed-navigation' },
  ]);
  assert.deepEqual(
    source.passages.map(({ line, text: passage }) => [line, passage]),
    [
      [3, 'The talks went well, Maduro said.'],
      [3, 'They will resume in Oslo.'],
    ],
  );
  // A text that opens with a sentence keeps it, and the id serves as title.
  const plain = sourceFromText('plain', 'WASHINGTON (AP) – Talks resumed.', '/tmp/plain.txt');
  assert.equal(plain.title, 'plain');
  assert.equal(plain.path, '/tmp/plain.txt');
  assert.deepEqual(plain.passages.map((passage) => passage.text), ['WASHINGTON (AP) – Talks resumed.']);
});
