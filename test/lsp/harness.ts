// A small LSP client for the protocol tests: spawns the built server (`bin/grounded-language-server.js --stdio`)
// and talks JSON-RPC to it over the child's stdio, the way an editor does. It answers the server's requests
// (workspace/configuration from a settings object the test can change, client/registerCapability,
// workspace/applyEdit), keeps its own copy of each open document, and records every notification so tests can wait
// for a specific one — never for a fixed time.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type CancellationToken, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  ConfigurationParams,
  Diagnostic,
  FileEvent,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  RegistrationParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, type GroundedSettings, type StatusParams } from '../../server/src/protocol';

export const ROOT = resolve(__dirname, '..', '..');
export const LSP_FIXTURES = join(ROOT, 'test', 'fixtures', 'lsp');
const SERVER_BIN = join(ROOT, 'bin', 'grounded-language-server.js');
const WAIT_MS = 20_000;

/** Rebuilds dist/server.js when it is missing or older than its sources (`npm test` builds first anyway). */
export function ensureServerBuilt(): void {
  const bundle = join(ROOT, 'dist', 'server.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(join(ROOT, 'server', 'src'))) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function fixtureUri(name: string): string {
  return pathToFileURL(join(LSP_FIXTURES, name)).href;
}

export function readFixture(name: string): string {
  return readFileSync(join(LSP_FIXTURES, name), 'utf8');
}

export interface StartOptions {
  /** Changes to the default settings the client answers workspace/configuration with. */
  settings?: (settings: GroundedSettings) => void;
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** Whether the client offers to watch files for the server (dynamic workspace/didChangeWatchedFiles); default true. */
  clientWatchesFiles?: boolean;
  /** Settings of workspace folders (by folder path), as changes to the window's settings. */
  folderSettings?: Record<string, (settings: GroundedSettings) => void>;
  /** Whether the client resolves a completion item's additional edits (completionItem/resolve), as VS Code does. */
  resolvesCompletionEdits?: boolean;
}

interface Waiter<T> {
  accepts: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Waits for values matching a predicate, among those already recorded and those still to come. */
class Recorder<T> {
  readonly seen: T[] = [];
  private waiters: Waiter<T>[] = [];

  add(value: T): void {
    this.seen.push(value);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.accepts(value)) return true;
      waiter.resolve(value);
      return false;
    });
  }

  wait(accepts: (value: T) => boolean, after: number, describe: () => string, timeoutMs = WAIT_MS): Promise<T> {
    const earlier = this.seen.slice(after).find(accepts);
    if (earlier !== undefined) return Promise.resolve(earlier);
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out waiting for ${describe()}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        accepts,
        resolve: (value) => {
          clearTimeout(timer);
          resolvePromise(value);
        },
      };
      this.waiters.push(waiter);
    });
  }
}

