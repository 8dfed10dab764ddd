// Settings as the server reads them: each change applied once however many notifications announce it, and the
// per-folder settings of a multi-root workspace (pulled with the folder as scopeUri) applied to the documents inside
// each folder. The source library's settings are the window's (package.json scopes them so).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigurationItem } from 'vscode-languageserver-protocol';
import { LSP_FIXTURES, LspClient, editsByDocument, ensureServerBuilt, fixtureUri, positionOf, rangeAt, readFixture } from './harness';

const AP = 'ap-norway-barbados-talks';
const NORWAY = 'Norway’s foreign ministry said both parties continue in their search for solutions.';
const UNSUPPORTED = 'The UN Security Council passed a resolution supporting the talks.';

const temporary: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-lsp-settings-'));
  temporary.push(folder);
  return folder;
}

before(ensureServerBuilt);
after(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

describe('a settings change announced twice', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  test('reloads the library once: refreshes run one after another, against the settings last applied', async () => {
    const uri = fixtureUri('unsupported.md');
    await client.openAndWait(uri, readFixture('unsupported.md'));
    const folder = tempFolder();
    copyFileSync(join(LSP_FIXTURES, 'sources', 'un-resolution.md'), join(folder, 'un-resolution.md'));
    const reloads = client.sourcesChanged.seen.length;
    const pulls = client.configurationRequests.seen.length;
    const mark = client.mark();

    client.changeSettings((settings) => (settings.sources.paths = [folder]));
    // The same change again, as VS Code's client sent it when it both synchronized the section and honoured the
    // server's registration.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

    const diagnostics = await client.waitForDiagnostics(uri, { after: mark, where: (d) => d.length === 1 && d[0]!.code === 'uncited' });
    assert.match(String(diagnostics[0]!.message), /UN Security Council backs the Barbados talks/);
    // The second notification's pull is answered; any reload it caused is announced before the next request's answer.
    await client.configurationRequests.wait(() => true, pulls + 1, () => 'the second pull');
    await client.request('grounded/sources');
    assert.equal(client.sourcesChanged.seen.length - reloads, 1, 'one library reload');
    // An announced change that changes nothing republishes nothing.
    const quiet = client.mark();
    const before = client.configurationRequests.seen.length;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.configurationRequests.wait(() => true, before, () => 'the pull');
    await client.request('grounded/sources');
    assert.equal(client.sourcesChanged.seen.length - reloads, 1);
    assert.equal(client.diagnostics.seen.slice(quiet).length, 0);
  });
});

describe('workspace folders with settings of their own', () => {
  let client: LspClient;
  let plain: string;
  let custom: string;
  before(async () => {
    plain = tempFolder();
    custom = tempFolder();
    client = await LspClient.start({
      workspaceFolders: [plain, custom],
      folderSettings: {
        [custom]: (settings) => {
          settings.severity.unsupported = 'off';
          settings.severity.uncited = 'information';
          settings.citationStyle = 'pandoc';
          // A folder cannot change the library: these are read from the window's settings only.
          settings.sources.includeBundled = false;
        },
      },
    });
  });
  after(() => client.stop());

  test('the server pulls the window\'s settings and each folder\'s (scopeUri)', async () => {
    await client.request('grounded/sources');
    const items: ConfigurationItem[] = client.configurationRequests.seen[0]!.items;
    assert.deepEqual(items, [
      { section: 'grounded' },
      { section: 'grounded', scopeUri: pathToFileURL(plain).href },
      { section: 'grounded', scopeUri: pathToFileURL(custom).href },
    ]);
  });

  test('severities and the citation style follow the folder holding the draft', async () => {
    const inPlain = pathToFileURL(join(plain, 'draft.md')).href;
    const inCustom = pathToFileURL(join(custom, 'draft.md')).href;
    const outside = 'untitled:outside.md';
    const text = `# Notes\n\n${NORWAY}\n\n${UNSUPPORTED}\n`;
    const severities = (diagnostics: { code?: unknown; severity?: number }[]) => diagnostics.map((d) => `${String(d.code)}:${d.severity}`);
    assert.deepEqual(severities(await client.openAndWait(inPlain, text)), ['uncited:4', 'unsupported:2']);
    assert.deepEqual(severities(await client.openAndWait(inCustom, text)), ['uncited:3'], 'unsupported is off in that folder');
    assert.deepEqual(severities(await client.openAndWait(outside, text)), ['uncited:4', 'unsupported:2'], 'outside every folder: the window\'s');

    // The library is the window's: the bundled sources back the claim in every folder.
    const cite = (await client.codeActions(inCustom, rangeAt(positionOf(text, 'ministry')), ['quickfix'])).find((a) => a.title.startsWith('Cite'));
    assert.ok(cite);
    const edits = editsByDocument(cite.edit!).get(inCustom)!;
    assert.deepEqual(edits.map((e) => e.newText), [` [@${AP}]`], 'the pandoc style of that folder');
    const footnote = (await client.codeActions(inPlain, rangeAt(positionOf(text, 'ministry')), ['quickfix'])).find((a) => a.title.startsWith('Cite'));
    assert.deepEqual(editsByDocument(footnote!.edit!).get(inPlain)!.map((e) => e.newText)[0], `[^${AP}]`);

    // A change to one folder's settings applies to its drafts only.
    const mark = client.mark();
    client.folderSettings.get(pathToFileURL(custom).href)!.severity.unsupported = 'error';
    client.changeSettings(() => undefined);
    const republished = await client.waitForDiagnostics(inCustom, { after: mark, where: (d) => d.length === 2 });
    assert.deepEqual(severities(republished), ['uncited:3', 'unsupported:1']);
    const plainNow = client.diagnostics.seen.slice(mark).filter((p) => p.uri === inPlain).at(-1)?.diagnostics;
    if (plainNow) assert.deepEqual(severities(plainNow), ['uncited:4', 'unsupported:2']);
  });
});
