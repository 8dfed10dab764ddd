// The source library as the server sees it: the grounded/sources request, folders added through the settings at run
// time, files edited on disk (workspace/didChangeWatchedFiles), unreadable folders (the error status) and the
// untrusted-workspace rule.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RegistrationParams } from 'vscode-languageserver-protocol';
import type { SourcesResult } from '../../server/src/protocol';
import { LSP_FIXTURES, LspClient, ensureServerBuilt, fixtureUri, readFixture } from './harness';

const BUNDLED_IDS = [
  'ap-norway-barbados-talks',
  'arreaza-open-to-us-dialogue',
  'bbc-maduro-secret-talks-us',
  'maduro-secret-meetings-us',
  'venezuela-mexico-negotiations',
];
const UN_SOURCE = join(LSP_FIXTURES, 'sources', 'un-resolution.md');
const UN_TITLE = 'UN Security Council backs the Barbados talks';

const temporary: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-lsp-'));
  temporary.push(folder);
  return folder;
}

before(ensureServerBuilt);
after(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

function watchedGlobs(registrations: RegistrationParams[]): unknown[] {
  return registrations
    .flatMap((r) => r.registrations)
    .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
    .flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
}

describe('with the bundled sources', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  test('grounded/sources lists the library', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.sources.map((s) => s.id), BUNDLED_IDS);
    assert.deepEqual(result.problems, []);
    const ap = result.sources[0]!;
    assert.equal(ap.title, "Norway says Venezuela's government and opposition will continue their talks in Barbados");
    assert.equal(ap.outlet, 'AP');
    assert.match(ap.uri, /^file:\/\/.*\/sources\/ap-norway-barbados-talks\.md$/);
    assert.ok(ap.passages > 0);
    assert.equal(ap.bundled, true);
    assert.deepEqual(client.statuses.seen.slice(0, 2), [{ state: 'starting' }, { state: 'ready' }]);
  });

  test('a source folder added in the settings applies at once: the unsupported claim becomes supported', async () => {
    const uri = fixtureUri('unsupported.md');
    assert.deepEqual((await client.openAndWait(uri, readFixture('unsupported.md'))).map((d) => d.code), ['unsupported']);

    const folder = tempFolder();
    copyFileSync(UN_SOURCE, join(folder, 'un-resolution.md'));
    const mark = client.mark();
    const changes = client.sourcesChanged.seen.length;
    client.changeSettings((settings) => (settings.sources.paths = [folder]));
    const diagnostics = await client.waitForDiagnostics(uri, { after: mark, where: (d) => d.length === 1 && d[0]!.code === 'uncited' });
    assert.equal(diagnostics[0]!.message, `Supported by "${UN_TITLE}" but not cited.`);
    assert.ok(client.sourcesChanged.seen.length > changes, 'grounded/sourcesChanged was sent');

    const result = await client.request<SourcesResult>('grounded/sources');
    const added = result.sources.find((s) => s.id === 'un-resolution');
    assert.deepEqual(added, {
      id: 'un-resolution',
      title: UN_TITLE,
      outlet: 'Example Wire',
      date: '2019-08-02',
      uri: pathToFileURL(join(folder, 'un-resolution.md')).href,
      passages: 1,
      bundled: false,
    });
    // The server asked the client to watch the new folder.
    assert.deepEqual(watchedGlobs(client.registrations).at(-1), { baseUri: pathToFileURL(folder).href, pattern: '**/*.{md,markdown,txt,json,bib}' });
  });
});

