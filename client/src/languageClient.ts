// The language client: starts dist/server.js over IPC, restarts it on demand (and when the workspace becomes trusted),
// and sends the server's commands and custom requests, typed by their declarations in protocol.ts. One LanguageClient
// per server process; a restart builds a new one so a failed start never leaves a client that cannot start again.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  NotificationType,
  RequestType,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type RequestParam,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  BibliographyRequest,
  ClientCommands,
  DIAGNOSTIC_SOURCE,
  SourcesRequest,
  type BibliographyParams,
  type BibliographyResult,
  type GroundedInitializationOptions,
  type NotificationDeclaration,
  type RequestDeclaration,
  type ServerCommand,
  type ServerCommandSignatures,
  type SourcesResult,
} from '../../server/src/protocol';

export const CLIENT_ID = 'grounded';
export const CLIENT_NAME = 'Grounded';
const SERVER_MODULE = 'dist/server.js';
const MAX_CRASH_RESTARTS = 4;

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

/** `workspace/executeCommand` parameters as sent (the LSP type's `LSPAny[]` does not admit the protocol's interfaces). */
interface ExecuteCommandMessage<C extends ServerCommand> {
  command: C;
  arguments: ServerCommandSignatures[C]['args'];
}

/** Registers a notification handler on one client; kept so that every later client (after a restart) gets it too. */
type NotificationRegistration = (client: LanguageClient) => vscode.Disposable;

