// Each command of the client, run through vscode.commands as a key binding or the palette runs it, plus the status
// bar text and the Sources view items (read through the extension's API and its hidden test commands).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../../client/src/extension';
import type { DocumentSummary, RankedSource, WorkspaceSummary } from '../../../server/src/protocol';
import {
  AP,
  BUNDLED_TITLES,
  closeAllEditors,
  codesOf,
  draftUri,
  groundedDiagnostics,
  groundedApi,
  openAndWait,
  positionOf,
  scratchCopy,
  show,
  statusText,
  waitForDiagnostics,
  withTimeout,
  workspaceRoot,
  WAIT_MS,
} from '../host';
import { AP_NOTE, NORWAY } from '../../fixtures/examples';
import { NOT_A_DRAFT_TEXT } from '../../../client/src/statusModel';

const MIXED_CODES = ['citation-mismatch', 'contradicted', 'uncited', 'unsupported'];

/** Waits until the status bar shows `text`. */
async function waitForStatus(api: GroundedApi, text: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while ((await statusText(api)) !== text) {
    assert.ok(Date.now() < deadline, `the status bar says "${text}" (it says "${await statusText(api)}")`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves when the document's text changes (an edit the server applied through workspace/applyEdit). */
function nextTextChange(uri: vscode.Uri): { changed: Promise<void>; dispose(): void } {
  let listener: vscode.Disposable | undefined;
  const changed = new Promise<void>((resolve) => {
    listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString() && event.contentChanges.length > 0) resolve();
    });
  });
  return { changed, dispose: () => listener?.dispose() };
}