describe('a source folder edited on disk, and one that is missing', () => {
  let client: LspClient;
  let folder: string;
  let missing: string;
  before(async () => {
    folder = tempFolder();
    missing = join(folder, 'no-such-folder');
    writeFileSync(join(folder, 'later.md'), '---\nid: later\ntitle: Later\n---\nThe weather in Caracas was mild on Tuesday.\n');
    client = await LspClient.start({ settings: (settings) => (settings.sources.paths = [folder, missing]) });
  });
  after(() => client.stop());

  test('an unreadable configured folder puts the status in error, with the message', async () => {
    const status = await client.statuses.wait((s) => s.state === 'error', 0, () => 'an error status');
    assert.match(status.message ?? '', /no-such-folder/);
    assert.match(status.message ?? '', /not found/);
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.ok(result.problems.some((p) => p.path === missing));
    assert.ok(result.sources.some((s) => s.id === 'later'), 'the readable folder is still loaded');
  });

  test('a source file changed on disk is re-indexed after workspace/didChangeWatchedFiles', async () => {
    const uri = fixtureUri('unsupported.md');
    assert.deepEqual((await client.openAndWait(uri, readFixture('unsupported.md'))).map((d) => d.code), ['unsupported']);
    // The check's status stays an error while the folder is missing, and carries the counts.
    const checked = await client.statuses.wait((s) => s.uri === uri && s.counts !== undefined, 0, () => 'a status after the check');
    assert.equal(checked.state, 'error');
    assert.deepEqual(checked.counts, { supported: 0, unsupported: 1, contradicted: 0 });

    const file = join(folder, 'later.md');
    writeFileSync(file, '---\nid: later\ntitle: Later\n---\nThe UN Security Council passed a resolution supporting the talks in Barbados.\n');
    const mark = client.mark();
    client.filesChanged([{ uri: pathToFileURL(file).href, type: 2 }]);
    const diagnostics = await client.waitForDiagnostics(uri, { after: mark, where: (d) => d.length === 1 && d[0]!.code === 'uncited' });
    assert.equal(diagnostics[0]!.message, 'Supported by "Later" but not cited.');
  });
});

describe('an untrusted workspace', () => {
  let client: LspClient;
  let outside: string;
  before(async () => {
    const workspace = tempFolder();
    mkdirSync(join(workspace, 'sources'));
    copyFileSync(UN_SOURCE, join(workspace, 'sources', 'un-resolution.md'));
    outside = tempFolder();
    writeFileSync(join(outside, 'outside.md'), '---\nid: outside-article\ntitle: Outside\n---\nSomething reported elsewhere on Monday.\n');
    // A link inside an allowed folder that leads out of the workspace (to /etc/passwd, say).
    writeFileSync(join(outside, 'secret.md'), '---\nid: secret\ntitle: Secret\n---\nThe password is swordfish.\n');
    symlinkSync(join(outside, 'secret.md'), join(workspace, 'sources', 'linked.md'));
    client = await LspClient.start({
      workspaceFolders: [workspace],
      initializationOptions: { workspaceTrusted: false },
      // A relative path resolves against the first workspace folder.
      settings: (settings) => (settings.sources.paths = ['sources', outside]),
    });
  });
  after(() => client.stop());

  test('reads the bundled sources and the folders inside the workspace, not the others', async () => {
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.sources.map((s) => s.id), [...BUNDLED_IDS, 'un-resolution']);
    const refused = result.problems.find((p) => p.path === outside);
    assert.match(refused?.message ?? '', /not trusted/);
    const linked = result.problems.find((p) => p.path.endsWith('linked.md'));
    assert.match(linked?.message ?? '', /links outside the workspace, which is not trusted/);
  });
});

describe('a client that cannot watch files', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    folder = tempFolder();
    writeFileSync(join(folder, 'later.md'), '---\nid: later\ntitle: Later\n---\nThe weather in Caracas was mild on Tuesday.\n');
    client = await LspClient.start({ clientWatchesFiles: false, settings: (settings) => (settings.sources.paths = [folder]) });
  });
  after(() => client.stop());

  test('the server watches the source folders itself', async () => {
    const uri = fixtureUri('unsupported.md');
    assert.deepEqual((await client.openAndWait(uri, readFixture('unsupported.md'))).map((d) => d.code), ['unsupported']);
    assert.deepEqual(watchedGlobs(client.registrations), []);
    const mark = client.mark();
    copyFileSync(UN_SOURCE, join(folder, 'un-resolution.md'));
    const diagnostics = await client.waitForDiagnostics(uri, { after: mark, where: (d) => d.length === 1 && d[0]!.code === 'uncited' });
    assert.equal(diagnostics[0]!.message, `Supported by "${UN_TITLE}" but not cited.`);
  });
});
