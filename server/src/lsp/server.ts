// Wires the language server: document sync, settings, the source library, scheduled checks, and the features
// (diagnostics, hover, code actions, commands, the custom requests). The features themselves live one per file;
// this file only connects them to LSP messages.

import { fileURLToPath } from 'node:url';
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
import { LineIndex } from '../markdown/positions';
import {
  SourcesChangedNotification,
  SourcesRequest,
  type GroundedInitializationOptions,
  type SourcesResult,
} from '../protocol';
import type { CheckedDocument } from './checkedDocument';
import { PROVIDED_KINDS, codeActionsFor } from './codeActions';
import { COMMANDS, executeCommand } from './commands';
import { diagnosticsFor } from './diagnostics';
import { hoverAt } from './hover';
import { SourceWatcher, loadLibrary, sourcesResult, type LoadedLibrary } from './library';
import { CheckScheduler, checkSteps, runToEnd } from './scheduler';
import { SETTINGS_SECTION, SettingsStore, sameSourceSettings } from './settings';
import { StatusReporter, countVerdicts } from './status';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const status = new StatusReporter(connection);

  let capabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
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
      diagnostics: diagnosticsFor(checked, settings.current),
    });
  };

  const scheduler = new CheckScheduler({
    documents,
    settings: () => settings.current,
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
  });

  const reloadLibrary = (): void => {
    loaded = loadLibrary({ settings: settings.current, workspaceFolders, trusted }, ++libraryVersion);
    for (const problem of loaded.problems) connection.console.warn(`Source ${problem.path}: ${problem.message}`);
    if (loaded.library.sources.length === 0) connection.console.warn('No sources loaded, so no claim can be supported.');
    watcher?.watch(loaded.roots);
    status.libraryLoaded(loaded.error);
    void connection.sendNotification(SourcesChangedNotification);
    scheduler.recheckOpenDocuments();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    workspaceFolders = workspaceFolderPaths(params);
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

  connection.onInitialized(async () => {
    status.starting();
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        await libraryReady;
        const removed = new Set(event.removed.flatMap((folder) => filePath(folder.uri) ?? []));
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => filePath(folder.uri) ?? [])];
        reloadLibrary();
      });
    }
    await settings.refresh();
    reloadLibrary();
    markLibraryReady();
  });

  connection.onDidChangeConfiguration(async (params) => {
    await libraryReady;
    const before = settings.current;
    const after = await settings.refresh(params.settings);
    if (!sameSourceSettings(before, after)) {
      reloadLibrary();
      return;
    }
    // Same library: fresh checks are republished (severities may have changed), others checked if due.
    for (const document of documents.all()) {
      const fresh = scheduler.fresh(document.uri);
      if (fresh) publish(fresh);
      else scheduler.opened(document.uri);
    }
  });

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
    if (verifiedFromDisk.has(uri)) republishFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** A closed file that was verified from disk keeps diagnostics for its saved text. */
  const republishFromDisk = (uri: string): void => {
    const path = filePath(uri);
    const read = path ? readTextFile(path) : undefined;
    if (!loaded || !read || 'error' in read) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    publish(runToEnd(checkSteps(uri, undefined, read.text, loaded)));
  };

  connection.onHover((params) => {
    const checked = scheduler.forRequest(params.textDocument.uri);
    if (!checked) return null;
    return hoverAt(checked, new LineIndex(checked.text).offsetAt(params.position));
  });

  connection.onCodeAction((params) => {
    const checked = scheduler.forRequest(params.textDocument.uri);
    if (!checked) return [];
    const lines = new LineIndex(checked.text);
    return codeActionsFor({
      document: checked,
      start: lines.offsetAt(params.range.start),
      end: lines.offsetAt(params.range.end),
      only: params.context.only,
      settings: settings.current,
      supportsDocumentChanges: supportsDocumentChanges(),
    });
  });

  connection.onExecuteCommand((params) =>
    executeCommand(
      {
        connection,
        documents,
        scheduler,
        settings: () => settings.current,
        library: () => loaded,
        libraryReady,
        workspaceFolders: () => workspaceFolders,
        publish,
        verifiedFromDisk: (uri) => verifiedFromDisk.add(uri),
        supportsDocumentChanges: supportsDocumentChanges(),
      },
      params,
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

function workspaceFolderPaths(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.flatMap((folder) => filePath(folder.uri) ?? []);
  if (params.rootUri) return [filePath(params.rootUri)].filter((path): path is string => path !== undefined);
  return params.rootPath ? [params.rootPath] : [];
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
