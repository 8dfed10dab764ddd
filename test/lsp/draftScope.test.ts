// Which documents the server checks as you type (only drafts), project configs as the server reads them, "Accept this
// claim", and the parity between the CLI and the editor on one project: the real server over stdio.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ServerCommands } from '../../server/src/protocol';
import { AP, NORWAY, UNSUPPORTED } from '../fixtures/examples';
import { LspClient, ROOT, ensureServerBuilt, positionOf, rangeAt } from './harness';

const NEWSROOM = join(ROOT, 'test', 'fixtures', 'projects', 'newsroom');
const CONTRADICTED = 'Bolton and Ross were expected to attend a conference in Chile.';

let workspace: string;
let client: LspClient;
before(async () => {
  ensureServerBuilt();
  workspace = mkdtempSync(join(tmpdir(), 'grounded-drafts-'));
  // Without the harness's default: no settings glob makes every file a draft.
  client = await LspClient.start({ workspaceFolders: [workspace], settings: (settings) => (settings.drafts.include = []) });
});
after(async () => {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
});

/** Writes a file into the workspace and returns its URI. */
function file(relative: string, text: string): string {
  const path = join(workspace, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return pathToFileURL(path).href;
}

/**
 * Opens a document and returns the diagnostics published for its first version, and whether the server called it a
 * draft (its status after the check: `not-a-draft`, or the counts of a check).
 */
async function openDocument(uri: string, text: string): Promise<{ diagnostics: Diagnostic[]; draft: boolean }> {
  const statuses = client.statusMark();
  const diagnostics = await client.openAndWait(uri, text);
  const status = await client.waitForStatus(uri, (s) => s.state === 'not-a-draft' || s.counts !== undefined, statuses);
  return { diagnostics, draft: status.state !== 'not-a-draft' };
}

describe('only drafts are checked as you type', () => {
  test('a Markdown file of a folder without config, citing nothing, publishes no diagnostics and is reported as not a draft', async () => {
    const text = `# Notes\n\n${UNSUPPORTED}\n\n${CONTRADICTED}\n`;
    const uri = file('notes/readme.md', text);
    const { diagnostics, draft } = await openDocument(uri, text);
    assert.deepEqual(diagnostics, []);
    assert.equal(draft, false);
    client.close(uri);
  });

  test('a file that cites a source of the library is a draft', async () => {
    const text = `${NORWAY}[^${AP}]\n\n${CONTRADICTED}\n`;
    const uri = file('cites.md', text);
    const { diagnostics, draft } = await openDocument(uri, text);
    assert.equal(draft, true);
    assert.deepEqual(diagnostics.map((d) => d.code), ['contradicted']);
    client.close(uri);
  });

  test('a citation that names no source of the library does not make a draft', async () => {
    const text = `${CONTRADICTED}[^1]\n\n[^1]: My own note.\n`;
    const uri = file('own-notes.md', text);
    assert.equal((await openDocument(uri, text)).draft, false);
    client.close(uri);
  });

  test('front matter with grounded: true makes a draft', async () => {
    const text = `---\ntitle: A draft\ngrounded: true\n---\n\n${CONTRADICTED}\n`;
    const uri = file('front-matter.md', text);
    const { diagnostics, draft } = await openDocument(uri, text);
    assert.equal(draft, true);
    assert.deepEqual(diagnostics.map((d) => d.code), ['contradicted']);
    client.close(uri);
  });

  test('"Check this file anyway" (verifyDocument) checks a file that is not a draft, then as you type until it is closed', async () => {
    const text = `${CONTRADICTED}\n`;
    const uri = file('anyway.md', text);
    assert.equal((await openDocument(uri, text)).draft, false);
    const mark = client.mark();
    await client.executeCommand(ServerCommands.verifyDocument, uri);
    const checked = await client.waitForDiagnostics(uri, { version: 1, after: mark, where: (d) => d.length > 0 });
    assert.deepEqual(checked.map((d) => d.code), ['contradicted']);
    const after = client.mark();
    const statuses = client.statusMark();
    const version = client.replaceText(uri, `${UNSUPPORTED}\n`);
    const edited = await client.waitForDiagnostics(uri, { version, after });
    assert.deepEqual(edited.map((d) => d.code), ['unsupported']);
    await client.waitForStatus(uri, (s) => s.counts?.unsupported === 1, statuses);
    client.close(uri);
    // Reopened, it is no draft again.
    const reopened = await openDocument(uri, text);
    assert.deepEqual(reopened.diagnostics, []);
    assert.equal(reopened.draft, false);
    client.close(uri);
  });

  test('verifyWorkspace checks the drafts and passes over the other Markdown files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grounded-drafts-workspace-'));
    const other = await LspClient.start({ workspaceFolders: [folder], settings: (settings) => (settings.drafts.include = []) });
    try {
      writeFileSync(join(folder, 'README.md'), `${UNSUPPORTED}\n`);
      writeFileSync(join(folder, 'draft.md'), `---\ngrounded: true\n---\n\n${CONTRADICTED}\n`);
      const summary = await other.executeCommand<{ files: number; claims: number }>(ServerCommands.verifyWorkspace);
      assert.deepEqual([summary.files, summary.claims], [1, 1]);
      assert.ok(!other.diagnostics.seen.some((p) => p.uri === pathToFileURL(join(folder, 'README.md')).href && p.diagnostics.length > 0));
    } finally {
      await other.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a project config', () => {
  test('covers the drafts its globs include; the rest of its folder is quiet; its severities apply', async () => {
    file('project/.grounded.yaml', 'drafts:\n  include: ["drafts/**/*.md"]\nseverity:\n  contradicted: warning\n');
    const draftText = `${CONTRADICTED}\n`;
    const draft = file('project/drafts/one.md', draftText);
    const opened = await openDocument(draft, draftText);
    assert.equal(opened.draft, true);
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.severity]), [['contradicted', 2]]);
    const readme = file('project/README.md', draftText);
    assert.equal((await openDocument(readme, draftText)).draft, false);
    client.close(draft);
    client.close(readme);
  });

  test('a broken config gets diagnostics on the file at the line at fault; the rest of it still applies', async () => {
    const config = file('broken/.grounded.yaml', 'drafts:\n  include: ["*.md"]\nseverity:\n  contradicted: loud\n  uncitd: off\n');
    const text = `${CONTRADICTED}\n`;
    const uri = file('broken/draft.md', text);
    const mark = client.mark();
    const { diagnostics, draft } = await openDocument(uri, text);
    assert.equal(draft, true, 'drafts.include still applies');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['contradicted', 1]], 'the default severity where the value is bad');
    const problems = await client.waitForDiagnostics(config, { after: mark });
    assert.deepEqual(problems.map((d) => d.range.start.line), [3, 4]);
    assert.match(String(problems[1]!.message), /uncitd/);
    client.close(uri);
  });

  test('"Accept this claim" records the sentence in the config with an edit the editor applies; the finding then goes', async () => {
    const config = join(workspace, 'accepting', '.grounded.yaml');
    file('accepting/.grounded.yaml', '# Our project\ndrafts:\n  include: ["*.md"]\n');
    const text = `${UNSUPPORTED}\n\n${CONTRADICTED}\n`;
    const uri = file('accepting/draft.md', text);
    const { diagnostics } = await openDocument(uri, text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported', 'contradicted']);

    const actions = await client.codeActions(uri, rangeAt(positionOf(text, 'Security')), ['quickfix']);
    const accept = actions.find((action) => action.title === 'Accept this claim');
    assert.ok(accept, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(accept.diagnostics?.map((d) => d.code), ['unsupported']);
    const changes = accept.edit?.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.textDocument.uri, pathToFileURL(config).href);
    const edit = changes[0]!.edits[0]!;
    assert.ok('newText' in edit);
    const updated = edit.newText;
    assert.match(updated, /^# Our project\ndrafts:\n {2}include: \["\*\.md"\]\n/, 'the rest of the file as written');
    assert.match(updated, /accepted:\n {2}- text: The UN Security Council passed a resolution supporting the talks\.\n {4}hash: [0-9a-f]{16}\n/);
    // The editor saves the edit; the file watcher tells the server.
    const mark = client.mark();
    writeFileSync(config, updated);
    client.filesChanged([{ uri: pathToFileURL(config).href, type: 2 }]);
    const after = await client.waitForDiagnostics(uri, { after: mark, where: (d) => d.length === 1 });
    assert.deepEqual(after.map((d) => d.code), ['contradicted']);
    client.close(uri);
  });
});

