// `grounded bibliography`: the library's metadata on stdout as CSL-JSON (default) or BibTeX, keyed by source id.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, grounded, ROOT } from './run';

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

describe('grounded bibliography --write: the file the config names', () => {
  function project(config: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-bibliography-write-'));
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, '.grounded.yaml'), config);
    return dir;
  }
  const sources = join(ROOT, FIXTURE_SOURCES);

  test('written in the format its name says, then left alone while the library is unchanged', () => {
    const dir = project(`sources: { paths: [${JSON.stringify(sources)}], includeBundled: false }\nbibliography: build/refs.bib\n`);
    const first = grounded(['bibliography', '--write'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '', 'nothing printed');
    assert.equal(first.stderr, 'grounded: build/refs.bib: wrote 3 entries\n');
    const file = join(dir, 'build', 'refs.bib');
    const printed = grounded(['bibliography', '--format', 'bibtex'], { cwd: dir });
    assert.equal(readFileSync(file, 'utf8'), printed.stdout, 'the file holds what the command prints');
    const written = statSync(file).mtimeMs;

    const again = grounded(['bibliography', '--write'], { cwd: dir });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stderr, 'grounded: build/refs.bib is up to date\n');
    assert.equal(statSync(file).mtimeMs, written, 'not rewritten');
  });

  test('without a "bibliography" in the config, or with a --format its name contradicts: a usage error', () => {
    const none = grounded(['bibliography', '--write'], { cwd: project('citationStyle: pandoc\n') });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /--write writes the "bibliography" file a \.grounded\.yaml names, and none here does/);
    const other = grounded(['bibliography', '--write', '--format', 'bibtex'], { cwd: project('bibliography: refs.json\n') });
    assert.equal(other.status, 2);
    assert.match(other.stderr, /--format bibtex does not match the "bibliography" file .*refs\.json, a csl-json file/);
  });

  test('check --fix writes footnote definitions in the style the config names', () => {
    const dir = project('footnoteStyle: apa\n');
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, 'Norway’s foreign ministry said both parties continue in their search for solutions.\n');
    const run = grounded(['check', '--fix', 'draft.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(readFileSync(draft, 'utf8'), /\n\[\^ap-norway-barbados-talks\]: Norway says Venezuela’s government and opposition will continue their talks in Barbados\. \(n\.d\.\)\. AP\.\n$/);
  });

  test('an unknown footnote style or bibliography file name is a config problem naming the file and the line', () => {
    const run = grounded(['bibliography'], { cwd: project('citationStyle: footnote\nfootnoteStyle: mla\nbibliography: refs.ris\n') });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /\.grounded\.yaml:2:\d+: "footnoteStyle" must be one of chicago-note, apa, vancouver, harvard1, not "mla"/);
    assert.match(run.stderr, /\.grounded\.yaml:3:\d+: "bibliography" must name a \.json \(CSL-JSON\) or \.bib \(BibTeX\) file, not "refs\.ris"/);
  });
});
