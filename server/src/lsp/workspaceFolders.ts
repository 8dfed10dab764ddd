// The workspace folders the client names: their URIs (settings are per folder) and paths (relative source paths,
// draft globs and workspace trust start at them).

import { isWithin } from '../files/paths';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';

export interface WorkspaceFolderInfo {
  uri: string;
  /** Undefined for a folder that is not on the file system. */
  path: string | undefined;
}

export class WorkspaceFolders {
  private folders: WorkspaceFolderInfo[] = [];

  initialize(params: InitializeParams): void {
    if (params.workspaceFolders && params.workspaceFolders.length > 0) this.folders = params.workspaceFolders.map((folder) => folderInfo(folder.uri));
    else if (params.rootUri) this.folders = [folderInfo(params.rootUri)];
    else this.folders = params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, path: params.rootPath }] : [];
  }

  change(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => folder.uri));
    this.folders = [...this.folders.filter((folder) => !removed.has(folder.uri)), ...event.added.map((folder) => folderInfo(folder.uri))];
  }

  get all(): readonly WorkspaceFolderInfo[] {
    return this.folders;
  }

  uris(): string[] {
    return this.folders.map((folder) => folder.uri);
  }

  paths(): string[] {
    return this.folders.flatMap((folder) => folder.path ?? []);
  }

  /** The innermost workspace folder holding a file, if any. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.paths()) {
      if (isWithin(path, folder) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }
}

function folderInfo(uri: string): WorkspaceFolderInfo {
  return { uri, path: filePath(uri) };
}

/** The file path of a `file:` URI; undefined for other schemes (virtual workspaces have no folders to read). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
