// The parts of the language server and what connects them: the documents, settings, folders, libraries, policies,
// the check scheduler and the status reporter, plus the few actions several message handlers share (publish a check,
// reload the library, apply a changed config). server.ts builds them once; lifecycle.ts, documentSync.ts and
// features.ts each register one group of LSP messages on them.

import { TextDocuments, type ClientCapabilities, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourcesChangedNotification } from '../protocol';
import { engineForDraft } from './archive';
import type { CheckedDocument } from './checkedDocument';
import { configDiagnostics } from './configDiagnostics';
import { ConfigWatcher } from './configWatcher';
import { sendNotification } from './customMessages';
import { diagnosticsOf } from './diagnostics';
import { DocumentPolicies } from './documentPolicies';
import type { LibraryContext, LoadedLibrary, SourceWatcher } from './library';
import { LibrarySet } from './librarySet';
import { CheckScheduler } from './scheduler';
import { SettingsStore } from './settings';
import { StatusReporter, verdictCountsOf } from './status';
import { WorkspaceFolders } from './workspaceFolders';
import { WritingFocus } from './writingFocus';

export interface ServerParts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  status: StatusReporter;
  folders: WorkspaceFolders;
  libraries: LibrarySet;
  policies: DocumentPolicies;
  configWatcher: ConfigWatcher;
  scheduler: CheckScheduler;
  session: Session;
  /** Where the writer works in each document: requests report it (the window of published findings follows it). */
  focus: WritingFocus;
  /** Files whose diagnostics came from a workspace or file verification, kept when they are closed in the editor. */
  verifiedFromDisk: Set<string>;
  /** What the window's library is made of: the settings of the window and every folder, the folders, the trust. */
  libraryContext(): LibraryContext;
  /** The library a document is checked against: its project config's when the config names sources, else the window's. */
  libraryFor(uri: string): LoadedLibrary | undefined;
  /** Publishes a check's diagnostics; returns how many findings were left unlisted (over maxFindingsPerDocument). */
  publish(checked: CheckedDocument): number;
  /**
   * Loads the window's library anew (settings or source files changed; in slices, the current library serving
   * meanwhile) and checks the open documents again.
   */
  reloadLibrary(): Promise<void>;
  /** A `.grounded.yaml` changed on disk: read it again and check the open documents under the new rules. */
  configChanged(): void;
}

/** What the server learns once, at initialize, and the first load of the library. */
export class Session {
  capabilities: ClientCapabilities = {};
  trusted = true;
  watcher: SourceWatcher | undefined;
  markLibraryReady: () => void = () => undefined;
  readonly libraryReady = new Promise<void>((resolve) => (this.markLibraryReady = resolve));

  supportsDocumentChanges(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }
}

/** The one notice a document over the size limit gets (not a partial check). */
export function tooLargeNotice(bytes: number, maxBytes: number): string {
  return `Not checked: this file is ${bytes.toLocaleString('en')} bytes, over grounded.maxFileSize (${maxBytes.toLocaleString('en')}).`;
}

