// "Grounded: Insert Citation…": ranks the sources for the sentence at the cursor (server command rankSources), offers
// them in a QuickPick (title; outlet · date; verdict and best passage) and has the server insert the citation of the
// one picked (citeSource, refused if the document changed meanwhile). A hover's "Cite" link passes the source.
import * as vscode from 'vscode';
import type { Position } from '../../server/src/model';
import { ClientCommands, ServerCommands, type CiteArguments, type RankedSource } from '../../server/src/protocol';
import { parseInsertCitationArgs } from './commandArgs';
import { rankedSourceDetail, sourceDescription } from './format';
import { errorMessage, type ServerConnection } from './languageClient';

interface RankedPick extends vscode.QuickPickItem {
  ranked: RankedSource;
}

interface Target {
  document: vscode.TextDocument;
  position: Position;
  version: number;
}

export function registerInsertCitation(server: ServerConnection): vscode.Disposable {
  /** Resolves to whether a citation was inserted. */
  return vscode.commands.registerCommand(ClientCommands.insertCitation, async (...args: unknown[]): Promise<boolean> => {
    try {
      const target = await resolveTarget(args);
      if (!target) return false;
      const request = args[0] instanceof vscode.Uri ? {} : parseInsertCitationArgs(args);
      const sourceId = request.sourceId ?? (await pickSource(server, target));
      if (!sourceId) return false;
      return await cite(server, target, sourceId);
    } catch (error) {
      if (error instanceof vscode.CancellationError) return false;
      server.outputChannel.error(`Insert Citation: ${errorMessage(error)}`);
      void vscode.window.showErrorMessage(`Grounded: could not insert a citation. ${errorMessage(error)}`);
      return false;
    }
  });
}

async function resolveTarget(args: unknown[]): Promise<Target | undefined> {
  const request = args[0] instanceof vscode.Uri ? { uri: args[0].toString() } : parseInsertCitationArgs(args);
  let document: vscode.TextDocument | undefined;
  if (request.uri !== undefined) {
    const uri = vscode.Uri.parse(request.uri, true);
    document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  } else {
    document = vscode.window.activeTextEditor?.document;
  }
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Grounded: put the cursor on a sentence of a Markdown draft to insert a citation.');
    return undefined;
  }
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  const cursor = request.position ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
  if (!cursor) {
    void vscode.window.showWarningMessage('Grounded: put the cursor on the sentence to cite.');
    return undefined;
  }
  return { document, position: cursor, version: request.version ?? document.version };
}

async function pickSource(server: ServerConnection, target: Target): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<RankedPick>();
  quickPick.title = 'Grounded: Insert Citation';
  quickPick.placeholder = 'Ranking the sources for the sentence at the cursor…';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const cancel = new vscode.CancellationTokenSource();
  const picked = new Promise<string | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const choice = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (!choice) return;
      resolve(choice.ranked.id);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      cancel.cancel();
      resolve(undefined);
    });
  });
  quickPick.show();
  try {
    const ranked = await server.executeCommand<RankedSource[] | null>(
      ServerCommands.rankSources,
      [server.protocolUri(target.document.uri), target.position],
      cancel.token,
    );
    if (cancel.token.isCancellationRequested) return undefined;
    if (!ranked || ranked.length === 0) {
      quickPick.hide();
      void vscode.window.showInformationMessage('Grounded: no source in the library speaks to the sentence at the cursor.');
      return undefined;
    }
    quickPick.items = ranked.map(
      (source): RankedPick => ({
        label: source.title || source.id,
        description: sourceDescription(source),
        detail: rankedSourceDetail(source),
        ranked: source,
      }),
    );
    quickPick.placeholder = 'Pick the source to cite';
    quickPick.busy = false;
    return await picked;
  } catch (error) {
    quickPick.hide();
    if (cancel.token.isCancellationRequested) return undefined;
    throw error;
  } finally {
    quickPick.dispose();
    cancel.dispose();
  }
}

async function cite(server: ServerConnection, target: Target, sourceId: string): Promise<boolean> {
  const args: CiteArguments = {
    uri: server.protocolUri(target.document.uri),
    version: target.version,
    position: target.position,
    sourceId,
  };
  const applied = await server.executeCommand<boolean | null>(ServerCommands.citeSource, [args]);
  if (applied !== true) {
    void vscode.window.showWarningMessage('Grounded: the citation was not inserted; the draft changed since the sources were ranked. Try again.');
    return false;
  }
  return true;
}
