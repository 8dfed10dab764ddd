// Verify Claims in Current File / in Workspace, Check This File Anyway, Show Output, Restart Server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ClientCommands, ServerCommands, type DocumentSummary, type WorkspaceSummary } from '../../server/src/protocol';
import { documentSummaryMessage, hasFindings, workspaceSummaryMessage } from './format';
import { errorMessage, type LanguageServer } from './languageClient';
import type { StatusBar } from './statusBar';
import { PROBLEMS_COMMAND } from './statusModel';

const SHOW_PROBLEMS = 'Show Problems';

export function registerCommands(server: LanguageServer, status: StatusBar): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.verifyFile, (resource?: unknown) => verifyFile(server, status, resource)),
    // The server's verifyDocument checks any Markdown file, draft or not, and keeps checking it until it is closed.
    vscode.commands.registerCommand(ClientCommands.checkAnyway, (resource?: unknown) => verifyFile(server, status, resource)),
    vscode.commands.registerCommand(ClientCommands.verifyWorkspace, () => verifyWorkspace(server)),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => server.outputChannel.show(true)),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      try {
        await server.restart();
      } catch (error) {
        void vscode.window.showErrorMessage(`Grounded: ${errorMessage(error)}`, 'Show Output').then((choice) => {
          if (choice) server.outputChannel.show(true);
        });
      }
    }),
  ];
}

/**
 * The draft to verify: a URI argument (explorer or editor context menu, the status bar, other extensions), else the
 * active editor's document when it is Markdown, else the first visible Markdown editor's (focus may be on the
 * walkthrough, a panel, or another file beside the draft).
 */
async function draftFor(resource: unknown): Promise<vscode.TextDocument | undefined> {
  const uri =
    resource instanceof vscode.Uri ? resource : typeof resource === 'string' && resource !== '' ? vscode.Uri.parse(resource, true) : undefined;
  if (uri) return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === 'markdown')?.document;
}

function documentName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : path.basename(document.uri.fsPath);
}

/** Resolves to the server's summary (undefined when cancelled or failed). */
async function verifyFile(server: LanguageServer, status: StatusBar, resource: unknown): Promise<DocumentSummary | undefined> {
  const document = await draftFor(resource);
  if (!document) {
    void vscode.window.showWarningMessage('Grounded: no Markdown file is open to check; open one first.');
    return undefined;
  }
  if (document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(`Grounded: ${documentName(document)} is not a Markdown file; only Markdown files are checked.`);
    return undefined;
  }
  try {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Grounded: verifying the claims of ${documentName(document)}…`, cancellable: true },
      (_progress, token) => server.executeCommand(ServerCommands.verifyDocument, [server.protocolUri(document.uri)], token),
    );
    if (!summary?.counts) return undefined;
    status.setCounts(document.uri, summary.counts);
    void notify(`${documentSummaryMessage(summary)} (${documentName(document)})`, hasFindings(summary.counts));
    return summary;
  } catch (error) {
    return reportFailure(server, 'verify the claims', error);
  }
}

/** Resolves to the server's summary (undefined when cancelled or failed). */
async function verifyWorkspace(server: LanguageServer): Promise<WorkspaceSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Grounded: open a folder to verify the drafts of a workspace.');
    return undefined;
  }
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Grounded: verifying the claims of the workspace…', cancellable: true },
      (_progress, token) => server.executeCommand(ServerCommands.verifyWorkspace, [], token),
    );
    if (!result?.counts) return undefined;
    const summary: WorkspaceSummary = { ...result, problems: result.problems ?? [] };
    for (const problem of summary.problems) server.outputChannel.warn(`Could not check ${problem.uri}: ${problem.message}`);
    void notify(workspaceSummaryMessage(summary), hasFindings(summary.counts) || summary.problems.length > 0);
    return summary;
  } catch (error) {
    return reportFailure(server, 'verify the workspace', error);
  }
}

async function notify(message: string, offerProblems: boolean): Promise<void> {
  const text = `Grounded: ${message}`;
  const choice = offerProblems ? await vscode.window.showWarningMessage(text, SHOW_PROBLEMS) : await vscode.window.showInformationMessage(text);
  if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand(PROBLEMS_COMMAND);
}

function reportFailure(server: LanguageServer, what: string, error: unknown): undefined {
  if (error instanceof vscode.CancellationError || isCancelled(error)) return undefined;
  server.outputChannel.error(`Could not ${what}: ${errorMessage(error)}`);
  void vscode.window.showErrorMessage(`Grounded: could not ${what}. ${errorMessage(error)}`, 'Show Output').then((choice) => {
    if (choice) server.outputChannel.show(true);
  });
  return undefined;
}

/** A JSON-RPC "request cancelled" error (code -32800). */
function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === -32800;
}
