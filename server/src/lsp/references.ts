// Find references of a source: every claim that cites it, by `[@id]`, a footnote whose definition names it, or a
// link to its URL — in the open documents (their current text) and in the drafts of the workspace folders that are
// not open (read from disk; claims are extracted, not verified, so this stays cheap). Asked on a citation key in a
// draft, or anywhere in a source file.

import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Location } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findDraftFiles } from '../files/findDraftFiles';
import { readTextFile } from '../files/readTextFile';
import { LineIndex } from '../markdown/positions';
import type { DraftExtraction } from '../markdown/incrementalExtract';
import type { Engine } from '../engine';
import type { CheckedDocument } from './checkedDocument';
import { citationKeyAt, keyRange } from './citationKeys';
import { cancelledError } from './scheduler';
import { realpathOrSelf } from '../sources/findSourceFiles';

// A workspace of more drafts than this is searched in its open documents only beyond the first ones.
const MAX_WORKSPACE_FILES = 2_000;

export interface ReferencesHost {
  documents: { all(): TextDocument[] };
  /** The engine a document is checked against. */
  engine(uri: string): Engine | undefined;
  /** An open document as its last check read it, so that only the blocks edited since are read again. */
  lastExtraction?(uri: string, engine: Engine): DraftExtraction | undefined;
  workspaceFolders(): string[];
}

/** The source a references request is about: the key under the cursor, or the source file the cursor is in. */
export function referencedSource(uri: string, checked: CheckedDocument | undefined, offset: number, engine: Engine | undefined): string | undefined {
  const key = checked ? citationKeyAt(checked, offset) : undefined;
  if (key) return key.citation.sourceId;
  if (!engine || !uri.startsWith('file:')) return undefined;
  const path = realpathOrSelf(fileURLToPath(uri));
  return engine.library.sources.find((source) => realpathOrSelf(source.path) === path)?.id;
}

export async function referencesOf(host: ReferencesHost, sourceId: string, token?: CancellationToken): Promise<Location[]> {
  const locations: Location[] = [];
  const seen = new Set<string>();
  const search = (uri: string, text: string, engine: Engine, previous?: DraftExtraction) => {
    seen.add(uri);
    const source = engine.source(sourceId);
    // A text that names the source nowhere (id, URL or title: what a citation resolves by) cites it nowhere.
    if (!source || ![source.id, source.url, source.title].some((name) => name && text.includes(name))) return;
    const lines = new LineIndex(text);
    for (const claim of engine.extract(text, previous).claims) {
      for (const citation of claim.citations) {
        if (citation.sourceId !== sourceId) continue;
        locations.push({ uri, range: citation.kind === 'link' ? citation.range : keyRange(text, lines, citation) });
      }
    }
  };
  for (const document of host.documents.all()) {
    const engine = host.engine(document.uri);
    if (engine) search(document.uri, document.getText(), engine, host.lastExtraction?.(document.uri, engine));
  }
  const sourcePaths = new Set<string>();
  for (const document of host.documents.all()) host.engine(document.uri)?.library.sources.forEach((source) => sourcePaths.add(realpathOrSelf(source.path)));
  const folders = host.workspaceFolders();
  let files = 0;
  for (const input of folders.length > 0 ? findDraftFiles(folders) : []) {
    if (!('file' in input) || files++ >= MAX_WORKSPACE_FILES) continue;
    const uri = pathToFileURL(input.file).href;
    if (seen.has(uri) || sourcePaths.has(realpathOrSelf(input.file))) continue;
    // Between files the server answers whatever arrived meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) throw cancelledError();
    const engine = host.engine(uri);
    const read = readTextFile(input.file);
    if (engine && !('error' in read)) search(uri, read.text, engine);
  }
  return locations;
}
