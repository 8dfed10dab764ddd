// The server stays responsive: a check runs in slices (other requests are served meanwhile, an edit drops it), hover
// and code actions never run a check on the request path (they use the last check for unchanged claims, or wait for
// the check that is due), a dropped check stops the status spinner, and a cancelled command stops its work.
// Every wait is on an event (a status, a publication, a response); nothing sleeps and nothing is timed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ServerCommands, type DocumentSummary, type WorkspaceSummary } from '../../server/src/protocol';
import { LspClient, editsByDocument, ensureServerBuilt, largeDraft, positionOf, rangeAt } from './harness';
import { UNSUPPORTED } from '../fixtures/examples';

const CONTRADICTED_NUMBER = 'Representatives from more than 70 nations attended a conference in Peru.';
const CONTRADICTED_PLACE = 'Bolton and Ross were expected to attend a conference in Chile.';

before(ensureServerBuilt);

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

function editVersion(action: CodeAction): number | null | undefined {
  return (action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.textDocument.version;
}

function titles(actions: CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

describe('a large draft is checked in slices', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  test('another document\'s hover is answered while the large draft is being checked', async () => {
    const small = 'file:///virtual/small.md';
    await client.openAndWait(small, `# Small\n\n${CONTRADICTED_PLACE}\n`);
    const large = 'file:///virtual/large.md';
    const statuses = client.statusMark();
    const mark = client.mark();
    client.open(large, largeDraft(1));
    await client.waitForStatus(large, (s) => s.state === 'checking', statuses);
    const hover = await client.hover(small, positionOf(`# Small\n\n${CONTRADICTED_PLACE}\n`, 'Chile'));
    assert.match(markdownOf(hover), /^\*\*Contradicted\*\*/);
    assert.equal(client.published(large, 1, mark), false, 'the hover was answered before the large draft\'s check finished');
    const diagnostics = await client.waitForDiagnostics(large, { version: 1, after: mark });
    assert.ok(diagnostics.length > 100, `the large draft has findings (${diagnostics.length})`);
    const ready = await client.waitForStatus(large, (s) => s.state === 'ready', statuses);
    assert.ok(ready.counts && ready.counts.supported + ready.counts.unsupported + ready.counts.contradicted > 1000, JSON.stringify(ready));
  });

  test('an edit while the check runs drops it: only the edited version is published', async () => {
    const uri = 'file:///virtual/large-edited.md';
    const statuses = client.statusMark();
    const mark = client.mark();
    client.open(uri, largeDraft(2));
    await client.waitForStatus(uri, (s) => s.state === 'checking', statuses);
    const edited = client.replaceText(uri, largeDraft(3, 20));
    await client.waitForDiagnostics(uri, { version: edited, after: mark });
    const versions = client.diagnostics.seen.slice(mark).filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [edited], 'version 1 was dropped before it was published');
  });
});

describe('hover and code actions while checking as you type', () => {
  let client: LspClient;
  // A debounce long enough that the requests below come before the check of the edit starts.
  before(async () => (client = await LspClient.start({ settings: (settings) => (settings.debounceMs = 1_000) })));
  after(() => client.stop());

  test('an unchanged claim is answered at once from the last check; an edited one waits for the check that is due', async () => {
    const uri = 'file:///virtual/two-claims.md';
    const text = `# Two claims\n\n${UNSUPPORTED}\n\n${CONTRADICTED_NUMBER}\n`;
    await client.openAndWait(uri, text);
    const mark = client.mark();
    const at70 = positionOf(text, '70');
    const edited = client.applyTextEdits(uri, [{ range: { start: at70, end: { line: at70.line, character: at70.character + 2 } }, newText: '50' }]);

    const unchanged = await client.hover(uri, positionOf(text, 'Security'));
    assert.match(markdownOf(unchanged), /^\*\*Unsupported\*\*/);
    const actions = await client.codeActions(uri, rangeAt(positionOf(text, 'Security')), ['quickfix']);
    assert.deepEqual(titles(actions), ['Ignore this claim']);
    assert.equal(editVersion(actions[0]!), edited, 'the edit is built for the current version');
    assert.equal(client.published(uri, edited, mark), false, 'both were answered before the edited version was checked');

    // The claim that changed: no answer from the old check; the hover waits for the debounced check, which
    // publishes first, and shows the new verdict.
    const changed = await client.hover(uri, positionOf(client.text(uri), 'nations'));
    assert.equal(client.published(uri, edited, mark), true, 'answered once the check of the edited version was published');
    assert.match(markdownOf(changed), /^\*\*Supported\*\*/);
  });
});

