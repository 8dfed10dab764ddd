// "Grounded: Open Source…": with arguments (a hover link, the Sources view) opens that source at its passage's line;
// without, offers a QuickPick of the library.
import * as vscode from 'vscode';
import { ClientCommands, type SourceInfo } from '../../server/src/protocol';
import { parseOpenSourceArgs } from './commandArgs';
import { passageCount, sourceDescription } from './format';
import type { SourceLibrary } from './sourceLibrary';

interface SourcePick extends vscode.QuickPickItem {
  source: SourceInfo;
}

export function registerOpenSource(library: SourceLibrary): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.openSource, async (...args: unknown[]) => {
    // Resolves to the opened file's URI (for tests and other extensions), undefined when nothing was opened.
    const request = parseOpenSourceArgs(args);
    const source = request ? await findSource(library, request.sourceId) : await pickSource(library);
    if (!source) return undefined;
    const editor = await openSource(source, request?.line);
    return editor.document.uri.toString();
  });
}

async function findSource(library: SourceLibrary, sourceId: string): Promise<SourceInfo | undefined> {
  const source = await library.find(sourceId);
  if (!source) void vscode.window.showWarningMessage(`Grounded: there is no source "${sourceId}" in the library.`);
  return source;
}

async function pickSource(library: SourceLibrary): Promise<SourceInfo | undefined> {
  const state = await library.get();
  if (state.kind === 'unavailable') {
    void vscode.window.showErrorMessage(`Grounded: ${state.message}`);
    return undefined;
  }
  const sources = state.kind === 'loaded' ? state.result.sources : [];
  if (sources.length === 0) {
    const add = 'Add Source Folder…';
    void vscode.window.showInformationMessage('Grounded: the source library is empty. Add folders of source articles to check drafts against.', add).then((choice) => {
      if (choice === add) void vscode.commands.executeCommand(ClientCommands.addSourceFolder);
    });
    return undefined;
  }
  const items = sources.map(
    (source): SourcePick => ({
      label: source.title || source.id,
      description: sourceDescription(source),
      detail: `${source.id} · ${passageCount(source.passages)}${source.bundled ? ' · bundled' : ''}`,
      source,
    }),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Grounded: Open Source',
    placeHolder: 'Pick a source to open',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.source;
}

/** Opens a source file, selecting the 1-based `line` (the best passage) when given. */
export async function openSource(source: SourceInfo, line?: number): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(source.uri, true);
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const active = vscode.window.activeTextEditor;
  // Beside the draft, so the claim and its source can be read together; in place when the source is already showing.
  const viewColumn = shown?.viewColumn ?? (active && active.document.uri.toString() !== uri.toString() ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active);
  const editor = await vscode.window.showTextDocument(document, { viewColumn, preview: true });
  if (line !== undefined && document.lineCount > 0) {
    const index = Math.min(Math.max(line - 1, 0), document.lineCount - 1);
    const range = document.lineAt(index).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
