// The LSP life cycle over stdio, as a strict client meets it: requests before `initialize`, a second `initialize`, and
// requests after `shutdown` get the errors the protocol names, not an answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT, ensureServerBuilt } from './harness';

let child: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
before(() => {
  ensureServerBuilt();
  child = spawn(process.execPath, [join(ROOT, 'bin', 'grounded-language-server.js'), '--stdio'], { cwd: ROOT, stdio: 'pipe' });
  connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
});
after(() => {
  connection.dispose();
  child.kill();
});

async function errorCode(request: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await request;
    return 'answered';
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error.code;
  }
}

const HOVER = { textDocument: { uri: 'file:///virtual/a.md' }, position: { line: 0, character: 0 } };

test('requests before initialize, a second initialize, and requests after shutdown are refused with the LSP errors', async () => {
  assert.equal(await errorCode(connection.sendRequest('textDocument/hover', HOVER)), -32002, 'ServerNotInitialized before initialize');
  assert.equal(await errorCode(connection.sendRequest('grounded/sources', null)), -32002);
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(await errorCode(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })), -32600, 'InvalidRequest for a second initialize');
  await connection.sendNotification('initialized', {});
  assert.equal(await errorCode(connection.sendRequest('textDocument/hover', HOVER)), 'answered', 'an initialized server answers');
  await connection.sendRequest('shutdown');
  assert.equal(await errorCode(connection.sendRequest('textDocument/hover', HOVER)), -32600, 'InvalidRequest after shutdown');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await connection.sendNotification('exit');
  assert.equal(await exited, 0, 'exit after shutdown ends the process with status 0');
});