describe('after edits before a claim, the checks carried over (claims moved, not checked again)', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start({ settings: (settings) => (settings.debounceMs = 0) })));
  after(() => client.stop());

  test('its diagnostic, hover and fix land on the claim where it is now', async () => {
    const uri = 'file:///virtual/moved.md';
    // Two paragraphs between the edits and the claim, so the claim is past the blocks an edit reads again.
    await client.openAndWait(uri, `# Moved\n\n${UNSUPPORTED}\n\nNorway hosted the talks.\n\nThe envoys met in Oslo.\n\nThey talked for two days.\n\n${CONTRADICTED_NUMBER}\n`);
    const edits = [
      // Within a line: later claims keep their lines, their offsets move.
      () => [{ range: rangeAt(positionOf(client.text(uri), 'hosted')), newText: 'kindly ' }],
      // New lines: later claims move down.
      () => [{ range: rangeAt(positionOf(client.text(uri), 'Norway')), newText: 'The talks went on.\n\nThen more.\n\n' }],
      // Lines removed: later claims move up.
      () => [{ range: { start: positionOf(client.text(uri), 'The talks went'), end: positionOf(client.text(uri), 'Norway') }, newText: '' }],
    ];
    for (const [n, edit] of edits.entries()) {
      const mark = client.mark();
      const version = client.applyTextEdits(uri, edit());
      const diagnostics = await client.waitForDiagnostics(uri, { version, after: mark });
      const text = client.text(uri);
      const range = { start: positionOf(text, CONTRADICTED_NUMBER), end: positionOf(text, CONTRADICTED_NUMBER, CONTRADICTED_NUMBER.length) };
      assert.ok(diagnostics.some((d) => d.code === 'contradicted' && JSON.stringify(d.range) === JSON.stringify(range)), `edit ${n}: the claim's diagnostic`);
      assert.match(markdownOf(await client.hover(uri, positionOf(text, 'nations'))), /^\*\*Contradicted\*\*/, `edit ${n}`);
      const fix = (await client.codeActions(uri, rangeAt(positionOf(text, 'nations')), ['quickfix'])).find((a) => a.title === 'Use the source\'s "50"');
      assert.ok(fix, `edit ${n}: the fix`);
      const [replace] = editsByDocument(fix.edit!).get(uri)!;
      assert.deepEqual(replace!.range, { start: positionOf(text, '70'), end: positionOf(text, '70', 2) }, `edit ${n}`);
    }
  });
});

