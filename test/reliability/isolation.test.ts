// No network, no workspace execution: the language server, driven through every feature over stdio on a workspace
// full of things that look runnable (node_modules/.bin/x, package.json scripts, an executable draft with a shebang,
// git hooks, executables named like tools on a PATH that starts inside the workspace), opens no socket and executes
// nothing after it has started. strace, attached to the running server and its future children, records every
// network call and every execve; the trap scripts would also leave a file behind if anything ran them.
//
// Needs strace (Debian package `strace`); skipped without it, or when ptrace is not allowed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerCommands } from '../../server/src/protocol';
import { NORWAY, UNSUPPORTED } from '../fixtures/examples';
import { LspClient, ensureServerBuilt, positionOf } from '../lsp/harness';

const STRACE = spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;

let workspace: string;
let marker: string;
before(() => {
  ensureServerBuilt();
  workspace = mkdtempSync(join(tmpdir(), 'grounded-isolation-'));
  marker = join(workspace, 'EXECUTED');
  const trap = `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`;
  const executable = (path: string, text = trap) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    chmodSync(path, 0o755);
  };
  for (const tool of ['x', 'node', 'git', 'pandoc', 'grounded', 'sh', 'npm', 'npx', 'open', 'xdg-open']) executable(join(workspace, 'node_modules', '.bin', tool));
  for (const hook of ['pre-commit', 'post-checkout', 'fsmonitor-watchman']) executable(join(workspace, '.git', 'hooks', hook));
  writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(workspace, '.git', 'config'), `[core]\n\tfsmonitor = ${join(workspace, 'node_modules', '.bin', 'x')}\n\thooksPath = .git/hooks\n`);
  writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'trap', scripts: { preinstall: 'x', postinstall: 'x', test: 'x', prepare: 'x' } }));
  writeFileSync(join(workspace, '.gitignore'), 'node_modules/\n');
  // An executable draft whose shebang runs a trap; a draft that links to scripts and to a web page.
  executable(join(workspace, 'draft.md'), `#!${join(workspace, 'node_modules', '.bin', 'x')}\n\n${NORWAY}\n\n${UNSUPPORTED} See [the script](node_modules/.bin/x) and [the page](https://example.com/x).\n`);
  executable(join(workspace, 'notes', 'other.md'), `${NORWAY}[^n]\n\n[^n]: https://apnews.com/article/venezuela\n`);
  writeFileSync(join(workspace, '.grounded.yaml'), 'sources: { paths: [sources/] }\ncitationStyle: footnote\n');
  executable(join(workspace, 'sources', 'run-me.md'), `---\nid: run-me\ntitle: Run me\nurl: https://example.com/run-me\n---\n${trap}The UN Security Council passed a resolution supporting the talks.\n`);
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** Attaches strace to `pid` and what it starts from now on; resolves once attached. */
async function attach(pid: number, log: string): Promise<ChildProcess> {
  const strace = spawn('strace', ['-f', '-qq', '-e', 'trace=network,execve,execveat', '-o', log, '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  strace.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // -qq keeps strace quiet about attaching: wait until the log exists and the tracer is still up.
  const deadline = Date.now() + 10_000;
  while (!existsSync(log)) {
    if (strace.exitCode !== null || Date.now() > deadline) throw new Error(`strace could not attach: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (strace.exitCode !== null) throw new Error(`strace could not attach: ${stderr}`);
  return strace;
}

/** The calls the test forbids, among the lines of an strace log. */
const FORBIDDEN = /\b(?:execve|execveat|socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom)\(/;

test('strace attached this way sees a connection and a program started (the control)', { skip: !STRACE && 'strace is not installed', timeout: 30_000 }, async (t) => {
  const script = "process.stdin.once('data', () => { require('net').connect(9, '127.0.0.1').on('error', () => process.exit(0)); require('child_process').spawnSync('true'); })";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'ignore', 'ignore'] });
  const log = `${workspace}-control.strace`;
  try {
    let strace: ChildProcess;
    try {
      strace = await attach(child.pid!, log);
    } catch (error) {
      t.skip(String(error));
      return;
    }
    child.stdin.write('go\n');
    await new Promise<void>((resolve) => strace.once('exit', () => resolve()));
    const calls = readFileSync(log, 'utf8');
    assert.match(calls, /\bconnect\(/);
    assert.match(calls, /\bexecve\(/);
  } finally {
    child.kill();
    rmSync(log, { force: true });
  }
});

test('the server, through every feature, opens no network connection and executes nothing from the workspace', { skip: !STRACE && 'strace is not installed', timeout: 120_000 }, async (t) => {
  const path = process.env.PATH;
  // A PATH that starts inside the workspace: whatever the server ran by name would be a trap.
  process.env.PATH = [join(workspace, 'node_modules', '.bin'), path].join(delimiter);
  let client: LspClient;
  try {
    client = await LspClient.start({ workspaceFolders: [workspace], settings: (settings) => (settings.drafts.include = []) });
  } finally {
    process.env.PATH = path;
  }
  const log = join(workspace, '..', `${workspace.split('/').at(-1)}.strace`);
  let strace: ChildProcess | undefined;
  try {
    const pid = client.pid;
    try {
      strace = await attach(pid, log);
    } catch (error) {
      t.skip(String(error));
      return;
    }
    const draft = join(workspace, 'draft.md');
    const uri = pathToFileURL(draft).href;
    const text = readFileSync(draft, 'utf8');
    await client.openAndWait(uri, text);
    const at = positionOf(text, 'ministry');
    await client.hover(uri, at);
    await client.hover(uri, positionOf(text, 'the script'));
    await client.codeActions(uri, { start: at, end: at });
    await client.codeActions(uri, { start: { line: 0, character: 0 }, end: positionOf(text, 'page') }, ['source']);
    await client.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, ' See') });
    await client.request('textDocument/definition', { textDocument: { uri }, position: at });
    await client.request('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    await client.request('textDocument/documentLink', { textDocument: { uri } });
    await client.request('grounded/sources');
    await client.request('grounded/bibliography', { format: 'csl-json' });
    await client.request('grounded/bibliography', { format: 'bibtex', uri });
    await client.executeCommand(ServerCommands.rankSources, uri, at);
    await client.executeCommand(ServerCommands.citeSource, { uri, version: client.version(uri), position: at, sourceId: 'ap-norway-barbados-talks' });
    await client.executeCommand(ServerCommands.verifyDocument, uri);
    await client.executeCommand(ServerCommands.verifyWorkspace);
    client.save(uri);
    client.filesChanged([{ uri: pathToFileURL(join(workspace, 'sources', 'run-me.md')).href, type: 2 }]);
    client.changeSettings((settings) => (settings.citationStyle = 'pandoc'));
    await client.request('grounded/sources');
    await client.stop();
    await new Promise<void>((resolve) => (strace!.exitCode !== null ? resolve() : strace!.once('exit', () => resolve())));

    const calls = readFileSync(log, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const forbidden = calls.filter((line) => FORBIDDEN.test(line));
    assert.deepEqual(forbidden, [], `network calls or programs started:\n${forbidden.join('\n')}`);
    assert.equal(existsSync(marker), false, `a workspace script ran: ${existsSync(marker) ? readFileSync(marker, 'utf8') : ''}`);
  } finally {
    if (strace && strace.exitCode === null) strace.kill();
    rmSync(log, { force: true });
    await client.stop();
  }
});

// Where the bundles may reach the network or start a program: each require of such a module, by the source file it
// comes from (the `// path` comments esbuild writes in an unminified bundle). A new one fails here until it is
// looked at. What each is:
//   vscode-languageserver files.js: Files.resolveGlobalNodePath (runs `npm config get prefix`): never called by Grounded.
//   vscode-jsonrpc main.js: the --socket and --pipe transports (the editor asks for them); stdio and node-ipc open none.
//   vscode-languageclient main.js, processes.js (client): forks the extension's own dist/server.js over node-ipc, and
//     kills it with /bin/sh (pgrep, kill) if it does not stop; nothing from the workspace.
//   sync-fetch, node-fetch (citation-js core's fetchFile): citation-js fetches only when its input is a URL or an
//     identifier string; Grounded hands it CSL-JSON objects only (server/src/bibliography), as the strace test shows.
//   pg: `grounded check --database URL` and `grounded index`, and in the server a library whose project config (or
//     GROUNDED_DATABASE_URL) names an archive, to the database the user names; loaded only then (lsp/archive.ts).
const RISKY = /require\("(?:node:)?(child_process|net|http|https|http2|tls|dgram|dns)"\)/g;
const ALLOWED: Record<string, string[]> = {
  client: ['child_process vscode-languageclient/lib/node/main.js', 'child_process vscode-languageclient/lib/node/processes.js', 'net vscode-jsonrpc/lib/node/main.js'],
  server: [
    'child_process vscode-languageserver/lib/node/files.js',
    'net vscode-languageserver-protocol/node_modules/vscode-jsonrpc/lib/node/main.js',
  ],
  // citation-js's own bundles (scripts/build.mjs), which the cli and server bundles load when a bibliography needs them.
  'citation-core': [
    'child_process sync-fetch/index.js',
    'http node-fetch/src/headers.js',
    'http node-fetch/src/index.js',
    'http sync-fetch/src/headers.js',
    'https node-fetch/src/index.js',
    'net node-fetch/src/utils/referrer.js',
  ],
  'citation-bibtex': [],
  'citation-csl': [],
};
const POSTGRES = ['dns pg/lib/connection-parameters.js', 'net pg/lib/connection.js', 'net pg/lib/stream.js', 'tls pg/lib/stream.js'];
ALLOWED.server!.push(...POSTGRES);
ALLOWED.cli = ALLOWED.server!.filter((entry) => !entry.includes('vscode-'));

test('the bundles reach the network or start programs only through the known library code', () => {
  for (const [bundle, allowed] of Object.entries(ALLOWED)) {
    const path = join(__dirname, '..', '..', 'dist', `${bundle}.js`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    // A minified bundle (`npm run package`) has no path comments to tell the modules apart; `npm test` builds unminified.
    if (!text.includes('\n// node_modules/')) continue;
    const found = new Set<string>();
    for (const match of text.matchAll(RISKY)) {
      const before = text.lastIndexOf('\n// ', match.index);
      const file = /^\n\/\/ (?:node_modules\/)?(\S+)/.exec(text.slice(before, before + 300))?.[1] ?? '?';
      found.add(`${match[1]} ${file}`);
    }
    assert.deepEqual([...found].sort(), [...allowed].sort(), bundle);
    // No global fetch or WebSocket in Grounded's own code or its libraries.
    assert.doesNotMatch(text, /(?<![.\w])(?:fetch|WebSocket)\(/, bundle);
  }
});
