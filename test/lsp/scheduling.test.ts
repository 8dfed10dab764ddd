// When checks run (debounced edits, stale checks dropped, checkOn save/manual) and the server commands: verify a
// document, verify the workspace, rank the sources for a sentence.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerCommands, type DocumentSummary, type RankedSource, type WorkspaceSummary } from '../../server/src/protocol';
import { LspClient, ensureServerBuilt, positionOf, readFixture } from './harness';

const CONTRADICTED = 'Bolton and Ross were expected to attend a conference in Chile.\n';
const UNSUPPORTED = 'The UN Security Council passed a resolution supporting the talks.\n';
const SUPPORTED = 'Norway’s foreign ministry said both parties continue in their search for solutions.\n';

let client: LspClient;
let workspace: string;
let outside: string;
before(async () => {
  ensureServerBuilt();
  workspace = mkdtempSync(join(tmpdir(), 'grounded-lsp-workspace-'));
  mkdirSync(join(workspace, 'notes'));
  mkdirSync(join(workspace, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(workspace, '.hidden'));
  writeFileSync(join(workspace, 'conference.md'), `# Conference\n\n${CONTRADICTED}`);
  writeFileSync(join(workspace, 'notes', 'talks.md'), `# Talks\n\n${SUPPORTED}\n${UNSUPPORTED}`);
  writeFileSync(join(workspace, 'notes', 'ignored.txt'), UNSUPPORTED);
  writeFileSync(join(workspace, 'node_modules', 'pkg', 'README.md'), UNSUPPORTED);
  writeFileSync(join(workspace, '.hidden', 'draft.md'), UNSUPPORTED);
  // A folder link that leads out of the workspace: what lies there is not the workspace's to check.
  outside = mkdtempSync(join(tmpdir(), 'grounded-lsp-outside-'));
  writeFileSync(join(outside, 'elsewhere.md'), `# Elsewhere\n\n${UNSUPPORTED}`);
  symlinkSync(outside, join(workspace, 'linked'));
  client = await LspClient.start({ workspaceFolders: [workspace] });
});
after(async () => {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Changes the settings and waits until the server has re-read them (it republishes the open document). */
async function changeSettingsAndWait(uri: string, change: Parameters<LspClient['changeSettings']>[0]): Promise<void> {
  const mark = client.mark();
  client.changeSettings(change);
  await client.waitForDiagnostics(uri, { after: mark });
}

describe('scheduling', () => {
  const uri = 'file:///virtual/typing.md';

  test('two quick edits: the first is never checked, only the latest version is published', async () => {
    assert.deepEqual((await client.openAndWait(uri, SUPPORTED)).map((d) => d.code), ['uncited']);
    const mark = client.mark();
    const stale = client.replaceText(uri, UNSUPPORTED);
    const latest = client.replaceText(uri, CONTRADICTED);
    const diagnostics = await client.waitForDiagnostics(uri, { version: latest, after: mark });
    assert.deepEqual(diagnostics.map((d) => d.code), ['contradicted']);
    const published = client.diagnostics.seen.slice(mark).filter((p) => p.uri === uri);
    assert.deepEqual(published.map((p) => p.version), [latest], `version ${stale} must not be published`);
  });

  test('checkOn "save": an edit is checked when saved', async () => {
    await changeSettingsAndWait(uri, (settings) => {
      settings.checkOn = 'save';
      settings.debounceMs = 0;
    });
    try {
      const mark = client.mark();
      const version = client.replaceText(uri, UNSUPPORTED);
      client.save(uri);
      const diagnostics = await client.waitForDiagnostics(uri, { version, after: mark });
      assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported']);
      assert.equal(client.diagnostics.seen.slice(mark).filter((p) => p.uri === uri).length, 1);
    } finally {
      await changeSettingsAndWait(uri, (settings) => {
        settings.checkOn = 'type';
        settings.debounceMs = 300;
      });
    }
  });

  test('checkOn "manual": nothing on open; verifyDocument checks, publishes and sums up', async () => {
    await changeSettingsAndWait(uri, (settings) => (settings.checkOn = 'manual'));
    try {
      const manualUri = 'file:///virtual/manual.md';
      const mark = client.mark();
      client.open(manualUri, readFixture('mixed.md'));
      const summary = await client.executeCommand<DocumentSummary>(ServerCommands.verifyDocument, manualUri);
      assert.deepEqual(summary, { uri: manualUri, claims: 3, counts: { supported: 1, unsupported: 1, contradicted: 1 }, skipped: 1 });
      const diagnostics = await client.waitForDiagnostics(manualUri, { version: 1, after: mark });
      assert.deepEqual(diagnostics.map((d) => d.code), ['contradicted', 'unsupported']);
      assert.equal(client.diagnostics.seen.slice(mark).filter((p) => p.uri === manualUri).length, 1, 'only the command published');
      client.close(manualUri);
    } finally {
      await changeSettingsAndWait(uri, (settings) => (settings.checkOn = 'type'));
    }
  });
});

describe('commands', () => {
  test('verifyWorkspace checks the Markdown files (not node_modules, hidden folders or other files) and publishes them', async () => {
    const mark = client.mark();
    const summary = await client.executeCommand<WorkspaceSummary>(ServerCommands.verifyWorkspace);
    assert.deepEqual(summary, { files: 2, claims: 3, counts: { supported: 1, unsupported: 1, contradicted: 1 }, problems: [] });
    const conference = await client.waitForDiagnostics(pathToFileURL(join(workspace, 'conference.md')).href, { after: mark });
    assert.deepEqual(conference.map((d) => d.code), ['contradicted']);
    const talks = await client.waitForDiagnostics(pathToFileURL(join(workspace, 'notes', 'talks.md')).href, { after: mark });
    assert.deepEqual(talks.map((d) => d.code), ['uncited', 'unsupported']);
    const published = new Set(client.diagnostics.seen.slice(mark).map((p) => p.uri));
    assert.ok(![...published].some((u) => u.includes('node_modules') || u.includes('.hidden') || u.endsWith('.txt') || u.includes('elsewhere')));
  });

  test('rankSources: the source backing the sentence first, then the others by score', async () => {
    const uri = 'file:///virtual/rank.md';
    const text = `# Talks\n\n${SUPPORTED}`;
    await client.openAndWait(uri, text);
    const ranked = await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, uri, positionOf(text, 'ministry'));
    assert.ok(ranked.length >= 2, JSON.stringify(ranked));
    assert.equal(ranked[0]!.id, 'ap-norway-barbados-talks');
    assert.equal(ranked[0]!.verdict, 'supported');
    assert.equal(ranked[0]!.line, 10);
    assert.match(ranked[0]!.passage, /continue in their search for solutions/);
    const others = ranked.slice(1);
    assert.ok(others.every((r) => r.verdict !== 'supported'));
    for (let i = 1; i < others.length; i++) assert.ok(others[i - 1]!.score >= others[i]!.score, JSON.stringify(others));
    assert.equal(new Set(ranked.map((r) => r.id)).size, ranked.length, 'each source once');
  });

  test('rankSources on a heading (no sentence) is empty', async () => {
    const ranked = await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, 'file:///virtual/rank.md', { line: 0, character: 2 });
    assert.deepEqual(ranked, []);
  });
});
