// Wires the language server: document sync, settings, the source libraries, scheduled checks, and the features
// (diagnostics, hover, code actions, commands, the custom requests). Each part has one job and lives in its own
// file; this file only connects them to LSP messages.

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { CONFIG_FILE_NAME } from '../config/projectConfig';
import { linesOf } from '../findings/checkedDraft';
import { readTextFile } from '../files/readTextFile';
import { SourcesChangedNotification, SourcesRequest, type GroundedInitializationOptions, type SourcesResult } from '../protocol';
import { acceptEdit } from './acceptEdit';
import { configDiagnostics } from './configDiagnostics';
import { ConfigWatcher } from './configWatcher';
import type { CheckedDocument } from './checkedDocument';
import { PROVIDED_KINDS, codeActionsFor } from './codeActions';
import { COMMANDS, executeCommand } from './commands';
import { onRequest, sendNotification } from './customMessages';
import { diagnosticsFor } from './diagnostics';
import { DocumentPolicies } from './documentPolicies';
import { hoverAt } from './hover';
import { SourceWatcher, sameSelection, selectSources, sourcesResult, type LibraryContext, type LoadedLibrary } from './library';
import { LibrarySet } from './librarySet';
import { CheckScheduler, checkSteps, runInSlices } from './scheduler';
import { SETTINGS_SECTION, SettingsStore } from './settings';
import { StatusReporter, countVerdicts } from './status';
import { WorkspaceFolders, filePath } from './workspaceFolders';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const status = new StatusReporter(connection);
  const folders = new WorkspaceFolders();
  const libraries = new LibrarySet();
  const configWatcher = new ConfigWatcher(() => configChanged());
  const policies = new DocumentPolicies(
    (uri) => settings.forDocument(uri),
    (path) => folders.folderOf(path),
    (config) => {
      configWatcher.watch(config.config.path);
      void connection.sendDiagnostics(configDiagnostics(config));
    },
  );
  const session = new Session();
  /** Files whose diagnostics came from a workspace or file verification, kept when they are closed in the editor. */
  const verifiedFromDisk = new Set<string>();

  /** One library for all the workspace folders: from the window's settings and every folder's. */
  const libraryContext = (): LibraryContext => ({
    settings: settings.current,
    workspaceFolders: folders.paths(),
    folderSettings: folders.all.flatMap((folder) => {
      const own = settings.forFolder(folder.uri);
      return own ? [{ path: folder.path, sources: own.sources }] : [];
    }),
    trusted: session.trusted,
  });

  /** The library a document is checked against: its project config's when the config names sources, else the window's. */
  const libraryFor = (uri: string): LoadedLibrary | undefined => {
    const policy = policies.forDocument(uri);
    const selection = policies.ownsSources(policy) ? policy.sources : undefined;
    const loaded = libraries.forSelection(selection, libraryContext());
    if (loaded && selection) session.watcher?.watch(libraries.roots());
    return loaded;
  };

  const publish = (checked: CheckedDocument): void => {
    void connection.sendDiagnostics({
      uri: checked.uri,
      ...(checked.version !== undefined ? { version: checked.version } : {}),
      diagnostics: checked.draft ? diagnosticsFor(checked, policies.findingOptions(checked.uri)) : [],
    });
  };

  const scheduler = new CheckScheduler({
    documents,
    settings: (uri) => settings.forDocument(uri),
    library: libraryFor,
    draftGate: (uri, text) => policies.draftGate(uri, text),
    libraryReady: session.libraryReady,
    checkStarted: (uri) => status.checking(uri),
    checked: (checked) => {
      publish(checked);
      if (checked.draft) status.checked(checked.uri, countVerdicts(checked.report.claims));
      else status.notADraft(checked.uri);
    },
    checkFailed: (uri, error) => {
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      status.failed(`Checking failed: ${message}`, uri);
    },
    checkAbandoned: (uri, last) => status.abandoned(uri, last ? countVerdicts(last.report.claims) : undefined),
  });

  const reloadLibrary = (): void => {
    const loaded = libraries.reload(libraryContext());
    for (const problem of loaded.problems) connection.console.warn(`Source ${problem.path}: ${problem.message}`);
    if (loaded.library.sources.length === 0) connection.console.warn('No sources loaded, so no claim can be supported.');
    session.watcher?.watch(loaded.roots);
    status.libraryLoaded(loaded.error);
    void sendNotification(connection, SourcesChangedNotification);
    scheduler.recheckOpenDocuments();
  };

  /** A `.grounded.yaml` changed on disk: read it again and check the open documents under the new rules. */
  const configChanged = (): void => {
    policies.configChanged();
    void sendNotification(connection, SourcesChangedNotification);
    scheduler.recheckOpenDocuments();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.capabilities = params.capabilities;
    folders.initialize(params);
    settings.setFolders(folders.uris());
    session.trusted = (params.initializationOptions as GroundedInitializationOptions | null | undefined)?.workspaceTrusted !== false;
    settings.canPull = session.capabilities.workspace?.configuration === true;
    const watchedFiles = session.capabilities.workspace?.didChangeWatchedFiles;
    session.watcher = new SourceWatcher(
      connection,
      { clientWatches: watchedFiles?.dynamicRegistration === true, relativePatterns: watchedFiles?.relativePatternSupport === true },
      reloadLibrary,
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: PROVIDED_KINDS },
        executeCommandProvider: { commands: COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'grounded-language-server', version },
    };
  });

  // Settings changes and workspace folder changes are applied one after another, each against the settings the
  // previous one left: two notifications for one change (or a burst of them) reload the library at most once.
  let settingsQueue: Promise<void> = Promise.resolve();
  const serially = (work: () => Promise<void>): Promise<void> => {
    const run = settingsQueue.then(work);
    settingsQueue = run.catch((error: unknown) => connection.console.error(`Applying the settings failed: ${String(error)}`));
    return settingsQueue;
  };

  // (Queued after the first load, which onInitialized queues before any later notification is read: no need to wait
  // for libraryReady here, and waiting for it from inside the queue could never end.)
  const applySettings = async (pushed?: unknown): Promise<void> => {
    const change = await settings.refresh(pushed);
    if (!change.changed) return;
    // A change in any folder's sources.* (or the window's) that changes what the library is made of reloads it, once.
    const current = libraries.current;
    if (!current || !sameSelection(selectSources(libraryContext()), current.selection)) {
      reloadLibrary();
      return;
    }
    // Same library: fresh checks are republished (severities may have changed), others checked if due; a document
    // that was not a draft is looked at again (the drafts settings may have changed).
    for (const document of documents.all()) {
      const fresh = scheduler.fresh(document.uri);
      if (fresh) publish(fresh);
      if (!fresh || !fresh.draft) scheduler.opened(document.uri);
    }
  };

  connection.onInitialized(async () => {
    status.starting();
    const capabilities = session.capabilities;
    // The one way settings changes reach the server from a client that registers dynamically (VS Code's client sends
    // nothing more: it no longer synchronizes the section itself). Others push didChangeConfiguration on their own.
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    // Project configs anywhere in the workspace: editors watch files more cheaply than the server could.
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
        .catch((error: unknown) => connection.console.warn(`Could not watch ${CONFIG_FILE_NAME} files: ${String(error)}`));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        void serially(async () => {
          folders.change(event);
          settings.setFolders(folders.uris());
          await settings.refresh();
          // The folders anchor relative source paths and bound what an untrusted workspace reads: reload (which
          // checks the open documents again, under their folders' settings).
          reloadLibrary();
        });
      });
    }
    await serially(async () => {
      await settings.refresh();
      reloadLibrary();
      session.markLibraryReady();
    });
  });

  connection.onDidChangeConfiguration((params) => serially(() => applySettings(params.settings)));

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) configChanged();
    session.watcher?.filesChanged(params.changes);
  });

  // didOpen fires onDidOpen then onDidChangeContent; only later content changes are edits.
  const opening = new Set<string>();
  documents.onDidOpen((event) => opening.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (opening.delete(uri)) scheduler.opened(uri);
    else scheduler.changed(uri);
  });
  documents.onDidSave((event) => scheduler.saved(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.closed(uri);
    policies.closed(uri);
    if (verifiedFromDisk.has(uri)) void republishFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** A closed file that was verified from disk keeps diagnostics for its saved text (checked in slices, like any check). */
  const republishFromDisk = async (uri: string): Promise<void> => {
    const path = filePath(uri);
    const read = path ? readTextFile(path) : undefined;
    const library = libraryFor(uri);
    if (!library || !read || 'error' in read) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // Dropped if the file is opened again meanwhile, or the library reloads (which republishes what it must).
    const checked = await runInSlices(checkSteps(uri, undefined, read.text, library), () => documents.get(uri) !== undefined || libraryFor(uri) !== library);
    if (checked) publish(checked);
  };

  connection.onHover(async (params, token) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const checked = await scheduler.forRequest(uri, offset, offset, token);
    if (!checked) return null;
    return hoverAt(checked, linesOf(checked).offsetAt(params.position));
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return [];
    const checked = await scheduler.forRequest(uri, document.offsetAt(params.range.start), document.offsetAt(params.range.end), token);
    if (!checked) return [];
    const lines = linesOf(checked);
    const policy = policies.forDocument(uri);
    return codeActionsFor({
      document: checked,
      start: lines.offsetAt(params.range.start),
      end: lines.offsetAt(params.range.end),
      only: params.context.only,
      ...(params.context.triggerKind !== undefined ? { triggerKind: params.context.triggerKind } : {}),
      findingOptions: { severity: policy.severity, isAccepted: policy.isAccepted },
      citationStyle: policy.citationStyle,
      supportsDocumentChanges: session.supportsDocumentChanges(),
      acceptEdit: (sentence) => acceptEdit(policy.acceptFile, sentence, session.capabilities),
    });
  });

  connection.onExecuteCommand((params, token) =>
    executeCommand(
      {
        connection,
        documents,
        scheduler,
        policies,
        library: libraryFor,
        libraries: () => libraries.all(),
        libraryReady: session.libraryReady,
        workspaceFolders: () => folders.paths(),
        publish,
        verifiedFromDisk: (uri) => verifiedFromDisk.add(uri),
        supportsDocumentChanges: session.supportsDocumentChanges(),
      },
      params,
      token,
    ),
  );

  onRequest(connection, SourcesRequest, async (): Promise<SourcesResult> => {
    await session.libraryReady;
    return sourcesResult(libraries.all());
  });

  connection.onShutdown(() => {
    session.watcher?.dispose();
    configWatcher.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** What the server learns once, at initialize, and the first load of the library. */
class Session {
  capabilities: ClientCapabilities = {};
  trusted = true;
  watcher: SourceWatcher | undefined;
  markLibraryReady: () => void = () => undefined;
  readonly libraryReady = new Promise<void>((resolve) => (this.markLibraryReady = resolve));

  supportsDocumentChanges(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }
}
