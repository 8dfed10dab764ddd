// The Pandoc round trip: a draft cited in the Pandoc style (`[@id]`), rendered by the real `pandoc --citeproc` with
// the exported bibliography (CSL-JSON, and BibTeX), resolves every citation and lists the sources; a draft cited by
// footnotes whose definitions are formatFootnote's lines renders readable references; and a draft cited by the
// fixes themselves (Cite all), in both styles, renders the same references. Without pandoc the test fails
// in CI (CI installs the Debian package `pandoc`) and is skipped elsewhere, saying so.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBibliography } from '../../server/src/bibliography/bibliography';
import { formatFootnote } from '../../server/src/bibliography/footnote';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { plainCiteText } from '../../server/src/findings/citations';
import { applyOffsetEdits } from '../../server/src/findings/edits';
import { citeAllEdits } from '../../server/src/findings/fixes';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { ROOT, ensureBuilt } from '../cli/run';

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

  test('a draft cited by Cite all renders in both styles: [@id] resolved from refs.json, footnotes as Chicago notes', { skip: process.env.CI ? false : skip }, () => {
    const engine = createEngine(library);
    const draft =
      'Representatives of the Venezuelan government and the opposition opened formal negotiations in Mexico City on Friday.\n\n' +
      'Delegates of the government and the opposition met again in Barbados on Monday after a two-week pause.\n';
    const cite = (citationStyle: 'footnote' | 'pandoc') => applyOffsetEdits(draft, citeAllEdits(checkDraftText(engine, draft, 'd.md'), { citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE }));

    writeFileSync(join(work, 'cited-pandoc.md'), cite('pandoc'));
    assert.match(readFileSync(join(work, 'cited-pandoc.md'), 'utf8'), /\[@herald-talks-mexico\][\s\S]*\[@wire-barbados-round\]/);
    const rendered = pandoc(['cited-pandoc.md', '--citeproc', '--bibliography', 'refs.json', '-t', 'plain', '--wrap=none']);
    assert.doesNotMatch(rendered.stderr, /not found/i, rendered.stderr);
    assert.doesNotMatch(rendered.stdout, /\?\?|@herald|@wire/, 'no citation is left unresolved');
    assert.match(rendered.stdout, /Crespo, Veronica/);

    writeFileSync(join(work, 'cited-footnotes.md'), cite('footnote'));
    const notes = pandoc(['cited-footnotes.md', '-t', 'plain', '--wrap=none']);
    assert.equal(notes.stderr, '');
    assert.ok(notes.stdout.includes('[1] Veronica Crespo and Antonio Maria Delgado, “Venezuelan officials and opposition open talks in Mexico City,” Miami Herald, August 13, 2021, https://example.org/news/venezuela-talks-mexico.'), notes.stdout);
    // A note that opens with the author names its source by the title it quotes: no id left in the rendered note.
    assert.ok(notes.stdout.includes('[2] Wire Service staff, “Talks resume in Barbados after a pause,” Wire Service, July 2019.\n'), notes.stdout);
  });

  test("the README's Pandoc workflow, as written: its config and its three commands give a document with its references", { skip: process.env.CI ? false : skip }, () => {
    ensureBuilt();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Bibliographies and Pandoc'));
    const config = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = /```sh\n([\s\S]*?)```/.exec(section)![1]!.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
    assert.equal(commands.length, 3, commands.join('\n'));
    const project = mkdtempSync(join(tmpdir(), 'grounded-readme-pandoc-'));
    writeFileSync(join(project, '.grounded.yaml'), config);
    cpSync(join(FIXTURES, 'sources'), join(project, 'sources'), { recursive: true });
    mkdirSync(join(project, 'drafts'));
    writeFileSync(
      join(project, 'drafts', 'essay.md'),
      'Representatives of the Venezuelan government and the opposition opened formal negotiations in Mexico City on Friday.\n',
    );
    for (const command of commands) {
      const [program, ...args] = command.split(/\s+/);
      const run = program === 'grounded' ? spawnSync(process.execPath, [join(ROOT, 'bin', 'grounded.js'), ...args], { cwd: project, encoding: 'utf8' }) : spawnSync(program!, args, { cwd: project, encoding: 'utf8' });
      assert.equal(run.status, 0, `${command}:\n${run.stderr}`);
    }
    assert.match(readFileSync(join(project, 'drafts', 'essay.md'), 'utf8'), /\[@herald-talks-mexico\]/);
    assert.ok(existsSync(join(project, 'essay.docx')));
    const plain = spawnSync('pandoc', ['drafts/essay.md', '--citeproc', '--bibliography', 'refs.json', '-t', 'plain', '--wrap=none'], { cwd: project, encoding: 'utf8' });
    assert.match(plain.stdout, /\(Crespo and Delgado 2021\)/);
    assert.match(plain.stdout, /Crespo, Veronica, and Antonio Maria Delgado\. 2021\./);
  });
});
