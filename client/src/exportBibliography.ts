// Grounded: Export Bibliography…: asks the format (CSL-JSON for Pandoc and Zotero, BibTeX for LaTeX) and a file, gets
// the source library's bibliography from the server (the grounded/bibliography request) and writes it there. With a
// Markdown draft active, the library that draft is checked against; else every source loaded.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BIBLIOGRAPHY_EXTENSIONS, ClientCommands, type BibliographyFormat } from '../../server/src/protocol';
import { errorMessage, type LanguageServer } from './languageClient';

interface FormatPick extends vscode.QuickPickItem {
  format: BibliographyFormat;
}

const FORMAT_PICKS: FormatPick[] = [
  { label: 'CSL-JSON', description: '.json', detail: 'For Pandoc (pandoc --citeproc --bibliography refs.json), Zotero and other CSL processors.', format: 'csl-json' },
  { label: 'BibTeX', description: '.bib', detail: 'For LaTeX, and Pandoc too.', format: 'bibtex' },
];

const FILTERS: Record<BibliographyFormat, Record<string, string[]>> = {
  'csl-json': { 'CSL-JSON': ['json'] },
  bibtex: { BibTeX: ['bib'] },
};

/**
 * Registers the command. Arguments (for tests and other extensions): a format and a target URI skip the questions.
 * Resolves to the URI written, or undefined when cancelled or failed.
 */
export function registerExportBibliography(server: LanguageServer): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.exportBibliography, async (format?: unknown, target?: unknown) => {
    const chosen = isFormat(format) ? format : (await vscode.window.showQuickPick(FORMAT_PICKS, { title: 'Export Bibliography', placeHolder: 'Format' }))?.format;
    if (!chosen) return undefined;
    const draft = vscode.window.activeTextEditor?.document;
    const fromDraft = draft?.languageId === 'markdown' && !draft.isUntitled ? draft.uri : undefined;
    const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({ title: 'Export Bibliography', defaultUri: defaultTarget(fromDraft, chosen), filters: FILTERS[chosen] });
    if (!uri) return undefined;
    try {
      const result = await server.bibliography({ format: chosen, ...(fromDraft ? { uri: server.protocolUri(fromDraft) } : {}) });
      if (!result) throw new Error('the server did not answer');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
      void vscode.window.showInformationMessage(`Grounded: wrote ${result.count} source${result.count === 1 ? '' : 's'} to ${path.basename(uri.fsPath)}.`);
      return uri;
    } catch (error) {
      void vscode.window.showErrorMessage(`Grounded: could not export the bibliography: ${errorMessage(error)}`);
      return undefined;
    }
  });
}

function isFormat(value: unknown): value is BibliographyFormat {
  return value === 'csl-json' || value === 'bibtex';
}

/** `references.json` (or `.bib`) beside the active draft, else in the first workspace folder. */
function defaultTarget(draft: vscode.Uri | undefined, format: BibliographyFormat): vscode.Uri | undefined {
  const name = `references.${BIBLIOGRAPHY_EXTENSIONS[format]}`;
  if (draft) return vscode.Uri.joinPath(draft, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
