// The two transports: Node IPC (how VS Code's client starts the server) and stdio (any other editor, covered by the
// other protocol tests). Both announce the same capabilities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
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
