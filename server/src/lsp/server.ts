// Wires the language server: document sync, settings, the source library, scheduled checks, and the features
// (diagnostics, hover, code actions, commands, the custom requests). The features themselves live one per file;
// this file only connects them to LSP messages.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { readTextFile } from '../files/readTextFile';
import {
  SourcesChangedNotification,
  SourcesRequest,
  type GroundedInitializationOptions,
  type SourcesResult,
} from '../protocol';
import { linesOf } from '../findings/checkedDraft';
import type { CheckedDocument } from './checkedDocument';
import { PROVIDED_KINDS, codeActionsFor } from './codeActions';
import { COMMANDS, executeCommand } from './commands';
import { diagnosticsFor } from './diagnostics';
import { hoverAt } from './hover';
import { SourceWatcher, loadLibrary, sameSelection, selectSources, sourcesResult, type LibraryContext, type LoadedLibrary } from './library';
import { CheckScheduler, checkSteps, runInSlices } from './scheduler';
import { SETTINGS_SECTION, SettingsStore } from './settings';
import { StatusReporter, countVerdicts } from './status';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const status = new StatusReporter(connection);

  let capabilities: ClientCapabilities = {};
  /** The workspace folders: `uri` as the client spells it (settings are per folder), `path` to read files. */
  let workspaceFolders: WorkspaceFolderInfo[] = [];
  const folderPaths = (): string[] => workspaceFolders.flatMap((folder) => folder.path ?? []);
  let trusted = true;
  let loaded: LoadedLibrary | undefined;
  let libraryVersion = 0;
  let markLibraryReady: () => void = () => undefined;
  const libraryReady = new Promise<void>((resolve) => (markLibraryReady = resolve));
  let watcher: SourceWatcher | undefined;
  /** Files whose diagnostics came from a workspace or file verification, kept when they are closed in the editor. */
  const verifiedFromDisk = new Set<string>();

  const publish = (checked: CheckedDocument): void => {
    void connection.sendDiagnostics({
      uri: checked.uri,
      ...(checked.version !== undefined ? { version: checked.version } : {}),
      diagnostics: diagnosticsFor(checked, { severity: settings.forDocument(checked.uri).severity }),
    });
  };

  const scheduler = new CheckScheduler({
    documents,
    settings: (uri) => settings.forDocument(uri),
    library: () => loaded,
    libraryReady,
    checkStarted: (uri) => status.checking(uri),
    checked: (checked) => {
      publish(checked);
      status.checked(checked.uri, countVerdicts(checked.report.claims));
    },
    checkFailed: (uri, error) => {
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      status.failed(`Checking failed: ${message}`, uri);
    },
    checkAbandoned: (uri, last) => status.abandoned(uri, last ? countVerdicts(last.report.claims) : undefined),
  });

  /** One library for all the workspace folders: from the window's settings and every folder's. */
  const libraryContext = (): LibraryContext => ({
    settings: settings.current,
    workspaceFolders: folderPaths(),
    folderSettings: workspaceFolders.flatMap((folder) => {
      const own = settings.forFolder(folder.uri);
      return own ? [{ path: folder.path, sources: own.sources }] : [];
    }),
    trusted,
  });

  const reloadLibrary = (): void => {
    loaded = loadLibrary(libraryContext(), ++libraryVersion);
    for (const problem of loaded.problems) connection.console.warn(`Source ${problem.path}: ${problem.message}`);
    if (loaded.library.sources.length === 0) connection.console.warn('No sources loaded, so no claim can be supported.');
    watcher?.watch(loaded.roots);
    status.libraryLoaded(loaded.error);
    void connection.sendNotification(SourcesChangedNotification);
    scheduler.recheckOpenDocuments();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    workspaceFolders = initialWorkspaceFolders(params);
    settings.setFolders(workspaceFolders.map((folder) => folder.uri));
    trusted = (params.initializationOptions as GroundedInitializationOptions | null | undefined)?.workspaceTrusted !== false;
    settings.canPull = capabilities.workspace?.configuration === true;
    const watchedFiles = capabilities.workspace?.didChangeWatchedFiles;
    watcher = new SourceWatcher(
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
    if (!loaded || !sameSelection(selectSources(libraryContext()), loaded.selection)) {
      reloadLibrary();
      return;
    }
    // Same library: fresh checks are republished (severities may have changed), others checked if due.
    for (const document of documents.all()) {
      const fresh = scheduler.fresh(document.uri);
      if (fresh) publish(fresh);
      else scheduler.opened(document.uri);
    }
  };

  connection.onInitialized(async () => {
    status.starting();
    // The one way settings changes reach the server from a client that registers dynamically (VS Code's client sends
    // nothing more: it no longer synchronizes the section itself). Others push didChangeConfiguration on their own.
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        void serially(async () => {
          const removed = new Set(event.removed.map((folder) => folder.uri));
          workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder.uri)), ...event.added.map((folder) => folderInfo(folder.uri))];
          settings.setFolders(workspaceFolders.map((folder) => folder.uri));
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
      markLibraryReady();
    });
  });

  connection.onDidChangeConfiguration((params) => serially(() => applySettings(params.settings)));

  connection.onDidChangeWatchedFiles((params) => watcher?.filesChanged(params.changes));

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
    if (verifiedFromDisk.has(uri)) void republishFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** A closed file that was verified from disk keeps diagnostics for its saved text (checked in slices, like any check). */
  const republishFromDisk = async (uri: string): Promise<void> => {
    const path = filePath(uri);
    const read = path ? readTextFile(path) : undefined;
    const library = loaded;
    if (!library || !read || 'error' in read) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // Dropped if the file is opened again meanwhile, or the library reloads (which republishes what it must).
    const checked = await runInSlices(checkSteps(uri, undefined, read.text, library), () => documents.get(uri) !== undefined || loaded !== library);
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
    return codeActionsFor({
      document: checked,
      start: lines.offsetAt(params.range.start),
      end: lines.offsetAt(params.range.end),
      only: params.context.only,
      ...(params.context.triggerKind !== undefined ? { triggerKind: params.context.triggerKind } : {}),
      findingOptions: { severity: settings.forDocument(uri).severity },
      citationStyle: settings.forDocument(uri).citationStyle,
      supportsDocumentChanges: supportsDocumentChanges(),
    });
  });

  connection.onExecuteCommand((params, token) =>
    executeCommand(
      {
        connection,
        documents,
        scheduler,
        settings: (uri) => settings.forDocument(uri),
        library: () => loaded,
        libraryReady,
        workspaceFolders: folderPaths,
        publish,
        verifiedFromDisk: (uri) => verifiedFromDisk.add(uri),
        supportsDocumentChanges: supportsDocumentChanges(),
      },
      params,
      token,
    ),
  );

  connection.onRequest(SourcesRequest, async (): Promise<SourcesResult> => {
    await libraryReady;
    return sourcesResult(loaded!);
  });

  connection.onShutdown(() => watcher?.dispose());

  const supportsDocumentChanges = (): boolean => capabilities.workspace?.workspaceEdit?.documentChanges === true;

  documents.listen(connection);
  connection.listen();
}

interface WorkspaceFolderInfo {
  uri: string;
  /** Undefined for a folder that is not on the file system. */
  path: string | undefined;
}

function folderInfo(uri: string): WorkspaceFolderInfo {
  return { uri, path: filePath(uri) };
}

function initialWorkspaceFolders(params: InitializeParams): WorkspaceFolderInfo[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((folder) => folderInfo(folder.uri));
  if (params.rootUri) return [folderInfo(params.rootUri)];
  return params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, path: params.rootPath }] : [];
}

/** The file path of a `file:` URI; undefined for other schemes (virtual workspaces have no folders to read). */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