suite('Commands', () => {
  let api: GroundedApi;
  suiteSetup(async () => {
    api = await groundedApi();
  });

  test('Verify Claims in Current File: the summary of the active draft, its diagnostics, and the status bar counts', async () => {
    const uri = draftUri('drafts/mixed.md');
    await openAndWait(uri, MIXED_CODES);
    const summary = await withTimeout(vscode.commands.executeCommand<DocumentSummary>('grounded.verifyFile'), WAIT_MS, 'grounded.verifyFile');
    assert.deepEqual(
      { claims: summary.claims, counts: summary.counts, skipped: summary.skipped },
      { claims: 4, counts: { supported: 2, unsupported: 1, contradicted: 1 }, skipped: 1 },
    );
    assert.equal(vscode.Uri.parse(summary.uri).fsPath, uri.fsPath);
    assert.equal(await statusText(api), '$(check) 2 $(warning) 1 $(error) 1');
  });

  test('Verify Claims in Current File with a file argument (explorer menu): checks it without opening an editor', async () => {
    const uri = draftUri('drafts/place.md');
    const summary = await withTimeout(vscode.commands.executeCommand<DocumentSummary>('grounded.verifyFile', uri), WAIT_MS, 'grounded.verifyFile <uri>');
    assert.deepEqual(summary.counts, { supported: 0, unsupported: 0, contradicted: 1 });
    await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'contradicted', 'the diagnostics of the verified file');
  });

  test('Verify Claims in Workspace: every draft of the folder, including never-opened ones, gets diagnostics', async () => {
    const summary = await withTimeout(vscode.commands.executeCommand<WorkspaceSummary>('grounded.verifyWorkspace'), WAIT_MS, 'grounded.verifyWorkspace');
    // drafts/ (6 files, 9 claims) and notes/never-opened.md (2 claims); the scratch copies live outside the folder.
    assert.deepEqual(summary, { files: 7, claims: 11, counts: { supported: 5, unsupported: 2, contradicted: 4 }, problems: [] });
    const neverOpened = vscode.Uri.file(join(workspaceRoot(), 'notes', 'never-opened.md'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === neverOpened.toString()), 'notes/never-opened.md is not open');
    const diagnostics = await waitForDiagnostics(neverOpened, (d) => codesOf(d).join() === 'contradicted,uncited', 'the diagnostics of a never-opened draft');
    assert.equal(diagnostics.find((d) => d.code !== undefined && codesOf([d])[0] === 'contradicted')!.range.start.line, 2);
  });

  test('a Markdown file of a folder without config, citing nothing, gets no diagnostics; the status bar says so; Check This File Anyway checks it', async () => {
    const folder = join(dirname(workspaceRoot()), 'no-project');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'notes.md'), '# Notes\n\nThe United Nations mediated every round of the talks.\n');
    const uri = vscode.Uri.file(join(folder, 'notes.md'));
    await show(uri);
    await waitForStatus(api, NOT_A_DRAFT_TEXT);
    assert.deepEqual(groundedDiagnostics(uri), [], 'not a draft: no diagnostics');
    await withTimeout(vscode.commands.executeCommand('grounded.checkAnyway'), WAIT_MS, 'grounded.checkAnyway');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0, 'the diagnostics of the file checked anyway');
    assert.deepEqual(codesOf(diagnostics), ['unsupported']);
    await closeAllEditors();
  });

  test('a file of the project that its config leaves out (README.md) is not a draft either', async () => {
    const uri = draftUri('README.md');
    await show(uri);
    await waitForStatus(api, NOT_A_DRAFT_TEXT);
    assert.deepEqual(groundedDiagnostics(uri), [], 'README.md is not a draft: no diagnostics');
    await closeAllEditors();
  });

  test('Insert Citation… with a source argument (a hover\'s Cite link): the server inserts the footnote', async () => {
    const uri = scratchCopy('drafts/uncited.md');
    const { editor } = await openAndWait(uri, ['uncited']);
    const position = positionOf(editor.document, 'ministry');
    const inserted = await withTimeout(
      vscode.commands.executeCommand<boolean>('grounded.insertCitation', { uri: uri.toString(), version: editor.document.version, position, sourceId: AP }),
      WAIT_MS,
      'grounded.insertCitation',
    );
    assert.equal(inserted, true);
    assert.equal(editor.document.getText(), `# Talks continue\n\n${NORWAY}[^${AP}]\n\n[^${AP}]: ${AP_NOTE}\n`);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics once the claim is cited');
  });

  test('Insert Citation… from the cursor, picking the best-ranked source in the QuickPick', async () => {
    const uri = scratchCopy('drafts/uncited.md');
    const { editor } = await openAndWait(uri, ['uncited']);
    const at = positionOf(editor.document, 'ministry');
    editor.selection = new vscode.Selection(at, at);
    const change = nextTextChange(uri);
    try {
      const inserted = Promise.resolve(vscode.commands.executeCommand<boolean>('grounded.insertCitation'));
      let settled = false;
      void inserted.finally(() => (settled = true));
      // The QuickPick shows at once and fills in when the server has ranked the sources. The same ranking, asked
      // right after the command's, is answered after it: once it is here, the QuickPick has its items (or is about to:
      // the extension host sends QuickPick updates on its next turn, hence a few accepts at most).
      const client = await api.client;
      const ranked = await withTimeout(
        client.sendRequest<RankedSource[]>('workspace/executeCommand', { command: 'grounded.server.rankSources', arguments: [uri.toString(), { line: at.line, character: at.character }] }),
        WAIT_MS,
        'grounded.server.rankSources',
      );
      assert.equal(ranked[0]?.id, AP, 'the source that backs the sentence ranks first');
      assert.equal(ranked[0]?.verdict, 'supported');
      for (let attempt = 0; attempt < 20 && !settled; attempt++) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      assert.equal(await withTimeout(inserted, WAIT_MS, 'grounded.insertCitation to finish after the QuickPick was accepted'), true);
      await withTimeout(change.changed, WAIT_MS, 'the citation edit');
    } finally {
      change.dispose();
    }
    assert.equal(editor.document.getText(), `# Talks continue\n\n${NORWAY}[^${AP}]\n\n[^${AP}]: ${AP_NOTE}\n`);
  });

  test('Open Source…: opens the source beside the draft at the evidence line', async () => {
    await show(draftUri('drafts/mixed.md'));
    const opened = await withTimeout(
      vscode.commands.executeCommand<string>('grounded.openSource', { sourceId: AP, line: 13 }),
      WAIT_MS,
      'grounded.openSource',
    );
    assert.match(opened, /\/sources\/ap-norway-barbados-talks\.md$/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), opened);
    assert.equal(editor?.selection.start.line, 12);
    assert.match(editor!.document.lineAt(12).text, /more than 50 nations/);
    assert.equal(editor?.viewColumn, vscode.ViewColumn.Two, 'beside the draft');
    await closeAllEditors();
  });

  test('Show Output: runs', async () => {
    await withTimeout(vscode.commands.executeCommand('grounded.showOutput'), WAIT_MS, 'grounded.showOutput');
  });

  test('the Sources view lists the bundled library; Refresh Sources fetches it again', async () => {
    const items = await withTimeout(api.sourceItems(), WAIT_MS, 'the Sources view items');
    assert.deepEqual([...items].sort(), [...BUNDLED_TITLES].sort());
    assert.deepEqual(await vscode.commands.executeCommand<string[]>('grounded.sources.items'), items, 'the hidden command agrees');
    await withTimeout(vscode.commands.executeCommand('grounded.sources.refresh'), WAIT_MS, 'grounded.sources.refresh');
    assert.deepEqual(await api.sourceItems(), items);
  });

  test('the status bar item hides for a non-Markdown editor and comes back for a draft', async () => {
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Not a draft.' });
    await vscode.window.showTextDocument(plain);
    assert.equal(await statusText(api), '');
    const uri = draftUri('drafts/contradicted.md');
    await openAndWait(uri, ['contradicted']);
    const summary = await withTimeout(vscode.commands.executeCommand<DocumentSummary>('grounded.verifyFile'), WAIT_MS, 'grounded.verifyFile');
    assert.deepEqual(summary.counts, { supported: 0, unsupported: 0, contradicted: 1 });
    assert.equal(await statusText(api), '$(check) 0 $(warning) 0 $(error) 1');
    await closeAllEditors();
  });

  test('Restart Server: a new server process takes over and checks edits', async () => {
    const before = await api.client;
    await withTimeout(vscode.commands.executeCommand('grounded.restartServer'), WAIT_MS, 'grounded.restartServer');
    const after = await withTimeout(api.client, WAIT_MS, 'the restarted server');
    assert.notEqual(after, before, 'a new language client');
    assert.ok(after.isRunning(), 'the new client is running');
    const uri = scratchCopy('drafts/contradicted.md');
    const { editor } = await openAndWait(uri, ['contradicted']);
    const at = positionOf(editor.document, '70');
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 2)), '50'));
    await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'uncited', 'the restarted server to check the edit');
  });
});
