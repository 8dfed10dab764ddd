// Settings as the server reads them: each change applied once however many notifications announce it, and the
// per-folder settings of a multi-root workspace (pulled with the folder as scopeUri) applied to the documents inside
// each folder. The source library is one for all folders, made from the window's `sources.*` and every folder's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigurationItem } from 'vscode-languageserver-protocol';
import type { SourcesResult } from '../../server/src/protocol';
import { LSP_FIXTURES, LspClient, editsByDocument, ensureServerBuilt, fixtureUri, positionOf, rangeAt, readFixture } from './harness';
import { AP, NORWAY, UNSUPPORTED } from '../fixtures/examples';

const UN_SOURCE = join(LSP_FIXTURES, 'sources', 'un-resolution.md');
const OAS_SOURCE = join(LSP_FIXTURES, 'sources', 'oas-observers.md');
const OAS_TITLE = 'Regional observers to attend the Barbados talks';
/** Backed by oas-observers.md only (not by the bundled sources, nor by un-resolution.md). */
const OAS_CLAIM = 'The Organization of American States sent two observers to the talks in Barbados.';

const temporary: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-lsp-settings-'));
  temporary.push(folder);
  return folder;
}

/** A workspace folder holding `refs/` with copies of the given sources (none: no `refs/` at all). */
function workspaceWith(...sources: string[]): string {
  const folder = tempFolder();
  if (sources.length > 0) mkdirSync(join(folder, 'refs'));
  for (const source of sources) copyFileSync(source, join(folder, 'refs', basename(source)));
  return folder;
}

const fileUri = (...parts: string[]): string => pathToFileURL(join(...parts)).href;

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
          // One library serves all folders: this folder turning the bundled sources off does not take them from
          // the others (the window's value and the other folder's are on).
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

    // One library: the bundled sources back the claim in every folder, that one included.
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

describe('a multi-root workspace whose folders each list a source folder of their own', () => {
  let client: LspClient;
  let folderA: string;
  let folderB: string;
  before(async () => {
    folderA = workspaceWith(UN_SOURCE);
    folderB = workspaceWith(OAS_SOURCE);
    client = await LspClient.start({
      workspaceFolders: [folderA, folderB],
      // The same relative path in both folders' settings: each resolved against its own folder.
      folderSettings: {
        [folderA]: (settings) => (settings.sources.paths = ['refs']),
        [folderB]: (settings) => (settings.sources.paths = ['refs']),
      },
    });
  });
  after(() => client.stop());

  test('one library holds the bundled sources and both folders\' sources', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.problems, []);
    assert.ok(result.sources.some((s) => s.bundled), 'the bundled sources');
    const own = result.sources.filter((s) => !s.bundled).map((s) => [s.id, s.uri]);
    assert.deepEqual(own, [
      ['un-resolution', fileUri(folderA, 'refs', 'un-resolution.md')],
      ['oas-observers', fileUri(folderB, 'refs', 'oas-observers.md')],
    ]);
    assert.equal(client.statuses.seen.some((s) => s.state === 'error'), false, 'no folder is missing');
  });

  test('a claim backed only by folder B\'s source is supported in a draft of folder A; B dropping it reloads once', async () => {
    const inA = fileUri(folderA, 'draft.md');
    const text = `# Notes\n\n${OAS_CLAIM}\n`;
    const supported = await client.openAndWait(inA, text);
    assert.deepEqual(supported.map((d) => d.code), ['uncited']);
    assert.equal(supported[0]!.message, `Supported by "${OAS_TITLE}" but not cited.`);

    const reloads = client.sourcesChanged.seen.length;
    const pulls = client.configurationRequests.seen.length;
    const mark = client.mark();
    client.folderSettings.get(pathToFileURL(folderB).href)!.sources.paths = [];
    client.changeSettings(() => undefined);
    // Announced twice, as a burst of notifications would: still one reload.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

    const unsupported = await client.waitForDiagnostics(inA, { after: mark, where: (d) => d.length === 1 && d[0]!.code === 'unsupported' });
    assert.match(String(unsupported[0]!.message), /no source backs/i);
    await client.configurationRequests.wait(() => true, pulls + 1, () => 'the second pull');
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.equal(client.sourcesChanged.seen.length - reloads, 1, 'one library reload');
    assert.deepEqual(result.sources.filter((s) => !s.bundled).map((s) => s.id), ['un-resolution'], 'folder A\'s source stays');
  });
});

