// Faults while the language server runs (the real server over stdio, test/lsp/harness.ts): a source folder that
// disappears or turns unreadable, a source file truncated mid-write, a client that dies mid-request. The server stays
// up (or exits cleanly when its client is gone), never spins, and its last diagnostics are those of the last text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { DEFAULT_SEVERITY } from '../../server/src/findings/codes';
import { findingsOf } from '../../server/src/findings/findings';
import type { SourcesResult } from '../../server/src/protocol';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { UNSUPPORTED } from '../fixtures/examples';
import { LSP_FIXTURES, LspClient, ROOT, ensureServerBuilt, largeDraft } from '../lsp/harness';

const UN_SOURCE = join(LSP_FIXTURES, 'sources', 'un-resolution.md');
const { Created: CREATED, Changed: CHANGED, Deleted: DELETED } = FileChangeType;

const temporary: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-faults-'));
  temporary.push(folder);
  return folder;
}

before(ensureServerBuilt);
after(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

/** The server answers a request: it is up and not stuck. */
async function assertResponsive(client: LspClient): Promise<void> {
  const sources = await client.request<SourcesResult>('grounded/sources');
  assert.ok(Array.isArray(sources.sources));
}

describe('a source folder that disappears, turns unreadable, or has a file truncated mid-write', () => {
  let client: LspClient;
  let folder: string;
  let source: string;
  const draftUri = pathToFileURL(join(tmpdir(), 'grounded-faults-draft.md')).href;

  before(async () => {
    const parent = tempFolder();
    folder = join(parent, 'sources');
    mkdirSync(folder);
    source = join(folder, 'un-resolution.md');
    copyFileSync(UN_SOURCE, source);
    client = await LspClient.start({ settings: (settings) => (settings.sources.paths = [folder]) });
  });
  after(() => client.stop());

  /** Tells the server about a change under the folder and waits for the draft's diagnostics to say `expected`. */
  async function afterChange(type: FileChangeType, expected: string[]): Promise<Diagnostic[]> {
    const mark = client.mark();
    client.filesChanged([{ uri: pathToFileURL(source).href, type }]);
    return client.waitForDiagnostics(draftUri, { after: mark, where: (d) => JSON.stringify(codes(d)) === JSON.stringify(expected) });
  }

  test('the source backs the draft at first', async () => {
    assert.deepEqual(codes(await client.openAndWait(draftUri, `${UNSUPPORTED}\n`)), ['uncited']);
  });

  test('the source file truncated mid-write (half its front matter, then half a character): the server reports it and goes on', async () => {
    const whole = readFileSync(source);
    // Cut inside the front matter: the file has no closing `---`, and its id line is cut short.
    writeFileSync(source, whole.subarray(0, 20));
    await afterChange(CHANGED, ['unsupported']);
    await assertResponsive(client);
    // Cut inside a multi-byte character ("é" is two bytes): not UTF-8 any more, named as a problem.
    writeFileSync(source, Buffer.concat([whole, Buffer.from('Caf\u00e9', 'utf8')]));
    truncateSync(source, whole.length + 4);
    await afterChange(CHANGED, ['unsupported']);
    const result = await client.request<SourcesResult>('grounded/sources');
    assert.deepEqual(result.problems.filter((problem) => problem.path === source).map((problem) => problem.message), ['not UTF-8 text']);
    // The write completes: the source is back.
    writeFileSync(source, whole);
    await afterChange(CHANGED, ['uncited']);
  });

  test('the folder disappears: an error status naming it, the draft unsupported, the server up; it comes back', async () => {
    const statusMark = client.statusMark();
    rmSync(folder, { recursive: true });
    await afterChange(DELETED, ['unsupported']);
    const status = await client.statuses.wait((s) => s.state === 'error', statusMark, () => 'an error status');
    assert.match(status.message ?? '', /sources/);
    await assertResponsive(client);
    mkdirSync(folder);
    copyFileSync(UN_SOURCE, source);
    await afterChange(CHANGED, ['uncited']);
  });

  // Root reads any folder whatever its mode, so the unreadable folder is a symbolic link to itself (ELOOP) for root,
  // and a folder without permissions for anyone else.
  test('the folder turns unreadable: reported, the server up; then readable again', async () => {
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      rmSync(folder, { recursive: true });
      symlinkSync(folder, folder);
    } else {
      chmodSync(folder, 0o000);
    }
    await afterChange(CHANGED, ['unsupported']);
    const result = await client.request<SourcesResult>('grounded/sources');
    const problem = result.problems.find((p) => p.path === folder);
    assert.match(problem?.message ?? JSON.stringify(result.problems), /cannot be read/);
    await assertResponsive(client);
    if (asRoot) {
      rmSync(folder);
      mkdirSync(folder);
      copyFileSync(UN_SOURCE, source);
    } else {
      chmodSync(folder, 0o755);
    }
    await afterChange(CHANGED, ['uncited']);
  });
});

