// The source library as the server last reported it (`grounded/sources`), fetched again when the server says it
// changed (`grounded/sourcesChanged`) or a new server starts. The Sources view and "Open Source…" share it.
import * as vscode from 'vscode';
import { SourcesChangedNotification, type SourceInfo, type SourcesResult } from '../../server/src/protocol';
import { errorMessage, type LanguageServer } from './languageClient';

export type LibraryState =
  | { kind: 'loading' }
  | { kind: 'loaded'; result: SourcesResult }
  | { kind: 'unavailable'; message: string };

export class SourceLibrary implements vscode.Disposable {
  private state: LibraryState = { kind: 'loading' };
  private pending: Promise<LibraryState> | undefined;
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<LibraryState>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires after each fetch (and when one starts, with `loading`). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly server: LanguageServer) {
    this.disposables.push(
      this.emitter,
      server.onNotification(SourcesChangedNotification, () => void this.refresh()),
      server.onDidStart(() => void this.refresh()),
      server.onDidChangeState((state) => {
        if (state.kind === 'failed') this.set({ kind: 'unavailable', message: `The Grounded language server is not running. ${state.message}` });
      }),
    );
  }

  get current(): LibraryState {
    return this.state;
  }

  /** The library, fetching it first if it was never fetched or a fetch is under way. */
  async get(): Promise<LibraryState> {
    if (this.pending) return this.pending;
    if (this.state.kind === 'loading') return this.refresh();
    return this.state;
  }

  /** Fetches the library again. */
  refresh(): Promise<LibraryState> {
    const generation = ++this.generation;
    if (this.state.kind !== 'loaded') this.set({ kind: 'loading' });
    const pending = this.server.sources().then(
      (result): LibraryState => ({ kind: 'loaded', result }),
      (error: unknown): LibraryState => ({ kind: 'unavailable', message: `Could not read the source library: ${errorMessage(error)}` }),
    );
    this.pending = pending;
    return pending.then((state) => {
      // A later refresh supersedes this one.
      if (generation !== this.generation) return this.pending ?? this.state;
      this.pending = undefined;
      this.set(state);
      return state;
    });
  }

  /** A source by id, fetching the library again once if it is not known (it may have just been added). */
  async find(sourceId: string): Promise<SourceInfo | undefined> {
    const lookup = (state: LibraryState) => (state.kind === 'loaded' ? state.result.sources.find((source) => source.id === sourceId) : undefined);
    return lookup(await this.get()) ?? lookup(await this.refresh());
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private set(state: LibraryState): void {
    this.state = state;
    this.emitter.fire(state);
  }
}