describe('a relative source path in the workspace settings, which the folders inherit', () => {
  let client: LspClient;
  let folderA: string;
  before(async () => {
    folderA = workspaceWith(UN_SOURCE);
    const folderB = workspaceWith(); // no refs/ here
    // No folder settings: the client answers each folder's pull with the window's value, as VS Code does for a
    // folder that sets nothing itself.
    client = await LspClient.start({ workspaceFolders: [folderA, folderB], settings: (settings) => (settings.sources.paths = ['refs']) });
  });
  after(() => client.stop());

  test('is read from the first workspace folder only, not looked for in every folder', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.sources.filter((s) => !s.bundled).map((s) => s.uri), [fileUri(folderA, 'refs', 'un-resolution.md')]);
    assert.equal(client.statuses.seen.some((s) => s.state === 'error'), false);
  });
});

describe('the bundled sources, and one source folder named by two folders', () => {
  let client: LspClient;
  let folderA: string;
  let folderB: string;
  before(async () => {
    folderA = workspaceWith(UN_SOURCE);
    folderB = workspaceWith();
    client = await LspClient.start({
      workspaceFolders: [folderA, folderB],
      settings: (settings) => (settings.sources.includeBundled = false),
      folderSettings: {
        [folderA]: (settings) => (settings.sources.paths = ['refs']),
        [folderB]: (settings) => {
          settings.sources.includeBundled = true;
          settings.sources.paths = [join(folderA, 'refs')];
        },
      },
    });
  });
  after(() => client.stop());

  test('are included when one folder asks for them, whatever the others say; the shared folder is read once', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.problems, [], 'no duplicate sources');
    assert.ok(result.sources.some((s) => s.bundled));
    assert.deepEqual(result.sources.filter((s) => !s.bundled).map((s) => s.id), ['un-resolution']);
  });

  test('are left out once every folder (and the window) turns them off', async () => {
    const reloads = client.sourcesChanged.seen.length;
    client.folderSettings.get(pathToFileURL(folderB).href)!.sources.includeBundled = false;
    client.changeSettings(() => undefined);
    await client.sourcesChanged.wait(() => true, reloads, () => 'the reload');
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.sources.map((s) => s.id), ['un-resolution']);
    assert.equal(client.sourcesChanged.seen.length - reloads, 1);
  });
});

describe('an untrusted multi-root workspace', () => {
  let client: LspClient;
  let folderB: string;
  let outside: string;
  before(async () => {
    const folderA = workspaceWith();
    folderB = workspaceWith(OAS_SOURCE);
    outside = workspaceWith(UN_SOURCE);
    client = await LspClient.start({
      workspaceFolders: [folderA, folderB],
      initializationOptions: { workspaceTrusted: false },
      folderSettings: { [folderB]: (settings) => (settings.sources.paths = ['refs', join(outside, 'refs')]) },
    });
  });
  after(() => client.stop());

  test('reads a folder\'s source folders inside the workspace, not those outside it', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.sources.filter((s) => !s.bundled).map((s) => s.uri), [fileUri(folderB, 'refs', 'oas-observers.md')]);
    assert.ok(result.sources.some((s) => s.bundled));
    const refused = result.problems.find((p) => p.path === join(outside, 'refs'));
    assert.match(refused?.message ?? '', /not trusted/);
  });
});