export class LspClient {
  readonly settings: GroundedSettings;
  readonly diagnostics = new Recorder<PublishDiagnosticsParams>();
  readonly statuses = new Recorder<StatusParams>();
  readonly sourcesChanged = new Recorder<null>();
  /** Every workspace/configuration request the server sent. */
  readonly configurationRequests = new Recorder<ConfigurationParams>();
  /** Settings of workspace folders (by folder URI), answered when the server asks with that `scopeUri`. */
  readonly folderSettings = new Map<string, GroundedSettings>();
  readonly registrations: RegistrationParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    settings: GroundedSettings,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const settings = structuredClone(DEFAULT_SETTINGS);
    // The protocol tests' documents are drafts unless a test says otherwise (draftScope.test.ts does).
    settings.drafts.include = ['**/*.md'];
    options.settings?.(settings);
    const client = new LspClient(child, connection, settings);
    for (const [folder, change] of Object.entries(options.folderSettings ?? {})) {
      const scoped = structuredClone(settings);
      change(scoped);
      client.folderSettings.set(pathToFileURL(folder).href, scoped);
    }
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));

    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      client.configurationRequests.add(params);
      return params.items.map((item) => {
        if (item.section !== 'grounded') return null;
        const scoped = item.scopeUri === undefined ? undefined : client.folderSettings.get(item.scopeUri);
        return structuredClone(scoped ?? client.settings);
      });
    });
    connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      client.registrations.push(params);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      client.appliedEdits.push(params);
      // As an editor would: apply the edit to the document, which sends the change back to the server.
      for (const [uri, edits] of editsByDocument(params.edit)) client.applyTextEdits(uri, edits);
      return { applied: true };
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.diagnostics.add(params));
    connection.onNotification('grounded/status', (params: StatusParams) => client.statuses.add(params));
    connection.onNotification('grounded/sourcesChanged', () => client.sourcesChanged.add(null));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();

    const folders = options.workspaceFolders ?? [];
    await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder })),
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          applyEdit: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
          ...(options.clientWatchesFiles === false ? {} : { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } }),
          executeCommand: { dynamicRegistration: false },
        },
        textDocument: {
          synchronization: { didSave: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
          ...(options.resolvesCompletionEdits ? { completion: { completionItem: { resolveSupport: { properties: ['additionalTextEdits'] } } } } : {}),
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The server's process id (for tests that measure or watch the process). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Everything the server wrote on stderr, for failure messages. */
  get serverLog(): string {
    return this.stderr;
  }

  // ---- Documents ------------------------------------------------------------------------------------------------

  open(uri: string, text: string): number {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return 1;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Sends an incremental change; returns the new version. */
  applyTextEdits(uri: string, edits: TextEdit[]): number {
    const before = this.document(uri);
    const text = TextDocument.applyEdits(before, edits);
    const version = before.version + 1;
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
    // Incremental sync: one change per edit, last edit first so earlier ranges stay valid.
    // Inserts at one position are applied in reverse too, so they end up in the edit's order.
    const ordered = edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => before.offsetAt(b.edit.range.start) - before.offsetAt(a.edit.range.start) || b.index - a.index)
      .map(({ edit }) => edit);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return version;
  }

  /** Replaces the whole text, as an incremental change over the full range; returns the new version. */
  replaceText(uri: string, text: string): number {
    const document = this.document(uri);
    return this.applyTextEdits(uri, [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, newText: text }]);
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  // ---- Diagnostics ---------------------------------------------------------------------------------------------

  /** How many diagnostics publications were seen so far: pass as `after` to wait for a later one. */
  mark(): number {
    return this.diagnostics.seen.length;
  }

  /** The first publication for `uri` (after `after`, if given) of `version` (if given) that `where` accepts. */
  async waitForDiagnostics(
    uri: string,
    options: { version?: number; after?: number; where?: (diagnostics: Diagnostic[]) => boolean; timeoutMs?: number } = {},
  ): Promise<Diagnostic[]> {
    const published = await this.diagnostics.wait(
      (p) => p.uri === uri && (options.version === undefined || p.version === options.version) && (options.where?.(p.diagnostics) ?? true),
      options.after ?? 0,
      () => `diagnostics of ${uri}${options.version !== undefined ? ` version ${options.version}` : ''}; seen: ${JSON.stringify(
        this.diagnostics.seen.filter((p) => p.uri === uri).map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) })),
      )}\nserver log:\n${this.stderr}`,
      options.timeoutMs,
    );
    return published.diagnostics;
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string): Promise<Diagnostic[]> {
    const after = this.mark();
    const version = this.open(uri, text);
    return this.waitForDiagnostics(uri, { version, after });
  }

  // ---- Requests ------------------------------------------------------------------------------------------------

  request<R>(method: string, params?: unknown, token?: CancellationToken): Promise<R> {
    return token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  /** `triggerKind`: 1 invoked (a menu, a key), 2 automatic (VS Code's lightbulb as the cursor moves). */
  codeActions(uri: string, range: Range, only?: string[], triggerKind?: 1 | 2): Promise<CodeAction[]> {
    return this.request('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}), ...(triggerKind ? { triggerKind } : {}) },
    });
  }

  executeCommand<R>(command: string, ...args: unknown[]): Promise<R> {
    return this.request('workspace/executeCommand', { command, arguments: args });
  }

  /** The status notifications seen so far: pass as `after` to wait for a later one. */
  statusMark(): number {
    return this.statuses.seen.length;
  }

  /** The first status (after `after`) for `uri` that `where` accepts. */
  waitForStatus(uri: string, where: (status: StatusParams) => boolean, after = 0): Promise<StatusParams> {
    return this.statuses.wait(
      (s) => s.uri === uri && where(s),
      after,
      () => `a status of ${uri}; seen: ${JSON.stringify(this.statuses.seen.slice(after).filter((s) => s.uri === uri))}\nserver log:\n${this.stderr}`,
    );
  }

  /** Whether diagnostics of that version of the document were published (after `after`). */
  published(uri: string, version: number, after = 0): boolean {
    return this.diagnostics.seen.slice(after).some((p) => p.uri === uri && p.version === version);
  }

  /** Changes the settings and tells the server, which pulls them again. */
  changeSettings(change: (settings: GroundedSettings) => void): void {
    change(this.settings);
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  filesChanged(changes: FileEvent[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2_000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    const killTimer = setTimeout(() => this.child.kill(), 2_000);
    if (this.child.exitCode === null && this.child.signalCode === null) await exited;
    clearTimeout(killTimer);
    this.connection.dispose();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }
}

/** The text edits of a workspace edit, per document; `documentChanges` must name the document's version. */
export function editsByDocument(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const result = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error('only text edits are expected');
    result.set(change.textDocument.uri, [...(result.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) result.set(uri, [...(result.get(uri) ?? []), ...edits]);
  return result;
}

/** The text after applying a workspace edit to one document (what an editor shows after the quick fix). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit, expectedVersion?: number): string {
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri && expectedVersion !== undefined && change.textDocument.version !== expectedVersion) {
      throw new Error(`edit made for version ${change.textDocument.version}, document is at ${expectedVersion}`);
    }
  }
  const edits = editsByDocument(edit).get(uri) ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

/** A position in a text: the start of the first occurrence of `needle` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  return TextDocument.create('x', 'markdown', 0, text).positionAt(offset + shift);
}

/**
 * A long draft whose sentences no other test uses (each `seed` gives other numbers, so the engine's verdict cache
 * does not know them): `copies` times the example draft's body, about 2,600 characters and 20 claims a copy. The
 * server needs a noticeable while to check it, so a test can act while the check runs.
 */
export function largeDraft(seed: number, copies = 60): string {
  const draft = readFileSync(join(ROOT, 'examples', 'draft.md'), 'utf8');
  const body = draft.split(/\n(?=\[\^ap\]:)/)[0]!;
  let text = '';
  for (let n = 0; n < copies; n++) text += body.replace(/\b(\d+)\b/g, (m) => String(Number(m) + seed * 100_000 + n * 1_000 + 7)) + '\n\n';
  return text;
}

/** The whole-line range of the position's line (what a cursor-on-the-line code action request sends). */
export function rangeAt(position: Position): Range {
  return { start: position, end: position };
}
