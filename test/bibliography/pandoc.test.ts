// The Pandoc round trip: a draft cited in the Pandoc style (`[@id]`), rendered by the real `pandoc --citeproc` with
// the exported bibliography (CSL-JSON, and BibTeX), resolves every citation and lists the sources; a draft cited by
// footnotes whose definitions are formatFootnote's lines renders readable references. Without pandoc the test fails
// in CI (CI installs the Debian package `pandoc`) and is skipped elsewhere, saying so.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBibliography } from '../../server/src/bibliography/bibliography';
import { formatFootnote } from '../../server/src/bibliography/footnote';
import { plainCiteText } from '../../server/src/findings/citations';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const FIXTURES = join(__dirname, 'fixtures');
const library = loadSourceLibrary({ dirs: [join(FIXTURES, 'sources')], includeBundled: false });
const work = mkdtempSync(join(tmpdir(), 'grounded-pandoc-'));

const pandocVersion = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const hasPandoc = pandocVersion.status === 0;
const skip = hasPandoc ? false : 'pandoc is not installed (apt-get install pandoc); CI installs it and fails without it';

function pandoc(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync('pandoc', args, { cwd: work, encoding: 'utf8' });
  assert.equal(run.status, 0, `pandoc ${args.join(' ')} failed:\n${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

describe('Pandoc', () => {
  before(() => {
    writeFileSync(join(work, 'refs.json'), formatBibliography(library.sources, 'csl-json'));
    writeFileSync(join(work, 'refs.bib'), formatBibliography(library.sources, 'bibtex'));
  });

  test('pandoc is installed in CI', { skip: process.env.CI ? false : hasPandoc ? false : 'not in CI' }, () => {
    assert.ok(hasPandoc, 'CI must install the Debian package pandoc (scripts/real-editors/install-tools.sh)');
  });

  for (const bibliography of ['refs.json', 'refs.bib']) {
    test(`every [@id] resolves with the exported ${bibliography}, and the reference list names the sources`, { skip: process.env.CI ? false : skip }, () => {
      const { stdout, stderr } = pandoc([join(FIXTURES, 'pandoc-draft.md'), '--citeproc', '--bibliography', bibliography, '-t', 'plain', '--wrap=none']);
      assert.doesNotMatch(stderr, /not found/i, stderr);
      assert.doesNotMatch(stdout, /\?\?|@herald|@wire|@undated/, 'no citation is left unresolved');
      for (const source of library.sources) {
        // Pandoc's default style (Chicago author-date) may change a title's case: compare without it.
        assert.ok(stdout.toLowerCase().includes(source.title.toLowerCase().slice(0, 30)), `the reference list names "${source.title}":\n${stdout}`);
      }
      assert.match(stdout, /Crespo, Veronica/);
      assert.match(stdout, /Miami Herald/);
    });
  }

  test('footnotes whose definitions are formatFootnote lines render as readable notes', { skip: process.env.CI ? false : skip }, () => {
    const source = library.sources.find((s) => s.id === 'herald-talks-mexico')!;
    const draft = readFileSync(join(FIXTURES, 'footnote-draft.md'), 'utf8').replace('FOOTNOTE', plainCiteText(formatFootnote(source), true));
    writeFileSync(join(work, 'footnotes.md'), draft);
    const { stdout, stderr } = pandoc(['footnotes.md', '-t', 'plain', '--wrap=none']);
    assert.equal(stderr, '');
    assert.match(stdout, /Mexico City\.\[1\]/);
    assert.ok(
      stdout.includes('[1] Veronica Crespo and Antonio Maria Delgado, “Venezuelan officials and opposition open talks in Mexico City,” Miami Herald, August 13, 2021, https://example.org/news/venezuela-talks-mexico.'),
      stdout,
    );
  });
});
