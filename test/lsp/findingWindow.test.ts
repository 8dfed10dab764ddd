// The window of published findings: in memory, every finding up to the cap, beyond it the cap's worth nearest the
// writer, moving when they leave its middle half; then over stdio, the window following hovers and edits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findingWindow, needsNewWindow } from '../../server/src/lsp/findingWindow';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { DEFAULT_SEVERITY } from '../../server/src/findings/codes';
import { WritingFocus } from '../../server/src/lsp/writingFocus';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { UNSUPPORTED } from '../fixtures/examples';
import { LspClient, ensureServerBuilt } from './harness';

// One finding every other line: finding k starts on line 2k.
const findings = Array.from({ length: 100 }, (_, k) => 2 * k);
const line = (finding: number) => finding;

test('up to the cap, every finding is published wherever the writer is', () => {
  const window = findingWindow(findings, line, 150, 100);
  assert.equal(window.shown.length, 100);
  assert.equal(window.unlisted, 0);
  assert.equal(needsNewWindow(window, 0), false);
  assert.equal(needsNewWindow(window, 10_000), false);
});

test('over the cap, the window is centred on the writer and counts what it leaves out', () => {
  const window = findingWindow(findings, line, 100, 20);
  assert.deepEqual(window.shown, findings.slice(40, 60));
  assert.equal(window.unlisted, 80);
  assert.deepEqual([window.firstLine, window.lastLine, window.atStart, window.atEnd], [80, 118, false, false]);
});

test('at either end of the document the window holds the first or last findings', () => {
  assert.deepEqual(findingWindow(findings, line, 0, 20).shown, findings.slice(0, 20));
  assert.deepEqual(findingWindow(findings, line, 10_000, 20).shown, findings.slice(80));
  // Past the last finding, and before the first, the window stays at the end it is nearest.
  assert.equal(findingWindow(findings, line, 199, 20).atEnd, true);
});

test('the window moves when the writer leaves its middle half, never while they work inside it', () => {
  const window = findingWindow(findings, line, 100, 20);
  // Lines 80–118: the middle half is 89–109.
  for (const inside of [89, 100, 109]) assert.equal(needsNewWindow(window, inside), false, `line ${inside}`);
  for (const outside of [0, 88, 110, 500]) assert.equal(needsNewWindow(window, outside), true, `line ${outside}`);
});

test('a window at the start of the document does not move for work above it, nor one at the end for work below', () => {
  const first = findingWindow(findings, line, 0, 20);
  assert.equal(needsNewWindow(first, 0), false);
  assert.equal(needsNewWindow(first, 100), true);
  const last = findingWindow(findings, line, 10_000, 20);
  assert.equal(needsNewWindow(last, 10_000), false);
  assert.equal(needsNewWindow(last, 0), true);
});

test('a claim giving two findings is listed whole or not at all, and what is left out is counted', () => {
  const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
  // Each claim is unsupported and cites a key that names no source: two findings a claim.
  const text = `# Notes\n\n${Array.from({ length: 12 }, () => `${UNSUPPORTED.slice(0, -1)}.[^n]`).join('\n\n')}\n\n[^n]: no-such-source\n`;
  const document = { ...checkDraftText(engine, text, 'notes.md'), uri: 'file:///notes.md', version: 1, libraryVersion: 1, draft: true };
  const options = { severity: DEFAULT_SEVERITY };
  const all = new WritingFocus(() => undefined).publishedFindings(document, options, 100);
  assert.equal(all.findings.length, 24);
  assert.deepEqual(new Set(all.findings.map((f) => f.code)), new Set(['unsupported', 'citation-mismatch']));
  for (const [line, cap] of [[0, 5], [12, 5], [12, 6], [20, 7], [100, 5]] as const) {
    const focus = new WritingFocus(() => undefined);
    focus.at(document.uri, line);
    const { findings, unlisted } = focus.publishedFindings(document, options, cap);
    assert.ok(findings.length <= cap && findings.length >= cap - 2, `${findings.length} listed of cap ${cap}`);
    assert.equal(unlisted, 24 - findings.length);
    const perClaim = new Map<number, number>();
    for (const finding of findings) perClaim.set(finding.claimIndex, (perClaim.get(finding.claimIndex) ?? 0) + 1);
    assert.ok([...perClaim.values()].every((n) => n === 2), `line ${line}, cap ${cap}: each listed claim with both its findings`);
  }
});

describe('the server publishes the window around the writer', () => {
  test('the first findings at opening, the status counting the rest; a hover or an edit far away moves the window there', async () => {
    ensureServerBuilt();
    const client = await LspClient.start({ settings: (settings) => (settings.maxFindingsPerDocument = 100) });
    try {
      const uri = 'file:///virtual/long-notes.md';
      // 150 unsupported claims, one a paragraph: claim k on line 2 + 2k.
      const text = `# Notes\n\n${Array.from({ length: 150 }, () => UNSUPPORTED).join('\n\n')}\n`;
      const lines = (diagnostics: { range: { start: { line: number } } }[]) => diagnostics.map((d) => d.range.start.line);
      const statuses = client.statusMark();
      const opened = await client.openAndWait(uri, text);
      assert.equal(opened.length, 100);
      assert.deepEqual(lines(opened).slice(0, 2), [2, 4]);
      const status = await client.waitForStatus(uri, (s) => s.counts !== undefined, statuses);
      assert.equal(status.unlistedFindings, 50);
      assert.equal(status.counts?.unsupported, 150);

      // The writer looks at the last claim: the same version is published again, ending with it.
      let after = client.mark();
      await client.hover(uri, { line: 300, character: 3 });
      const around = await client.waitForDiagnostics(uri, { after });
      assert.equal(around.length, 100);
      assert.equal(Math.max(...lines(around)), 300);
      // Working there again publishes nothing new.
      after = client.mark();
      await client.hover(uri, { line: 298, character: 3 });

      // An edit at the top brings the window back there, in the publication of the edited version.
      const version = client.applyTextEdits(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'A' }]);
      const edited = await client.waitForDiagnostics(uri, { version, after });
      assert.equal(client.mark() - after, 1, 'one publication: the edited version, none for the second hover');
      assert.equal(edited.length, 100);
      assert.equal(Math.min(...lines(edited)), 2);
    } finally {
      await client.stop();
    }
  });
});
