// Every quick fix, as VS Code lists it (vscode.executeCodeActionProvider) and applies it (workspace.applyEdit): the
// document text afterwards is compared exactly, then the diagnostics after the re-check. (That API command returns
// title, kind, isPreferred and edit, not the diagnostics an action fixes: test/lsp checks those at the protocol.)
import * as assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { AP, AP_TITLE, codesOf, groundedApi, openAndWait, positionOf, quickFixes, quickFixesWith, scratchCopy, titled, waitForDiagnostics } from '../host';
import { AP_NOTE, NORWAY } from '../../fixtures/examples';

const AP_DEFINITION = `[^${AP}]: ${AP_NOTE}`;

/** Applies a code action's edit through VS Code, returns the text, and waits for the diagnostics to become `codes`. */
async function apply(uri: vscode.Uri, action: vscode.CodeAction, codes: string[]): Promise<string> {
  assert.ok(action.edit, `"${action.title}" carries an edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code applied "${action.title}"`);
  const document = await vscode.workspace.openTextDocument(uri);
  await waitForDiagnostics(uri, (d) => codesOf(d).join() === [...codes].sort().join(), `diagnostics [${codes.join(', ')}] after "${action.title}"`);
  return document.getText();
}

suite('Quick fixes', () => {
  suiteSetup(() => groundedApi());

  test('Accept this claim: records the sentence in the project config, and the finding goes', async () => {
    const uri = scratchCopy('drafts/unsupported.md');
    const { editor } = await openAndWait(uri, ['unsupported']);
    const action = titled(await quickFixesWith(uri, positionOf(editor.document, 'passed a resolution'), 'Accept this claim'), 'Accept this claim');
    assert.ok(action.edit, 'Accept this claim carries an edit');
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'VS Code applied "Accept this claim"');
    const config = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dirname(uri.fsPath), '.grounded.yaml')));
    assert.match(config.getText(), /\naccepted:\n {2}- text: The UN Security Council passed a resolution supporting the talks\.\n {4}hash: [0-9a-f]{16}\n/);
    // Saved as the writer (or VS Code's files.refactoring.autoSave) saves it: the server reads the file on disk.
    if (config.isDirty) assert.equal(await config.save(), true);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics once the claim is accepted');
  });

  test(`Use the source's "50": replaces just the contradicted number`, async () => {
    const uri = scratchCopy('drafts/contradicted.md');
    const { editor } = await openAndWait(uri, ['contradicted']);
    const actions = await quickFixesWith(uri, positionOf(editor.document, 'more than 70'), `Use the source's "50"`);
    assert.deepEqual(
      actions.map((a) => a.title),
      [`Use the source's "50"`, 'Ignore this claim', 'Accept this claim'],
    );
    const action = titled(actions, `Use the source's "50"`);
    assert.equal(action.kind?.value, 'quickfix');
    assert.equal(action.isPreferred, true);
    const text = await apply(uri, action, ['uncited']);
    assert.equal(text, '# The Peru conference\n\nRepresentatives from more than 50 nations attended a conference in Peru.\n');
  });

  test(`Use the source's "Peru": replaces the contradicted place`, async () => {
    const uri = scratchCopy('drafts/place.md');
    const { editor } = await openAndWait(uri, ['contradicted']);
    const action = titled(await quickFixesWith(uri, positionOf(editor.document, 'Chile'), `Use the source's "Peru"`), `Use the source's "Peru"`);
    const text = await apply(uri, action, ['uncited']);
    assert.equal(text, '# The Lima Group conference\n\nBolton and Ross were expected to attend a conference in Peru.\n');
  });

  test('Cite "<title>": cites the backing source after the sentence and defines the footnote at the end', async () => {
    const uri = scratchCopy('drafts/uncited.md');
    const { editor } = await openAndWait(uri, ['uncited']);
    const actions = await quickFixesWith(uri, positionOf(editor.document, 'ministry'), `Cite "${AP_TITLE}"`);
    const action = titled(actions, `Cite "${AP_TITLE}"`);
    assert.equal(action.isPreferred, true);
    const text = await apply(uri, action, []);
    assert.equal(text, `# Talks continue\n\n${NORWAY}[^${AP}]\n\n${AP_DEFINITION}\n`);
    const again = await quickFixes(uri, positionOf(editor.document, 'ministry'));
    assert.deepEqual(again.filter((a) => a.title.startsWith('Cite')), [], 'no second Cite for a source already cited');
  });

  test('Cite on a citation mismatch: adds the source that backs the claim', async () => {
    const uri = scratchCopy('drafts/mismatch.md');
    const { editor } = await openAndWait(uri, ['citation-mismatch']);
    const action = titled(await quickFixesWith(uri, positionOf(editor.document, 'ministry'), `Cite "${AP_TITLE}"`), `Cite "${AP_TITLE}"`);
    const text = await apply(uri, action, []);
    assert.equal(text, `# Talks continue\n\n${NORWAY}[^x][^${AP}]\n\n[^x]: bbc-maduro-secret-talks-us\n${AP_DEFINITION}\n`);
  });

  test('Ignore this claim: puts the ignore comment above the paragraph', async () => {
    const uri = scratchCopy('drafts/unsupported.md');
    const { editor } = await openAndWait(uri, ['unsupported']);
    const actions = await quickFixesWith(uri, positionOf(editor.document, 'passed a resolution'), 'Ignore this claim');
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this claim', 'Accept this claim'], 'an unsupported claim has nothing to cite or replace');
    const text = await apply(uri, actions[0]!, []);
    assert.equal(text, '# The Security Council\n\n<!-- grounded-ignore -->\nThe UN Security Council passed a resolution supporting the talks.\n');
  });

  test('no quick fix where there is no finding', async () => {
    const uri = scratchCopy('drafts/mixed.md');
    const { editor } = await openAndWait(uri, ['citation-mismatch', 'contradicted', 'uncited', 'unsupported']);
    // First a position with fixes, so an empty answer below is not a cancelled request.
    await quickFixesWith(uri, positionOf(editor.document, 'more than 70'), 'Ignore this claim');
    assert.deepEqual(await quickFixes(uri, positionOf(editor.document, 'Will the talks')), []);
    assert.deepEqual(await quickFixes(uri, new vscode.Position(0, 3)), []);
  });
});
