// Text from sources and file names is data. On a terminal it must stay one line of plain characters, and in the draft
// a Cite fix must write one plain line: no HTML, link, heading or extra definition out of a source's metadata.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { footnoteDefinition } from '../../server/src/findings/citations';
import { applyOffsetEdits } from '../../server/src/findings/edits';
import { citeAllEdits } from '../../server/src/findings/fixes';
import { parseMarkdown } from '../../server/src/markdown/parseDraft';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { STACK_LINE, ensureBuilt, grounded } from '../cli/run';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';

const FOOTNOTES = { citationStyle: 'footnote', footnoteStyle: DEFAULT_FOOTNOTE_STYLE } as const;

before(ensureBuilt);

const HOSTILE_TITLE = 'Talks <img src=x onerror=alert(1)> in [Oslo](https://evil.example)\n# Heading\n[^x]: second definition\u001b[31m *red* `code` ~~gone~~ | a & b';

test('a footnote definition made from hostile metadata is one line of plain text', () => {
  const definition = footnoteDefinition('src', {
    id: 'src',
    title: HOSTILE_TITLE,
    outlet: 'Outlet\r\n<b>bold</b>',
    date: '2020\u202e-01',
    url: 'javascript:alert(1)',
  }, DEFAULT_FOOTNOTE_STYLE);
  assert.doesNotMatch(definition, /[\r\n\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  const tree = parseMarkdown(`Text.[^src]\n\n${definition}\n`);
  // One paragraph with one footnote definition of plain text: no HTML, link, heading or second definition.
  const definitions = tree.children.filter((node) => node.type === 'footnoteDefinition');
  assert.equal(definitions.length, 1);
  // A URL written out in the title stays a GFM autolink literal: a link that shows its own target, never one hiding it.
  const kinds = new Set<string>();
  const visit = (node: { type: string; url?: string; children?: { type: string; value?: string }[] }): void => {
    kinds.add(node.type);
    if (node.type === 'link') assert.deepEqual(node.children!.map((child) => child.value), [node.url]);
    for (const child of node.children ?? []) visit(child);
  };
  visit(definitions[0] as never);
  assert.deepEqual([...kinds].sort(), ['footnoteDefinition', 'link', 'paragraph', 'text']);
  // The URL was no plain http(s) URL: left out; the title the note starts with or quotes names the source, else the id.
  assert.doesNotMatch(definition, /javascript/);
  assert.equal(footnoteDefinition('n', { id: 'src', title: 'T', url: 'https://example.com/a b' }, DEFAULT_FOOTNOTE_STYLE), '[^n]: “T.”');
  assert.equal(footnoteDefinition('n', { id: 'src', title: 'T', author: 'Ann Lee', url: 'https://example.com/a b' }, DEFAULT_FOOTNOTE_STYLE), '[^n]: Ann Lee, “T.”');
  assert.equal(footnoteDefinition('n', { id: 'src', title: 'T', author: 'Ann Lee', url: 'https://example.com/a b' }, 'apa'), '[^n]: Lee, A. (n.d.). T. src');
  // A plain one goes in where the style puts it, unescaped: an autolink.
  assert.equal(footnoteDefinition('src', { id: 'src', title: 'T_1', url: 'https://example.com/a_b' }, DEFAULT_FOOTNOTE_STYLE), '[^src]: “T\\_1,” https://example.com/a_b.');
});

test('a title starting like a heading, a list or a quote stays text', () => {
  for (const title of ['# Breaking', '- Item', '1. First', '> Quote', '+ Plus', '=== Rule']) {
    const definition = footnoteDefinition('src', { id: 'src', title }, DEFAULT_FOOTNOTE_STYLE);
    const tree = parseMarkdown(`Text.[^src]\n\n${definition}\n`);
    const footnote = tree.children.find((node) => node.type === 'footnoteDefinition') as { children: { type: string }[] };
    assert.deepEqual(footnote.children.map((child) => child.type), ['paragraph'], title);
  }
});

test('Cite with a hostile source title: the definition still names the source, and a second Cite all adds nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-hostile-'));
  writeFileSync(join(dir, 'src.md'), `---\nid: hostile\ntitle: ${JSON.stringify(HOSTILE_TITLE)}\n---\nThe negotiators met in Oslo on Monday for a third round of talks.\n`);
  const engine = createEngine(loadSourceLibrary({ dirs: [dir], includeBundled: false }));
  const text = 'The negotiators met in Oslo on Monday for a third round of talks.\n';
  const fixed = applyOffsetEdits(text, citeAllEdits(checkDraftText(engine, text, 'd.md'), FOOTNOTES));
  assert.equal(fixed.split('\n').filter((line) => line.startsWith('[^')).length, 1);
  const again = checkDraftText(engine, fixed, 'd.md');
  assert.deepEqual(again.report.claims[0]!.citations.map((citation) => citation.sourceId), ['hostile']);
  assert.deepEqual(citeAllEdits(again, FOOTNOTES), []);
});

test('file names and titles with escape sequences and line breaks stay escaped, one line each, in text output and on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-names-'));
  const sources = join(dir, 'sources');
  const drafts = join(dir, 'drafts');
  for (const folder of [sources, drafts]) mkdirSync(folder);
  writeFileSync(join(sources, 'a.md'), `---\nid: evil\ntitle: "Evil \\e[2J title"\n---\nThe negotiators met in Oslo on Monday for a third round of talks.\n`);
  writeFileSync(join(sources, 'bad\u001b[31m\nname.md'), '---\nid: [broken\n---\nText.\n');
  const draft = join(drafts, 'draft\u001b[2J\nname.md');
  writeFileSync(draft, 'The negotiators met in Oslo on Monday for the fourth round of talks.\n');
  const run = grounded(['check', draft, '--sources', sources, '--no-bundled-sources', '--fail-on', 'none']);
  assert.equal(run.status, 0);
  assert.doesNotMatch(run.stdout + run.stderr, /\u001b/);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  for (const line of run.stdout.trim().split('\n')) assert.ok(line === '' || line.includes('draft\\u001b[2J\\nname.md'), line);
  assert.equal(run.stderr.trim().split('\n').length, 1);
  assert.match(run.stderr, /bad\\u001b\[31m\\nname\.md: broken front matter/);
});