describe('the CLI and the editor agree on a project', () => {
  test('same findings, severities, messages and ranges for every draft of the newsroom fixture', async () => {
    const project = mkdtempSync(join(tmpdir(), 'grounded-parity-'));
    cpSync(NEWSROOM, project, { recursive: true });
    const editor = await LspClient.start({ workspaceFolders: [project], settings: (settings) => (settings.drafts.include = []) });
    try {
      const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'grounded.js'), 'check', '.', '--format', 'json', '--fail-on', 'none'], { cwd: project, encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      const report = JSON.parse(cli.stdout) as { files: { path: string; findings: { code: string; severity: string; message: string; range: unknown }[] }[] };
      assert.deepEqual(report.files.map((f) => f.path).sort(), ['drafts/2019/cited.md', 'drafts/summary.md']);
      const severities: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
      let compared = 0;
      for (const { path, findings } of report.files) {
        const uri = pathToFileURL(join(project, path)).href;
        const diagnostics = await editor.openAndWait(uri, readFileSync(join(project, path), 'utf8'));
        assert.deepEqual(
          diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
          findings.map((f) => ({ code: f.code, severity: severities[f.severity], message: f.message, range: f.range })),
          path,
        );
        compared += findings.length;
      }
      assert.ok(compared >= 3, `the fixture gives findings to compare (${compared})`);
    } finally {
      await editor.stop();
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('a draft over grounded.maxFileSize', () => {
  test('gets one visible notice and no partial check', async () => {
    const small = await LspClient.start({ settings: (settings) => (settings.maxFileSize = 2_000) });
    try {
      const uri = 'file:///virtual/large.md';
      const text = `${CONTRADICTED}\n\n`.repeat(60);
      const statuses = small.statusMark();
      assert.deepEqual(await small.openAndWait(uri, text), []);
      const status = await small.waitForStatus(uri, (s) => s.state === 'error', statuses);
      assert.match(status.message ?? '', /^Not checked: this file is 3,8\d\d bytes, over grounded\.maxFileSize \(2,000\)\.$/);
    } finally {
      await small.stop();
    }
  });
});
