// Inputs that used to give wrong results quietly: each case as the writer meets it, with the result it must give.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { applyOffsetEdits } from '../../server/src/findings/edits';
import { citeAllEdits, fixesFor } from '../../server/src/findings/fixes';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { AP, AP_NOTE, NORWAY } from '../fixtures/examples';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';
import type { CitationFormat, CitationStyle } from '../../server/src/findings/codes';

const citing = (citationStyle: CitationStyle): CitationFormat => ({ citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE });

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
const READY = 'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.';
const check = (text: string) => checkDraftText(engine, text, 'draft.md');

function sourceFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-sources-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('sources', () => {
  test('a source whose front matter expands too many aliases is skipped and named; the others load', () => {
    const bomb = ['---', 'id: bomb', 'a: &a [x, x]', ...Array.from({ length: 120 }, (_, i) => `k${i}: *a`), '---', 'Body text.', ''].join('\n');
    const dir = sourceFolder({ 'bomb.md': bomb, 'good.md': '---\nid: good\ntitle: Good\n---\nA good source sentence.\n' });
    const library = loadSourceLibrary({ dirs: [dir], includeBundled: false });
    assert.deepEqual(library.sources.map((source) => source.id), ['good']);
    assert.equal(library.problems.length, 1);
    assert.equal(library.problems[0]!.path, join(dir, 'bomb.md'));
    assert.match(library.problems[0]!.message, /^broken front matter: Excessive alias count/);
  });

  test('a source with CR-only line endings: its front matter is read and each passage has its own line', () => {
    const dir = sourceFolder({ 'cr.md': '---\rid: cr-source\rtitle: CR title\r---\rFirst sentence here.\rSecond sentence here.\r' });
    const library = loadSourceLibrary({ dirs: [dir], includeBundled: false });
    assert.deepEqual(library.problems, []);
    const [source] = library.sources;
    assert.equal(source!.id, 'cr-source');
    assert.equal(source!.title, 'CR title');
    assert.deepEqual(source!.passages.map((passage) => [passage.line, passage.text]), [[5, 'First sentence here.'], [6, 'Second sentence here.']]);
  });
});

describe('a draft starting with a byte-order mark', () => {
  const text = `\uFEFF${NORWAY}\n\nSecond paragraph here. ${READY}\n`;

  test('every sentence range covers the whole sentence, full stop included', () => {
    const { claims } = extractClaims(text, NO_SOURCES);
    assert.deepEqual(claims.map((claim) => text.slice(claim.startOffset, claim.endOffset)), [NORWAY, 'Second paragraph here.', READY]);
    assert.deepEqual(claims[0]!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 + NORWAY.length } });
  });

  test('Cite goes after the full stop, Ignore below the mark', () => {
    const draft = check(text);
    const fixes = fixesFor(draft, 0, citing('footnote'));
    const cite = fixes.find((fix) => fix.kind === 'cite')!;
    assert.ok(applyOffsetEdits(text, cite.edits).startsWith(`\uFEFF${NORWAY}[^${AP}]\n`));
    const ignore = fixes.find((fix) => fix.kind === 'ignore')!;
    const ignored = applyOffsetEdits(text, ignore.edits);
    assert.ok(ignored.startsWith(`\uFEFF<!-- grounded-ignore -->\n${NORWAY}`));
    assert.deepEqual(check(ignored).report.claims.map((claim) => claim.text), ['Second paragraph here.', READY]);
  });
});

test('"Ignore this list item (3 claims)" on a first item with nested items switches off all three', () => {
  const text = `- ${READY}\n  - ${NORWAY}\n  - ${READY}\n- The last item is plain.\n`;
  const draft = check(text);
  const ignore = fixesFor(draft, 0, citing('footnote')).find((fix) => fix.kind === 'ignore')!;
  assert.equal(ignore.title, 'Ignore this list item (3 claims)');
  const after = check(applyOffsetEdits(text, ignore.edits)).report.claims.map((claim) => claim.text);
  assert.deepEqual(after, ['The last item is plain.']);
});

describe('Cite all on a document ending inside an unclosed block puts the definitions before that block', () => {
  const endings: Record<string, string> = {
    'code fence': '```\nsome code',
    'tilde fence': '~~~~\n',
    'HTML comment': '<!-- a note to self',
    'script element': '<script>\nlet x = 1;',
    'fence in a list item': '- Will it last?\n\n  ```\n  code',
    'comment in a quote': '> <!-- quoted note',
  };
  for (const [name, ending] of Object.entries(endings)) {
    test(name, () => {
      const text = `${NORWAY}\n\n${ending}`;
      const fixed = applyOffsetEdits(text, citeAllEdits(check(text), citing('footnote')));
      // The writer's text is all there, in order, after the definitions.
      assert.ok(fixed.endsWith(`\n\n${ending}`), JSON.stringify(fixed));
      assert.match(fixed, new RegExp(`^\\[\\^${AP}\\]: `, 'm'));
      const again = check(fixed);
      assert.deepEqual(again.report.claims[0]!.citations.map((citation) => citation.sourceId), [AP]);
      // Applied twice, nothing more to do.
      assert.deepEqual(citeAllEdits(again, citing('footnote')), []);
    });
  }
});

test('a writer\'s own note under a label equal to a source id (any case) is not that source\'s citation', () => {
  const text = `${NORWAY}\n\nOther text here.[^AP-Norway-Barbados-Talks]\n\n[^AP-Norway-Barbados-Talks]: My own note\n`;
  const draft = check(text);
  assert.equal(draft.report.claims.find((claim) => claim.text === 'Other text here.')!.citations[0]!.sourceId, undefined);
  const fixed = applyOffsetEdits(text, citeAllEdits(draft, citing('footnote')));
  assert.ok(fixed.startsWith(`${NORWAY}[^${AP}-2]\n`), fixed);
  assert.ok(fixed.endsWith(`[^AP-Norway-Barbados-Talks]: My own note\n[^${AP}-2]: ${AP_NOTE}\n`));
  assert.deepEqual(citeAllEdits(check(fixed), citing('footnote')), []);
});

test('a one-word list lead-in is not a claim', () => {
  const result = extractClaims(`Item:\n\n- ${NORWAY}\n\nKey points:\n\n- ${READY}\n`, NO_SOURCES);
  assert.deepEqual(result.claims.map((claim) => claim.text), [NORWAY, READY]);
  assert.deepEqual(result.skipped.map((skipped) => [skipped.text, skipped.reason]), [['Item:', 'framing'], ['Key points:', 'framing']]);
  // A longer sentence ending in a colon, or one with a number, is still checked.
  assert.equal(extractClaims('Maduro named three negotiators:\n', NO_SOURCES).claims.length, 1);
  assert.equal(extractClaims('In 2019:\n', NO_SOURCES).claims.length, 1);
});

test('an emoji between two sentences ends the first', () => {
  for (const text of ['Maduro spoke on Monday. 🎉 Guaidó answered on Tuesday.', 'Maduro spoke on Monday.🎉 Guaidó answered on Tuesday.', 'Maduro spoke on Monday! 👍🏽 🇻🇪 Guaidó answered on Tuesday.']) {
    const claims = extractClaims(text, NO_SOURCES).claims.map((claim) => text.slice(claim.startOffset, claim.endOffset));
    assert.equal(claims.length, 2, text);
    assert.ok(claims[0]!.startsWith('Maduro spoke on Monday') && claims[1] === 'Guaidó answered on Tuesday.', text);
  }
  // An emoji inside a sentence stays in it.
  assert.equal(extractClaims('Maduro spoke 🎉 on Monday.', NO_SOURCES).claims.length, 1);
});
