// The Grounded VS Code extension: starts the language server for Markdown drafts and adds the commands (the
// walkthrough's project setup ones too), the Sources view and the status bar item. `activate` resolves to an API the
// real-editor test suites drive.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerExportBibliography } from './exportBibliography';
import { registerInsertCitation } from './insertCitation';
import { CLIENT_NAME, LanguageServer } from './languageClient';
import { registerOpenSource } from './openSource';
import { registerProjectCommands } from './projectCommands';
import { SourceLibrary } from './sourceLibrary';
import { SourcesView } from './sourcesView';
import { StatusBar } from './statusBar';

export interface GroundedApi {
  /** The running language client (after a restart, the new one); rejects when the server could not start. */
  readonly client: Promise<LanguageClient>;
  /** The status bar text, '' while the item is hidden (the active editor is not a Markdown file). */
  statusText(): string;
  /** The labels of the Sources view's items, once the library is fetched. */
  sourceItems(): Promise<string[]>;
}

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): GroundedApi {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const connection = new LanguageServer(context, output);
  server = connection;
  // Started first so the views' first requests wait for this start. Not awaited: activation must not fail (and take
  // the commands with it) when the server cannot start.
  void connection.start().catch(() => undefined);
  const library = new SourceLibrary(connection);
  const status = new StatusBar(connection, library);
  const sourcesView = new SourcesView(library, connection);

  context.subscriptions.push(
    output,
    connection,
    library,
    status,
    sourcesView,
    ...registerCommands(connection, status),
    ...registerProjectCommands(output),
    registerOpenSource(library),
    registerInsertCitation(connection),
    registerExportBibliography(connection),
    // Trust widens what the server may read (source folders outside the workspace): start it again with the news.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('The workspace is now trusted; restarting the language server.');
      void connection.restart().catch(() => undefined);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'grounded.active', true);

  return {
    get client() {
      return connection.whenReady;
    },
    statusText: () => status.text(),
    sourceItems: () => sourcesView.items(),
  };
}

export async function deactivate(): Promise<void> {
  const current = server;
  server = undefined;
  await current?.stop();
}
