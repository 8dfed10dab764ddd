// The status bar item for the active Markdown file: verdict counts when idle, a spinner while checking, an error state
// when the server is down or reported an error, "not a draft" for a Markdown file the server does not check. Hidden
// for other editors. Clicking opens Problems (the output when the server is not running; for a file that is not a
// draft, "Check This File Anyway").
import * as vscode from 'vscode';
import { ClientCommands, StatusNotification, type VerdictCounts } from '../../server/src/protocol';
import { Config, CONFIG_SECTION } from './config';
import type { LanguageServer } from './languageClient';
import type { SourceLibrary } from './sourceLibrary';
import { StatusModel, type StatusView } from './statusModel';

/** Hidden command for the real-editor tests: the status bar text ('' while hidden). */
export const STATUS_TEXT_COMMAND = 'grounded.status.text';

/** One spelling per document URI, whoever wrote it (the server's encoding may differ from VS Code's). */
export function uriKey(uri: string | vscode.Uri): string {
  try {
    return (typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri).toString();
  } catch {
    return String(uri);
  }
}

function isMarkdown(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

export class StatusBar implements vscode.Disposable {
  private readonly model = new StatusModel();
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** The Markdown document the item speaks for; kept while focus is in a panel (output, terminal…). */
  private document: vscode.TextDocument | undefined;

  constructor(server: LanguageServer, library: SourceLibrary) {
    this.item = vscode.window.createStatusBarItem('grounded.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Grounded';
    this.document = vscode.window.activeTextEditor?.document;
    this.applyServerState(server.state);
    this.disposables.push(
      this.item,
      server.onNotification(StatusNotification, (params) => {
        if (!params || typeof params !== 'object') return;
        this.model.apply({ ...params, uri: params.uri === undefined ? undefined : uriKey(params.uri) });
        this.render();
      }),
      server.onDidChangeState((state) => {
        this.applyServerState(state);
        this.render();
      }),
      library.onDidChange((state) => {
        if (state.kind === 'loaded') {
          this.model.sourcesLoaded(state.result.problems.length);
          this.render();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to an output or debug console is not a change of document.
        if (editor && (editor.document.uri.scheme === 'output' || editor.document.uri.scheme === 'debug')) return;
        this.document = editor?.document;
        this.render();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A language change (plaintext → markdown) reopens the document.
        if (document.uri.toString() === this.document?.uri.toString()) {
          this.document = document;
          this.render();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isClosed) this.model.forget(uriKey(document.uri));
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.checkOn`)) this.render();
      }),
      vscode.commands.registerCommand(STATUS_TEXT_COMMAND, () => this.text()),
    );
    this.render();
  }

  /** Counts a verify command returned. */
  setCounts(uri: vscode.Uri | string, counts: VerdictCounts): void {
    this.model.setCounts(uriKey(uri), counts);
    this.render();
  }

  /** The text shown, '' when the item is hidden. */
  text(): string {
    return this.viewFor(this.document)?.text ?? '';
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private applyServerState(state: LanguageServer['state']): void {
    switch (state.kind) {
      case 'starting':
        this.model.clientStarting();
        break;
      case 'running':
        this.model.clientRunning();
        break;
      case 'failed':
        this.model.clientFailed(state.message);
        break;
      case 'stopped':
        break;
    }
  }

  private viewFor(document: vscode.TextDocument | undefined): StatusView | undefined {
    if (!isMarkdown(document)) return undefined;
    const checkOn = new Config(vscode.workspace.getConfiguration(CONFIG_SECTION, document.uri)).checkOn;
    return this.model.view(uriKey(document.uri), checkOn);
  }

  private render(): void {
    const document = this.document;
    const view = this.viewFor(document);
    if (!document || !view) {
      this.item.hide();
      return;
    }
    const summary = view.tooltip.split('\n')[0]!;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    // "Check This File Anyway" gets the file the item speaks for, which focus may have left (for a panel).
    this.item.command = { command: view.command, title: summary, arguments: view.command === ClientCommands.checkAnyway ? [document.uri] : [] };
    this.item.backgroundColor = view.kind === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: summary, role: 'button' };
    this.item.show();
  }
}