describe('with checkOn "save": code actions after an unsaved edit', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start({ settings: (settings) => (settings.checkOn = 'save') })));
  after(() => client.stop());

  test('come from the last check for the claims whose text is unchanged, wherever they moved', async () => {
    const uri = 'file:///virtual/saved.md';
    const text = `# Notes\n\n${CONTRADICTED_NUMBER}\n\n${UNSUPPORTED}\n`;
    await client.openAndWait(uri, text);

    // A blank line above both claims: they move down a line, unchanged.
    const moved = client.applyTextEdits(uri, [{ range: rangeAt({ line: 1, character: 0 }), newText: '\n' }]);
    const fix = (await client.codeActions(uri, rangeAt(positionOf(client.text(uri), 'nations')), ['quickfix'])).find((a) => a.title === 'Use the source\'s "50"');
    assert.ok(fix, 'the fix of the moved claim is offered');
    assert.equal(editVersion(fix), moved);
    client.applyTextEdits(uri, editsByDocument(fix.edit!).get(uri)!);
    assert.equal(client.text(uri), `# Notes\n\n\n${CONTRADICTED_NUMBER.replace('70', '50')}\n\n${UNSUPPORTED}\n`);

    // The other claim is still unchanged since the last check.
    const ignore = await client.codeActions(uri, rangeAt(positionOf(client.text(uri), 'Security')), ['quickfix']);
    assert.deepEqual(titles(ignore), ['Ignore this claim']);
    assert.equal(editVersion(ignore[0]!), client.version(uri));

    // Once it changes too, nothing stale is offered for it, and it has no hover until the next check.
    const at = positionOf(client.text(uri), 'talks.');
    client.applyTextEdits(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, newText: 'negotiations' }]);
    assert.deepEqual(await client.codeActions(uri, rangeAt(positionOf(client.text(uri), 'Security')), ['quickfix']), []);
    assert.equal(await client.hover(uri, positionOf(client.text(uri), 'Security')), null);

    // Saving checks it.
    const mark = client.mark();
    client.save(uri);
    const diagnostics = await client.waitForDiagnostics(uri, { version: client.version(uri), after: mark });
    assert.ok(diagnostics.some((d) => d.code === 'unsupported'));
  });

  test('a check dropped by an edit stops the spinner: ready, with the last counts', async () => {
    const uri = 'file:///virtual/spinner.md';
    const statuses = client.statusMark();
    await client.openAndWait(uri, `# Spinner\n\n${CONTRADICTED_PLACE}\n\n${UNSUPPORTED}\n`);
    const first = await client.waitForStatus(uri, (s) => s.state === 'ready', statuses);
    assert.deepEqual(first.counts, { supported: 0, unsupported: 1, contradicted: 1 });

    const large = client.replaceText(uri, largeDraft(4));
    const mark = client.mark();
    const saved = client.statusMark();
    client.save(uri);
    await client.waitForStatus(uri, (s) => s.state === 'checking', saved);
    // Not saved, so not checked: the check of the saved version is dropped and none follows.
    client.applyTextEdits(uri, [{ range: rangeAt({ line: 0, character: 0 }), newText: 'x' }]);
    const settled = await client.waitForStatus(uri, (s) => s.state !== 'checking', saved);
    assert.equal(settled.state, 'ready');
    assert.deepEqual(settled.counts, first.counts, 'the counts of the last finished check');
    assert.equal(client.published(uri, large, mark), false);
  });
});

describe('cancelling a command', () => {
  let client: LspClient;
  let workspace: string;
  const FILES = 30;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'grounded-lsp-cancel-'));
    mkdirSync(join(workspace, 'drafts'));
    for (let n = 0; n < FILES; n++) writeFileSync(join(workspace, 'drafts', `draft-${String(n).padStart(2, '0')}.md`), largeDraft(100 + n, 4));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: (settings) => (settings.checkOn = 'manual') });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('verifyDocument: the check stops, the request answers "cancelled", the status is ready again', async () => {
    const uri = 'file:///virtual/cancelled.md';
    client.open(uri, largeDraft(6));
    const statuses = client.statusMark();
    const source = new CancellationTokenSource();
    const request = client.request<DocumentSummary>('workspace/executeCommand', { command: ServerCommands.verifyDocument, arguments: [uri] }, source.token);
    await client.waitForStatus(uri, (s) => s.state === 'checking', statuses);
    source.cancel();
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    const settled = await client.waitForStatus(uri, (s) => s.state !== 'checking', statuses);
    assert.equal(settled.state, 'ready');
    assert.equal(settled.counts, undefined, 'no check finished: the cancelled one stopped');
    // Not cancelled, the same command checks it.
    const summary = await client.executeCommand<DocumentSummary>(ServerCommands.verifyDocument, uri);
    assert.ok(summary.claims > 1000);
  });

  test('verifyWorkspace: stops between files and answers "cancelled"', async () => {
    const folder = pathToFileURL(workspace).href;
    const mark = client.mark();
    const source = new CancellationTokenSource();
    const request = client.request<WorkspaceSummary>('workspace/executeCommand', { command: ServerCommands.verifyWorkspace, arguments: [] }, source.token);
    await client.diagnostics.wait((p) => p.uri.startsWith(folder), mark, () => 'a first file verified');
    source.cancel();
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    // Whatever was published came before the cancellation took effect; the rest of the files never were.
    await client.request('grounded/sources');
    const verified = new Set(client.diagnostics.seen.slice(mark).filter((p) => p.uri.startsWith(folder)).map((p) => p.uri));
    assert.ok(verified.size < FILES, `${verified.size} of ${FILES} files verified`);
  });
});
