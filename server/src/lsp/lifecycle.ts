// The server's life and its environment: initialize (capabilities, folders, trust), the first load of the library,
// settings pulled and pushed, workspace folders added and removed, watched files (sources, project configs), shutdown.

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { CONFIG_FILE_NAME } from '../config/projectConfig';
import type { GroundedInitializationOptions } from '../protocol';
import { PROVIDED_KINDS } from './codeActions';
import { COMMANDS } from './commands';
import { COMPLETION_TRIGGERS } from './completion';
import { SourceWatcher, sameSelection, selectSources } from './library';
import type { ServerParts } from './parts';
import { SETTINGS_SECTION } from './settings';
import { closeArchives } from './archive';

export function registerLifecycle(parts: ServerParts): void {
  const { connection, settings, folders, session, status, libraries, documents, scheduler } = parts;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.capabilities = params.capabilities;
    folders.initialize(params);
    settings.setFolders(folders.uris());
    const options = params.initializationOptions as GroundedInitializationOptions | null | undefined;
    session.trusted = options?.workspaceTrusted !== false;
    if (typeof options?.cacheDirectory === 'string' && options.cacheDirectory !== '') {
      libraries.useCacheDirectory(options.cacheDirectory, (message) => connection.console.warn(message));
    }
    settings.canPull = session.capabilities.workspace?.configuration === true;
    const watchedFiles = session.capabilities.workspace?.didChangeWatchedFiles;
    session.watcher = new SourceWatcher(
      connection,
      { clientWatches: watchedFiles?.dynamicRegistration === true, relativePatterns: watchedFiles?.relativePatternSupport === true },
      () => void parts.reloadLibrary(),
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: PROVIDED_KINDS },
        executeCommandProvider: { commands: COMMANDS },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
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
    if (!current || !sameSelection(selectSources(parts.libraryContext()), current.selection)) {
      await parts.reloadLibrary();
      return;
    }
    // Same library: fresh checks are republished (severities may have changed), others checked if due; a document
    // that was not a draft is looked at again (the drafts settings may have changed).
    for (const document of documents.all()) {
      const fresh = scheduler.fresh(document.uri);
      if (fresh) parts.publish(fresh);
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
          await parts.reloadLibrary();
        });
      });
    }
    await serially(async () => {
      await settings.refresh();
      await parts.reloadLibrary();
      session.markLibraryReady();
    });
  });

  connection.onDidChangeConfiguration((params) => serially(() => applySettings(params.settings)));

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) parts.configChanged();
    session.watcher?.filesChanged(params.changes);
  });

  connection.onShutdown(() => {
    session.watcher?.dispose();
    libraries.dispose();
    parts.configWatcher.dispose();
    return closeArchives();
  });
}
