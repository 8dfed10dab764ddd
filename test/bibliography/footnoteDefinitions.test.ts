// The footnote definitions the Cite fixes write come from the CSL style the project config names (Chicago notes by
// default), and each still names its source when the draft is checked again, in every style. citeproc is loaded and
// run only when a fix's text is computed: a check and its findings never pay for it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FOOTNOTE_STYLES } from '../../server/src/bibliography/formats';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { footnoteDefinitionText } from '../../server/src/findings/citations';
import { applyOffsetEdits } from '../../server/src/findings/edits';
import { citeAllEdits, citeAllRequests } from '../../server/src/findings/fixes';
import { libraryCitationResolver } from '../../server/src/sources/citationResolver';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { AP, NORWAY } from '../fixtures/examples';

const engine = createEngine(loadSourceLibrary({ dirs: [join(__dirname, 'fixtures', 'sources')], includeBundled: true }));
const READY = 'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.';
const DRAFT = `# Talks\n\n${NORWAY}\n\n${READY}\n`;

describe('footnote definitions in a CSL style', () => {
  test('the configured style writes the definition: Chicago notes by default, APA when the config says so', () => {
    const chicago = applyOffsetEdits(DRAFT, citeAllEdits(checkDraftText(engine, DRAFT, 'd.md'), { citationStyle: 'footnote', footnoteStyle: 'chicago-note' }));
    assert.match(chicago, new RegExp(`\\n\\[\\^${AP}\\]: “Norway says Venezuela’s government and opposition will continue their talks in Barbados,” AP\\.\\n`));
    const apa = applyOffsetEdits(DRAFT, citeAllEdits(checkDraftText(engine, DRAFT, 'd.md'), { citationStyle: 'footnote', footnoteStyle: 'apa' }));
    assert.match(apa, new RegExp(`\\n\\[\\^${AP}\\]: Norway says Venezuela’s government and opposition will continue their talks in Barbados\\. \\(n\\.d\\.\\)\\. AP\\.\\n`));
  });

  test('in every style, each definition names its source when the draft is checked again', () => {
    for (const footnoteStyle of FOOTNOTE_STYLES) {
      const draft = checkDraftText(engine, DRAFT, 'd.md');
      const wanted = citeAllRequests(draft).map((request) => request.sourceId);
      assert.ok(wanted.length >= 2, 'the draft has claims to cite');
      const fixed = applyOffsetEdits(DRAFT, citeAllEdits(draft, { citationStyle: 'footnote', footnoteStyle }));
      const again = checkDraftText(engine, fixed, 'd.md');
      const cited = again.report.claims.flatMap((claim) => claim.citations.map((citation) => citation.sourceId));
      assert.deepEqual(cited, wanted, `${footnoteStyle}:\n${fixed}`);
      assert.deepEqual(citeAllEdits(again, { citationStyle: 'footnote', footnoteStyle }), [], `${footnoteStyle}: nothing left to cite`);
    }
  });

  test('a note that opens with the author names the source by the title it quotes; where it quotes none, by the id after it', () => {
    const source = { id: 'crespo-talks', title: 'Talks in Mexico', author: 'Veronica Crespo', outlet: 'Miami Herald', date: '2021-08-13' };
    const chicago = footnoteDefinitionText(source, 'chicago-note');
    assert.equal(chicago, 'Veronica Crespo, “Talks in Mexico,” Miami Herald, August 13, 2021.');
    const resolver = libraryCitationResolver([source, { id: 'other', title: 'Talks' }]);
    assert.equal(resolver.sourceIdForTitle!(chicago), 'crespo-talks');
    // APA sets the title after the date, unquoted: the id names the source.
    assert.match(footnoteDefinitionText(source, 'apa'), /^Crespo, V\. \(2021, August 13\)\. Talks in Mexico\. Miami Herald\. crespo-talks$/);
    assert.equal(footnoteDefinitionText({ ...source, url: 'https://example.org/talks' }, 'chicago-note'), 'Veronica Crespo, “Talks in Mexico,” Miami Herald, August 13, 2021, https://example.org/talks.');
  });

  test('a check and its findings never load citeproc; the first fix does, and each note is formatted once, reloads included', () => {
    const script = `
      const { createEngine } = require('./server/src/engine');
      const { loadSourceLibrary } = require('./server/src/sources/loadSources');
      const { checkDraftText } = require('./server/src/findings/checkedDraft');
      const { findingsOf } = require('./server/src/findings/findings');
      const { citeAllEdits } = require('./server/src/findings/fixes');
      const { DEFAULT_SEVERITY } = require('./server/src/findings/codes');
      const citeproc = () => Object.keys(require.cache).some((path) => /[\\\\/]citeproc[\\\\/]/.test(path));
      const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
      const draft = checkDraftText(engine, ${JSON.stringify(DRAFT)}, 'd.md');
      findingsOf(draft, { severity: DEFAULT_SEVERITY, isAccepted: () => false });
      const before = citeproc();
      const format = { citationStyle: 'footnote', footnoteStyle: 'chicago-note' };
      let start = process.hrtime.bigint();
      citeAllEdits(draft, format);
      const first = Number(process.hrtime.bigint() - start) / 1e6;
      start = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) citeAllEdits(draft, format);
      const again = Number(process.hrtime.bigint() - start) / 1e6 / 20;
      // A reloaded library: new source objects with the same metadata.
      const reloaded = checkDraftText(createEngine(loadSourceLibrary({ dirs: [], includeBundled: true })), ${JSON.stringify(DRAFT)}, 'd.md');
      start = process.hrtime.bigint();
      citeAllEdits(reloaded, format);
      const afterReload = Number(process.hrtime.bigint() - start) / 1e6;
      // What one note costs when it is not kept: two sources never seen.
      const { footnoteDefinitionText } = require('./server/src/findings/citations');
      start = process.hrtime.bigint();
      for (const id of ['fresh-a', 'fresh-b']) footnoteDefinitionText({ id, title: 'A title never seen ' + id, author: 'Ann Lee' }, 'chicago-note');
      const unkept = Number(process.hrtime.bigint() - start) / 1e6;
      process.stdout.write(JSON.stringify({ before, after: citeproc(), first, again, afterReload, unkept }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const { before, after, first, again, afterReload, unkept } = JSON.parse(run.stdout) as Record<string, number> & { before: boolean; after: boolean };
    assert.equal(before, false, 'citeproc loaded by a check');
    assert.equal(after, true, 'citeproc not loaded by the fix');
    // Kept per source and style: a second Cite all formats nothing (the first loads citeproc and formats each note).
    assert.ok(again < first / 5, `first ${first.toFixed(1)} ms, then ${again.toFixed(2)} ms`);
    // Kept by metadata, not by object: a reloaded library's two notes cost less than formatting two new ones.
    assert.ok(afterReload < unkept / 2, `after a reload ${afterReload.toFixed(2)} ms; two new notes ${unkept.toFixed(2)} ms`);
  });
});
