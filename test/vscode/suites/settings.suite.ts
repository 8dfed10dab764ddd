// Settings changed in the workspace (.vscode/settings.json of the temp workspace, as the Settings editor writes them)
// take effect at once, without a restart: citation style, severities, source folders.
import * as assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../../client/src/extension';
import {
  AP,
  AP_TITLE,
  BUNDLED_TITLES,
  codeOf,
  codesOf,
  groundedApi,
  hoverTexts,
  nextDiagnosticsChange,
  openAndWait,
  positionOf,
  quickFixesWith,
  scratchCopy,
  setSetting,
  titled,
  waitForDiagnostics,
  withTimeout,
  workspaceRoot,
  WAIT_MS,
} from '../host';
import { NORWAY } from '../../fixtures/examples';

const UN_TITLE = 'UN Security Council backs the Barbados talks';

function severityOf(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.DiagnosticSeverity | undefined {
  return diagnostics.find((d) => codeOf(d) === code)?.severity;
}

suite('Settings', () => {
  let api: GroundedApi;
  /** Settings a test changed, put back after it (and waited for) so the next test starts from the defaults. */
  let restore: (() => Promise<void>) | undefined;

  suiteSetup(async () => {
    api = await groundedApi();
  });

  teardown(async () => {
    const undo = restore;
    restore = undefined;
    await undo?.();
  });

  test('grounded.citationStyle = pandoc: the Cite quick fix writes [@id]', async () => {
    const uri = scratchCopy('drafts/uncited.md');
    const { editor } = await openAndWait(uri, ['uncited']);
    // Any settings change republishes the open drafts: after that the server has the new style.
    const republished = nextDiagnosticsChange(uri, 'the republish after the citation style changed');
    await setSetting('citationStyle', 'pandoc');
    restore = async () => {
      const back = nextDiagnosticsChange(uri, 'the republish after the citation style was reset');
      await setSetting('citationStyle', undefined);
      await back.done;
    };
    await republished.done;
    const action = titled(await quickFixesWith(uri, positionOf(editor.document, 'ministry'), `Cite "${AP_TITLE}"`), `Cite "${AP_TITLE}"`);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.getText(), `# Talks continue\n\n${NORWAY.slice(0, -1)} [@${AP}].\n`);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics once the claim cites its source');
  });

  test('grounded.severity.*: a new severity shows at once, and "off" removes the finding', async () => {
    const uri = scratchCopy('drafts/mixed.md');
    const { diagnostics } = await openAndWait(uri, ['citation-mismatch', 'contradicted', 'uncited', 'unsupported']);
    assert.equal(severityOf(diagnostics, 'unsupported'), vscode.DiagnosticSeverity.Warning);
    assert.equal(severityOf(diagnostics, 'uncited'), vscode.DiagnosticSeverity.Hint);
    restore = async () => {
      await setSetting('severity.unsupported', undefined);
      await setSetting('severity.uncited', undefined);
      await setSetting('severity.contradicted', undefined);
      await waitForDiagnostics(
        uri,
        (d) => codesOf(d).length === 4 && severityOf(d, 'unsupported') === vscode.DiagnosticSeverity.Warning && severityOf(d, 'uncited') === vscode.DiagnosticSeverity.Hint,
        'the default severities back',
      );
    };

    await setSetting('severity.unsupported', 'error');
    await waitForDiagnostics(uri, (d) => severityOf(d, 'unsupported') === vscode.DiagnosticSeverity.Error, 'unsupported shown as an error');

    await setSetting('severity.uncited', 'information');
    const after = await waitForDiagnostics(uri, (d) => severityOf(d, 'uncited') === vscode.DiagnosticSeverity.Information, 'uncited shown as information');
    assert.equal(severityOf(after, 'contradicted'), vscode.DiagnosticSeverity.Error, 'the others keep theirs');
    assert.equal(severityOf(after, 'citation-mismatch'), vscode.DiagnosticSeverity.Warning);

    await setSetting('severity.contradicted', 'off');
    const off = await waitForDiagnostics(uri, (d) => !codesOf(d).includes('contradicted'), 'contradicted turned off');
    assert.deepEqual(codesOf(off), ['citation-mismatch', 'uncited', 'unsupported']);
  });

  test('grounded.sources.paths: a folder of your own sources backs claims, and the Sources view lists it', async () => {
    const extra = join(dirname(workspaceRoot()), 'extra-sources');
    const uri = scratchCopy('drafts/unsupported.md');
    const { editor } = await openAndWait(uri, ['unsupported']);
    restore = async () => {
      await setSetting('sources.paths', undefined);
      // The draft now cites un-resolution, which is gone from the library: unsupported, and a citation mismatch.
      await waitForDiagnostics(uri, (d) => codesOf(d).includes('unsupported'), 'the claim unsupported again without the extra folder');
      assert.deepEqual([...(await api.sourceItems())].sort(), [...BUNDLED_TITLES].sort());
    };

    await setSetting('sources.paths', [extra]);
    const diagnostics = await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'uncited', 'the claim supported by the added source');
    assert.equal(diagnostics[0]!.message, `Supported by "${UN_TITLE}" but not cited.`);

    const items = await withTimeout(api.sourceItems(), WAIT_MS, 'the Sources view items');
    assert.deepEqual([...items].sort(), [...BUNDLED_TITLES, UN_TITLE].sort());

    const hover = (await hoverTexts(uri, positionOf(editor.document, 'passed a resolution'))).find((text) => /confidence \d+%/.test(text));
    assert.match(hover ?? '', /^\*\*Supported\*\*/);
    assert.match(hover ?? '', new RegExp(`\\*${UN_TITLE}\\*, Example Wire, 2019-08-02`));

    const cite = titled(await quickFixesWith(uri, positionOf(editor.document, 'passed a resolution'), `Cite "${UN_TITLE}"`), `Cite "${UN_TITLE}"`);
    assert.ok(await vscode.workspace.applyEdit(cite.edit!));
    assert.equal(
      editor.document.getText(),
      `# The Security Council\n\nThe UN Security Council passed a resolution supporting the talks.[^un-resolution]\n\n[^un-resolution]: “${UN_TITLE},” Example Wire, August 2, 2019.\n`,
    );
  });
});
