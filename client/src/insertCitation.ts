// "Grounded: Insert Citation…": ranks the sources for the sentence at the cursor (server command rankSources), offers
// them in a QuickPick (title; outlet · date, "already cited" for a source the sentence cites; verdict and best
// passage) and has the server insert the citation of the one picked (citeSource). A hover's "Cite" link passes the
// source. A sentence that is not a claim (a question, an opinion…) is refused with the reason, and so is a citation
// the server declines (the draft changed, the source is already cited), each with its own message.
import * as vscode from 'vscode';
import type { Position } from '../../server/src/model';
import {
  ClientCommands,
  ServerCommands,
  type CiteArguments,
  type CiteResult,
  type RankSourcesOptions,
  type RankSourcesResult,
  type RankedSource,
} from '../../server/src/protocol';
import { parseInsertCitationArgs } from './commandArgs';
import { citeRefusalMessage, nothingToCiteMessage, rankedSourceDescription, rankedSourceDetail } from './format';
import { errorMessage, type LanguageServer } from './languageClient';

interface RankedPick extends vscode.QuickPickItem {
  ranked: RankedSource;
}

interface Target {
  document: vscode.TextDocument;
  position: Position;
  version: number;
}

export function registerInsertCitation(server: LanguageServer): vscode.Disposable {
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

async function pickSource(server: LanguageServer, target: Target): Promise<string | undefined> {
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
      if (choice.ranked.cited) {
        // Citing it again would change nothing: say so, and let the writer pick another.
        void vscode.window.showInformationMessage(`Grounded: the sentence already cites "${choice.ranked.title || choice.ranked.id}".`);
        return;
      }
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
    const options: RankSourcesOptions = { detailed: true };
    const answer = await server.executeCommand(
      ServerCommands.rankSources,
      [server.protocolUri(target.document.uri), target.position, options],
      cancel.token,
    );
    if (cancel.token.isCancellationRequested) return undefined;
    // A server without the detailed answer sends the bare list.
    const result: RankSourcesResult = Array.isArray(answer) || !answer ? { sentence: 'claim', sources: answer ?? [] } : answer;
    if (result.sources.length === 0) {
      quickPick.hide();
      void vscode.window.showInformationMessage(`Grounded: ${nothingToCiteMessage(result)}`);
      return undefined;
    }
    quickPick.items = result.sources.map(
      (source): RankedPick => ({
        label: source.title || source.id,
        description: rankedSourceDescription(source),
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

async function cite(server: LanguageServer, target: Target, sourceId: string): Promise<boolean> {
  const args: CiteArguments = {
    uri: server.protocolUri(target.document.uri),
    version: target.version,
    position: target.position,
    sourceId,
    detailed: true,
  };
  const answer = await server.executeCommand(ServerCommands.citeSource, [args]);
  // A server without the detailed answer sends a boolean.
  const result: CiteResult =
    typeof answer === 'object' && answer !== null
      ? answer
      : answer === true
        ? { applied: true, outcome: 'applied', message: '' }
        : { applied: false, outcome: 'stale-version', message: '' };
  if (!result.applied) {
    void vscode.window.showWarningMessage(`Grounded: the citation was not inserted; ${citeRefusalMessage(result)}`);
    return false;
  }
  return true;
}
