// The "Grounded Sources" view in the Explorer: one item per source (title, "outlet · date", passages in the tooltip;
// a click opens it), preceded by an item per problem the server met loading the library, and followed by the
// bibliography entries that have no text (metadata only, never evidence; a click opens the bibliography file).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ClientCommands, type EntryWithoutTextInfo, type OpenSourceArguments, type SourceInfo } from '../../server/src/protocol';
import { passageCount, sourceDescription } from './format';
import type { LanguageServer } from './languageClient';
import type { LibraryState, SourceLibrary } from './sourceLibrary';

export const SOURCES_VIEW_ID = 'grounded.sources';
/** How the view marks a bibliography entry without source text. */
const NO_TEXT = 'no text';
export const REFRESH_SOURCES_COMMAND = 'grounded.sources.refresh';
/** Hidden command for the real-editor tests: the labels of the view's top-level items. */
export const SOURCE_ITEMS_COMMAND = 'grounded.sources.items';
const LOADED_CONTEXT = 'grounded.sourcesLoaded';

type Node =
  | { kind: 'source'; source: SourceInfo }
  | { kind: 'problem'; path: string; message: string }
  | { kind: 'withoutText'; entry: EntryWithoutTextInfo }
  | { kind: 'unavailable'; message: string };

function label(node: Node): string {
  switch (node.kind) {
    case 'source':
      return node.source.title || node.source.id;
    case 'problem':
      return `Cannot read ${displayPath(node.path)}`;
    case 'withoutText':
      return node.entry.title || node.entry.id;
    case 'unavailable':
      return 'Sources unavailable';
  }
}

function displayPath(fsPath: string): string {
  if (!fsPath) return 'a source';
  const relative = vscode.workspace.asRelativePath(fsPath, true);
  return relative === fsPath ? path.basename(fsPath) || fsPath : relative;
}

function nodesOf(state: LibraryState): Node[] {
  switch (state.kind) {
    case 'loading':
      return [];
    case 'unavailable':
      return [{ kind: 'unavailable', message: state.message }];
    case 'loaded':
      return [
        ...state.result.problems.map((problem): Node => ({ kind: 'problem', path: problem.path, message: problem.message })),
        ...state.result.sources.map((source): Node => ({ kind: 'source', source })),
        ...state.result.withoutText.map((entry): Node => ({ kind: 'withoutText', entry })),
      ];
  }
}

export class SourcesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly library: SourceLibrary,
    private readonly server: LanguageServer,
  ) {
    const view = vscode.window.createTreeView(SOURCES_VIEW_ID, { treeDataProvider: this, showCollapseAll: false });
    this.disposables.push(
      this.emitter,
      view,
      library.onDidChange((state) => {
        void vscode.commands.executeCommand('setContext', LOADED_CONTEXT, state.kind !== 'loading');
        view.message = state.kind === 'loaded' && state.result.problems.length > 0 ? problemsMessage(state.result.problems.length) : undefined;
        this.emitter.fire();
      }),
      vscode.commands.registerCommand(REFRESH_SOURCES_COMMAND, () => this.library.refresh()),
      vscode.commands.registerCommand(SOURCE_ITEMS_COMMAND, () => this.items()),
    );
  }

  async getChildren(element?: Node): Promise<Node[]> {
    if (element) return [];
    return nodesOf(await this.library.get());
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(label(node), vscode.TreeItemCollapsibleState.None);
    switch (node.kind) {
      case 'source': {
        const { source } = node;
        const args: OpenSourceArguments = { sourceId: source.id };
        item.id = `source:${source.id}`;
        item.description = sourceDescription(source);
        item.tooltip = sourceTooltip(source);
        item.iconPath = new vscode.ThemeIcon(source.bundled ? 'library' : 'book');
        item.contextValue = source.bundled ? 'groundedSource.bundled' : 'groundedSource';
        item.command = { command: ClientCommands.openSource, title: 'Open Source', arguments: [args] };
        break;
      }
      case 'problem':
        item.id = `problem:${node.path}:${node.message}`;
        item.description = node.message;
        item.tooltip = `${node.path}\n${node.message}\n\nCheck the "grounded.sources.paths" setting.`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.contextValue = 'groundedSourceProblem';
        item.command = { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['grounded.sources.paths'] };
        break;
      case 'withoutText': {
        const file = vscode.Uri.parse(node.entry.uri);
        item.id = `withoutText:${node.entry.uri}:${node.entry.id}`;
        item.description = NO_TEXT;
        item.tooltip = new vscode.MarkdownString(undefined, true)
          .appendMarkdown('**')
          .appendText(node.entry.title || node.entry.id)
          .appendMarkdown('**\n\n')
          .appendText(`${NO_TEXT}: ${displayPath(file.fsPath)} has this entry (id: ${node.entry.id}), but no source file holds its text, so it is never evidence.`);
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        item.contextValue = 'groundedSourceWithoutText';
        item.command = { command: 'vscode.open', title: 'Open Bibliography File', arguments: [file] };
        break;
      }
      case 'unavailable':
        item.id = 'unavailable';
        item.description = node.message;
        item.tooltip = `${node.message}\n\nClick to show the Grounded output.`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.command = { command: ClientCommands.showOutput, title: 'Show Output' };
        break;
    }
    return item;
  }

  /** The labels of the top-level items, once the library is fetched. */
  async items(): Promise<string[]> {
    let state = await this.library.get();
    if (state.kind === 'unavailable' && this.server.state.kind === 'running') state = await this.library.refresh();
    return nodesOf(state).map(label);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function sourceTooltip(source: SourceInfo): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown('**').appendText(source.title || source.id).appendMarkdown('**\n\n');
  const byline = [source.author, sourceDescription(source)].filter(Boolean).join(' — ');
  if (byline) tooltip.appendText(byline).appendMarkdown('\n\n');
  tooltip.appendText(`${passageCount(source.passages)}${source.bundled ? ' · bundled with Grounded' : ''}`);
  tooltip.appendMarkdown('\n\n').appendText(`id: ${source.id}`);
  if (source.url) tooltip.appendMarkdown('\n\n').appendText(source.url);
  return tooltip;
}

function problemsMessage(count: number): string {
  return count === 1 ? 'A source could not be read.' : `${count} sources could not be read.`;
}
