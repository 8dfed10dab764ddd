// Setting up a project (the walkthrough's first steps): "Create Project Config" writes the starter `.grounded.yaml`
// into a workspace folder, "Add Source Folder…" lists folders of sources in that file (or in the folder's settings
// when it has none). The server watches both, so the Sources view refreshes by itself.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../server/src/config/projectConfig';
import { STARTER_CONFIG } from '../../server/src/config/starter';
import { ClientCommands } from '../../server/src/protocol';
import { CONFIG_SECTION } from './config';
import { errorMessage } from './languageClient';
import { addSourcePathsToConfig, mergeSourcePaths, sourcePathEntry, type ConfigEdit } from './sourcePaths';

const OPEN_CONFIG = `Open ${CONFIG_FILE_NAME}`;

/** Where "Add Source Folder…" wrote the folders; what the command resolves to (for tests and other extensions). */
export interface AddedSourceFolders {
  target: 'config' | 'settings';
  /** The config file, or the workspace folder whose settings were changed (absent for the user settings). */
  uri?: string;
  /** The entries added (those already listed are left out). */
  added: string[];
}

export function registerProjectCommands(output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.createConfig, () => guarded(output, 'create the project config', createConfig)),
    // From the palette or the walkthrough: a folder picker. From another extension or a test: (uri) or (uri, uris),
    // the explorer's context menu form.
    vscode.commands.registerCommand(ClientCommands.addSourceFolder, (first?: unknown, all?: unknown) =>
      guarded(output, 'add the source folder', () => addSourceFolder(urisOf(first, all))),
    ),
  ];
}

async function guarded<T>(output: vscode.LogOutputChannel, what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    output.error(`Could not ${what}: ${errorMessage(error)}`);
    void vscode.window.showErrorMessage(`Grounded: could not ${what}. ${errorMessage(error)}`);
    return undefined;
  }
}

/** Resolves to the URI of the config file opened (written first unless it was there), undefined when cancelled. */
async function createConfig(): Promise<string | undefined> {
  const folder = await pickWorkspaceFolder(`Create ${CONFIG_FILE_NAME} in which folder?`);
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  if (await exists(uri)) {
    void vscode.window.showInformationMessage(`Grounded: ${folder.name} already has a ${CONFIG_FILE_NAME}; it is left as it is.`);
  } else {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_CONFIG));
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri.toString();
}

/** The one workspace folder, or the one picked; undefined (after saying why) when there is none or none was picked. */
async function pickWorkspaceFolder(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(`Grounded: open a folder first; ${CONFIG_FILE_NAME} goes in a workspace folder.`);
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder, ignoreFocusOut: true });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

function urisOf(first: unknown, all: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(all)) {
    const uris = all.filter((item): item is vscode.Uri => item instanceof vscode.Uri);
    if (uris.length > 0) return uris;
  }
  return first instanceof vscode.Uri ? [first] : undefined;
}

/**
 * Adds folders (picked, unless given) to the sources: to `sources.paths` of the `.grounded.yaml` of the workspace
 * folder holding the first one (or of the first workspace folder), else to that folder's `grounded.sources.paths`
 * setting (the user setting without a workspace folder). Entries are relative to that folder when inside it.
 */
async function addSourceFolder(given: vscode.Uri[] | undefined): Promise<AddedSourceFolders | undefined> {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const picked =
    given ??
    (await vscode.window.showOpenDialog({
      title: 'Grounded: Add Source Folder',
      openLabel: 'Add Source Folder',
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: true,
      ...(workspaceFolders[0] ? { defaultUri: workspaceFolders[0].uri } : {}),
    }));
  const first = picked?.[0];
  if (!picked || !first) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(first) ?? workspaceFolders[0];
  if (!folder) return addToSettings(undefined, picked);
  const config = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  return (await exists(config)) ? addToConfig(config, picked) : addToSettings(folder, picked);
}

/** Replaces the config's whole text in one WorkspaceEdit (so Undo takes it back), then saves it for the server to read. */
async function addToConfig(config: vscode.Uri, folders: vscode.Uri[]): Promise<AddedSourceFolders | undefined> {
  const document = await vscode.workspace.openTextDocument(config);
  const base = path.dirname(config.fsPath);
  const entries = folders.map((folder) => sourcePathEntry(folder.fsPath, base));
  const before = document.getText();
  let edit: ConfigEdit;
  try {
    edit = addSourcePathsToConfig(before, entries);
  } catch (error) {
    const choice = await vscode.window.showErrorMessage(`Grounded: cannot add to ${CONFIG_FILE_NAME}: ${errorMessage(error)}.`, OPEN_CONFIG);
    if (choice) await vscode.window.showTextDocument(document);
    return undefined;
  }
  const { text: after, added } = edit;
  if (added.length === 0) {
    void vscode.window.showInformationMessage(`Grounded: ${CONFIG_FILE_NAME} already lists ${describe(entries)}.`);
    return { target: 'config', uri: config.toString(), added: [] };
  }
  const wasDirty = document.isDirty;
  const replacement = new vscode.WorkspaceEdit();
  replacement.replace(config, new vscode.Range(document.positionAt(0), document.positionAt(before.length)), after);
  if (!(await vscode.workspace.applyEdit(replacement))) throw new Error(`the editor did not apply the change to ${CONFIG_FILE_NAME}`);
  // Unsaved changes of the writer's own are not saved behind their back: they save the file themselves.
  const saved = !wasDirty && (await document.save());
  const note = saved ? '' : ` Save ${CONFIG_FILE_NAME} for it to apply.`;
  void vscode.window.showInformationMessage(`Grounded: added ${describe(added)} to the sources of ${CONFIG_FILE_NAME}.${note}`, OPEN_CONFIG).then((choice) => {
    if (choice) void vscode.window.showTextDocument(document);
  });
  return { target: 'config', uri: config.toString(), added };
}

async function addToSettings(folder: vscode.WorkspaceFolder | undefined, folders: vscode.Uri[]): Promise<AddedSourceFolders> {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION, folder?.uri);
  const inspected = configuration.inspect<unknown>('sources.paths');
  // In a window opened on one folder (no .code-workspace file), that folder's settings are the workspace settings.
  const singleFolder = vscode.workspace.workspaceFile === undefined;
  const current = folder ? (inspected?.workspaceFolderValue ?? (singleFolder ? inspected?.workspaceValue : undefined)) : inspected?.globalValue;
  const existing = Array.isArray(current) ? current.filter((entry): entry is string => typeof entry === 'string') : [];
  const entries = folders.map((picked) => (folder ? sourcePathEntry(picked.fsPath, folder.uri.fsPath) : picked.fsPath));
  const merged = mergeSourcePaths(existing, entries);
  const added = merged.slice(existing.length);
  const where = folder ? `the settings of ${folder.name}` : 'your user settings';
  if (added.length === 0) {
    void vscode.window.showInformationMessage(`Grounded: ${where} already list ${describe(entries)}.`);
    return { target: 'settings', ...(folder ? { uri: folder.uri.toString() } : {}), added };
  }
  await configuration.update('sources.paths', merged, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`Grounded: added ${describe(added)} to the sources in ${where} ("grounded.sources.paths").`);
  return { target: 'settings', ...(folder ? { uri: folder.uri.toString() } : {}), added };
}

/** `"research"`, `"a" and "b"`, `3 folders`. */
function describe(entries: readonly string[]): string {
  if (entries.length === 1) return `"${entries[0]}"`;
  if (entries.length === 2) return `"${entries[0]}" and "${entries[1]}"`;
  return `${entries.length} folders`;
}
