// The two transports: Node IPC (how VS Code's client starts the server) and stdio (any other editor, covered by the
// other protocol tests). Both announce the same capabilities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { ServerCommands } from '../../server/src/protocol';
import { ROOT, ensureServerBuilt } from './harness';

test('over --node-ipc the server initializes with incremental sync and every feature, then exits cleanly', async () => {
  ensureServerBuilt();
  const child = fork(join(ROOT, 'bin', 'grounded-language-server.js'), ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    const capabilities = result.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.grounded.citeAll'] });
    assert.deepEqual(capabilities.executeCommandProvider?.commands, Object.values(ServerCommands));
    assert.equal(result.serverInfo?.name, 'grounded-language-server');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('from the command line: usage without a transport (exit 2), --help, --version; never a stack trace', () => {
  ensureServerBuilt();
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'grounded-language-server.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  const bare = run();
  assert.equal(bare.status, 2);
  assert.equal(bare.stdout, '');
  assert.match(bare.stderr, /no transport given/);
  assert.match(bare.stderr, /Usage: grounded-language-server --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME/);
  assert.doesNotMatch(bare.stderr, /^\s+at /m, 'no stack trace');

  for (const flag of ['--help', '-h']) {
    const help = run(flag);
    assert.equal(help.status, 0, flag);
    assert.match(help.stdout, /^Usage: grounded-language-server/);
    assert.match(help.stdout, /--stdio +JSON-RPC over standard input and output/);
    assert.match(help.stdout, /--node-ipc/);
    assert.match(help.stdout, /--socket=PORT/);
    assert.equal(help.stderr, '');
  }

  const shown = run('--version');
  assert.equal(shown.status, 0);
  assert.equal(shown.stdout, `${version}\n`);

  const socket = run('--socket');
  assert.equal(socket.status, 2);
  assert.match(socket.stderr, /--socket needs a port number/);
  assert.doesNotMatch(socket.stderr, /^\s+at /m);
});