describe('edits racing with source changes', () => {
  let client: LspClient;
  let folder: string;
  const uri = pathToFileURL(join(tmpdir(), 'grounded-faults-race.md')).href;

  before(async () => {
    folder = tempFolder();
    copyFileSync(UN_SOURCE, join(folder, 'un-resolution.md'));
    client = await LspClient.start({ settings: (settings) => (settings.sources.paths = [folder]) });
  });
  after(() => client.stop());

  test('the final diagnostics match the final text and library, whatever arrived in between', async () => {
    client.open(uri, largeDraft(41, 4));
    // Edits and source changes interleaved, without waiting: the server must drop stale checks, not publish them.
    for (let round = 0; round < 8; round++) {
      client.replaceText(uri, `${largeDraft(41 + round, 2)}\n${UNSUPPORTED}\n`);
      if (round === 3) {
        rmSync(join(folder, 'un-resolution.md'));
        client.filesChanged([{ uri: pathToFileURL(join(folder, 'un-resolution.md')).href, type: DELETED }]);
      }
      if (round === 6) {
        copyFileSync(UN_SOURCE, join(folder, 'un-resolution.md'));
        client.filesChanged([{ uri: pathToFileURL(join(folder, 'un-resolution.md')).href, type: CREATED }]);
      }
    }
    const finalText = `Norway’s foreign ministry said both parties continue in their search for solutions.\n\n${UNSUPPORTED}\n\nRepresentatives from more than 70 nations attended a conference in Peru.\n`;
    const version = client.replaceText(uri, finalText);
    const published = await client.waitForDiagnostics(uri, { version });

    // What the same library says of the same text, computed here.
    const engine = createEngine(loadSourceLibrary({ dirs: [folder], includeBundled: true }));
    const expected = findingsOf(checkDraftText(engine, finalText, 'draft.md'), { severity: DEFAULT_SEVERITY });
    assert.deepEqual(
      published.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      expected.map((f) => [f.code, f.claim.range.start.line, f.claim.range.start.character, f.claim.range.end.line, f.claim.range.end.character]),
    );
    assert.deepEqual(codes(published), ['uncited', 'uncited', 'contradicted']);
    // Nothing later replaces them.
    await assertResponsive(client);
    const last = client.diagnostics.seen.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(last.version, version);
  });
});

/** CPU time (user + system, in clock ticks) the process has used, from /proc. */
function cpuTicks(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('a client that dies mid-request: the server exits cleanly or stays idle, never spins', { timeout: 60_000, skip: process.platform !== 'linux' }, async () => {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'grounded-language-server.js'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stdout = '';
  const initialized = new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('"id":1')) resolve();
    });
  });
  try {
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await initialized;
    child.stdin.write(frame({ method: 'initialized', params: {} }));
    const uri = pathToFileURL(join(tmpdir(), 'grounded-faults-dying.md')).href;
    child.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: largeDraft(43, 20) } } }));
    child.stdin.write(frame({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 5 } } }));
    // Half a message, then the client is gone: both pipes closed.
    child.stdin.write('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":3,"method":"textDo');
    child.stdin.destroy();
    child.stdout.destroy();

    const outcome = await Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 10_000))]);
    if (outcome === 'running') {
      // Still up: it must be idle, not spinning (under a tenth of a core over two seconds).
      const first = cpuTicks(child.pid!);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const second = cpuTicks(child.pid!);
      assert.ok(first !== undefined && second !== undefined && second - first < 20, `the server spins after its client died: ${first} → ${second} ticks`);
    } else {
      assert.equal(outcome.signal, null, `killed by ${outcome.signal}`);
      // 1 is the LSP's exit status for an `exit` (here: the end of input) without a `shutdown` first.
      assert.ok(outcome.code === 0 || outcome.code === 1, `exit code ${outcome.code}\n${stderr}`);
    }
    assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace:\n${stderr}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
  }
});