export function createParts(connection: Connection): ServerParts {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const status = new StatusReporter(connection);
  const folders = new WorkspaceFolders();
  const libraries = new LibrarySet();
  const session = new Session();
  const configWatcher = new ConfigWatcher(() => parts.configChanged());
  const policies = new DocumentPolicies(
    (uri) => settings.forDocument(uri),
    (path) => folders.folderOf(path),
    (config) => {
      configWatcher.watch(config.config.path);
      void connection.sendDiagnostics(configDiagnostics(config));
    },
  );

  const libraryContext = (): LibraryContext => ({
    settings: settings.current,
    workspaceFolders: folders.paths(),
    folderSettings: folders.all.flatMap((folder) => {
      const own = settings.forFolder(folder.uri);
      return own ? [{ path: folder.path, sources: own.sources }] : [];
    }),
    trusted: session.trusted,
  });

  const libraryFor = (uri: string): LoadedLibrary | undefined => {
    const policy = policies.forDocument(uri);
    const selection = policies.ownsSources(policy) ? policy.sources : undefined;
    const loaded = libraries.forSelection(selection, libraryContext());
    if (loaded && selection) session.watcher?.watch(libraries.roots());
    return loaded;
  };

  const publish = (checked: CheckedDocument): number => {
    const { findings, unlisted } = checked.draft
      ? focus.publishedFindings(checked, policies.findingOptions(checked.uri), settings.forDocument(checked.uri).maxFindingsPerDocument)
      : { findings: [], unlisted: 0 };
    void connection.sendDiagnostics({
      uri: checked.uri,
      ...(checked.version !== undefined ? { version: checked.version } : {}),
      diagnostics: diagnosticsOf(checked, findings),
    });
    return unlisted;
  };
  // The writer left the window of a document with more findings than are published: once the request that said
  // where they are is answered, publish the window around them from the check there is (a check on its way publishes
  // around them anyway).
  const movedIn = new Set<string>();
  const focus = new WritingFocus((uri) => {
    if (movedIn.has(uri)) return;
    movedIn.add(uri);
    setImmediate(() => {
      movedIn.delete(uri);
      const fresh = scheduler.fresh(uri);
      if (fresh) publish(fresh);
    });
  });

  const scheduler = new CheckScheduler({
    documents,
    settings: (uri) => settings.forDocument(uri),
    library: libraryFor,
    draftGate: (uri, text) => policies.draftGate(uri, text),
    libraryReady: session.libraryReady,
    async prepare(loaded, uri, text) {
      if (!loaded.engine.forDraft) return loaded;
      const gate = policies.draftGate(uri, text);
      if (gate === 'not-a-draft' || gate === 'too-large') return loaded;
      const prepared = await engineForDraft(loaded.engine, text);
      if (prepared.archiveUnreachable !== undefined && status.archiveUnreachable(prepared.archiveUnreachable)) {
        connection.console.warn(`${prepared.archiveUnreachable}. Checking against the local sources only until it answers.`);
      }
      if (prepared.archiveUnreachable === undefined) status.archiveReachable();
      return prepared.engine === loaded.engine ? loaded : { ...loaded, engine: prepared.engine };
    },
    checkStarted: (uri) => status.checking(uri),
    checked: (checked) => {
      const unlisted = publish(checked);
      const unchecked = checked.report.unchecked ?? [];
      for (const sentence of unchecked) connection.console.error(`Not checked (line ${sentence.range.start.line + 1} of ${checked.uri}): ${sentence.error}`);
      if (checked.tooLarge !== undefined) status.failed(tooLargeNotice(checked.tooLarge, settings.forDocument(checked.uri).maxFileSize), checked.uri);
      else if (unchecked.length > 0) status.failed(`${unchecked.length === 1 ? 'A sentence' : `${unchecked.length} sentences`} could not be checked (see the output); the others were.`, checked.uri);
      else if (checked.draft) status.checked(checked.uri, verdictCountsOf(checked), unlisted);
      else status.notADraft(checked.uri);
    },
    checkFailed: (uri, error) => {
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      status.failed(`Checking failed: ${message}`, uri);
    },
    checkAbandoned: (uri, last) => status.abandoned(uri, last ? verdictCountsOf(last) : undefined, focus.unlistedIn(uri)),
  });

  const parts: ServerParts = {
    connection,
    documents,
    settings,
    status,
    folders,
    libraries,
    policies,
    configWatcher,
    scheduler,
    session,
    focus,
    verifiedFromDisk: new Set(),
    libraryContext,
    libraryFor,
    publish,
    async reloadLibrary() {
      let loaded: LoadedLibrary;
      try {
        loaded = await libraries.reload(libraryContext());
      } catch (error) {
        // Loading never throws by design (problems are named in the library); a bug must not end the server.
        connection.console.error(`Reloading the sources failed: ${error instanceof Error && error.stack ? error.stack : String(error)}`);
        return;
      }
      for (const problem of loaded.problems) connection.console.warn(`Source ${problem.path}: ${problem.message}`);
      if (loaded.library.sources.length === 0) connection.console.warn('No sources loaded, so no claim can be supported.');
      session.watcher?.watch(loaded.roots);
      status.libraryLoaded(loaded.error);
      void sendNotification(connection, SourcesChangedNotification);
      scheduler.recheckOpenDocuments();
    },
    configChanged() {
      policies.configChanged();
      void sendNotification(connection, SourcesChangedNotification);
      scheduler.recheckOpenDocuments();
    },
  };
  return parts;
}