export class LanguageServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private ready: Promise<LanguageClient>;
  private readonly registrations: NotificationRegistration[] = [];
  private readonly clientDisposables: vscode.Disposable[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly startedEmitter = new vscode.EventEmitter<LanguageClient>();
  private stopping = false;
  private disposed = false;
  private lastState: ServerState = { kind: 'stopped' };

  /** Fires as the server starts, runs, fails or stops. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires with each client that finished starting (after a restart too). */
  readonly onDidStart = this.startedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly outputChannel: vscode.LogOutputChannel,
  ) {
    this.ready = Promise.reject(new Error('The Grounded language server has not been started.'));
    this.ready.catch(() => undefined);
  }

  get state(): ServerState {
    return this.lastState;
  }

  /** The running client; rejects when the server could not start. A restart replaces it. */
  get whenReady(): Promise<LanguageClient> {
    return this.ready;
  }

  /** The current client, started or not. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  /**
   * Registers a handler for a server notification declared in protocol.ts, on this client and every later one. The
   * handler's parameter type is the declaration's.
   */
  onNotification<P>(declaration: NotificationDeclaration<P>, handler: (params: P) => void): vscode.Disposable {
    const type = new NotificationType<P>(declaration.method);
    const register: NotificationRegistration = (client) => client.onNotification(type, handler);
    this.registrations.push(register);
    const registration = this.client && register(this.client);
    return new vscode.Disposable(() => {
      const index = this.registrations.indexOf(register);
      if (index >= 0) this.registrations.splice(index, 1);
      registration?.dispose();
    });
  }

  start(): Promise<LanguageClient> {
    if (this.disposed) return Promise.reject(new Error('The Grounded extension is shutting down.'));
    const module = this.context.asAbsolutePath(SERVER_MODULE);
    if (!existsSync(module)) {
      const message = `${module} is missing: build the extension with "npm run build".`;
      this.outputChannel.error(`The Grounded language server cannot start: ${message}`);
      this.setState({ kind: 'failed', message });
      this.ready = Promise.reject(new Error(`The Grounded language server cannot start: ${message}`));
      this.ready.catch(() => undefined);
      return this.ready;
    }
    const client = this.createClient(module);
    this.client = client;
    this.setState({ kind: 'starting' });
    this.ready = client.start().then(
      () => {
        if (this.client === client) this.setState({ kind: 'running' });
        this.startedEmitter.fire(client);
        return client;
      },
      (error: unknown) => {
        const message = errorMessage(error);
        this.outputChannel.error(`The Grounded language server failed to start: ${message}`);
        if (this.client === client) this.setState({ kind: 'failed', message: `It failed to start: ${message}` });
        throw new Error(`The Grounded language server failed to start: ${message}`);
      },
    );
    this.ready.catch(() => undefined);
    return this.ready;
  }

  /** Stops the current server (if any) and starts a fresh one. */
  async restart(): Promise<LanguageClient> {
    await this.stopCurrent();
    this.outputChannel.info('Restarting the Grounded language server.');
    return this.start();
  }

  /**
   * Sends `workspace/executeCommand` for one of the server's commands: its arguments and its answer are typed by
   * ServerCommandSignatures. Null when the server answers nothing (a server that does not know the command).
   */
  executeCommand<C extends ServerCommand>(
    command: C,
    args: ServerCommandSignatures[C]['args'],
    token?: vscode.CancellationToken,
  ): Promise<ServerCommandSignatures[C]['result'] | null> {
    const request: RequestDeclaration<ExecuteCommandMessage<C>, ServerCommandSignatures[C]['result']> = { method: ExecuteCommandRequest.method };
    return this.request(request, { command, arguments: args }, token);
  }

  /** The source library, from the `grounded/sources` request. */
  async sources(token?: vscode.CancellationToken): Promise<SourcesResult> {
    const result = await this.request(SourcesRequest, undefined, token);
    return { sources: result?.sources ?? [], problems: result?.problems ?? [], withoutText: result?.withoutText ?? [] };
  }

  /** The source library as a bibliography file's text, from the `grounded/bibliography` request (null: no answer). */
  bibliography(params: BibliographyParams, token?: vscode.CancellationToken): Promise<BibliographyResult | null> {
    return this.request(BibliographyRequest, params, token);
  }

  /** The protocol form of a document URI (what the server keys documents by). */
  protocolUri(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  async stop(): Promise<void> {
    await this.stopCurrent();
  }

  dispose(): void {
    this.disposed = true;
    void this.stopCurrent();
    this.stateEmitter.dispose();
    this.startedEmitter.dispose();
  }

  /**
   * Sends a request declared in protocol.ts. The one place where a JSON-RPC answer becomes typed: the RequestType
   * built from the declaration gives the answer the declared result type unchecked (the server shares protocol.ts;
   * callers still guard against null, which a server that does not know the request may answer).
   */
  private async request<P, R>(declaration: RequestDeclaration<P, R>, params: RequestParam<P>, token?: vscode.CancellationToken): Promise<R | null> {
    const client = await this.ready;
    return client.sendRequest(new RequestType<P, R | null, void>(declaration.method), params, token);
  }

  private async stopCurrent(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables.splice(0)) disposable.dispose();
    if (!client) return;
    this.stopping = true;
    try {
      await client.dispose(2000);
    } catch (error) {
      this.outputChannel.warn(`Stopping the Grounded language server: ${errorMessage(error)}`);
    } finally {
      this.stopping = false;
      this.setState({ kind: 'stopped' });
    }
  }

  private createClient(module: string): LanguageClient {
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      // No `synchronize.configurationSection`: the server registers for didChangeConfiguration itself and pulls the
      // settings (per workspace folder) with workspace/configuration. Both at once sent every change twice.
      // The index cache goes where VS Code keeps the extension's data, so a restart finds the library analysed.
      initializationOptions: (): GroundedInitializationOptions => ({
        workspaceTrusted: vscode.workspace.isTrusted,
        cacheDirectory: this.context.globalStorageUri.fsPath,
      }),
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannel: this.outputChannel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Hover links call these two client commands; nothing else may run from server Markdown.
      markdown: { isTrusted: { enabledCommands: [ClientCommands.openSource, ClientCommands.insertCitation] }, supportThemeIcons: true },
      errorHandler: this.errorHandler(),
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    for (const register of this.registrations) this.clientDisposables.push(register(client));
    this.clientDisposables.push(
      client.onDidChangeState((event) => {
        if (this.client !== client || this.stopping) return;
        if (event.newState === State.Running) this.setState({ kind: 'running' });
        else if (event.newState === State.Starting) this.setState({ kind: 'starting' });
        else if (event.newState === State.Stopped && event.oldState === State.Running) {
          this.setState({ kind: 'failed', message: 'It stopped unexpectedly.' });
        }
      }),
    );
    return client;
  }

  /** Restarts a crashing server a few times, then gives up and leaves the error state showing. */
  private errorHandler(): ErrorHandler {
    const crashes: number[] = [];
    return {
      error: (_error, _message, count): ErrorHandlerResult => ({
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: (): CloseHandlerResult => {
        if (this.stopping || this.disposed) return { action: CloseAction.DoNotRestart, handled: true };
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && now - crashes[0]! > 3 * 60 * 1000) crashes.shift();
        if (crashes.length <= MAX_CRASH_RESTARTS) {
          this.outputChannel.warn('The Grounded language server stopped; restarting it.');
          return { action: CloseAction.Restart, handled: true };
        }
        const message = `The Grounded language server crashed ${crashes.length} times in 3 minutes and will not be restarted.`;
        this.setState({ kind: 'failed', message });
        return { action: CloseAction.DoNotRestart, message, handled: true };
      },
    };
  }

  private setState(state: ServerState): void {
    this.lastState = state;
    if (!this.disposed) this.stateEmitter.fire(state);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
