// `workspace/executeCommand`: the server commands of protocol.ts. Any editor can run them; VS Code's client binds them
// to its own commands.

import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type ExecuteCommandParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findDraftFiles } from '../files/findDraftFiles';
import { readTextFile } from '../files/readTextFile';
import { LineIndex } from '../markdown/positions';
import type { Position } from '../model';
import {
  ServerCommands,
  type CiteArguments,
  type DocumentSummary,
  type GroundedSettings,
  type RankedSource,
  type VerdictCounts,
  type WorkspaceSummary,
} from '../protocol';
import { buildCitationEdits } from './citations';
import { claimIndexAt, titleOf, type CheckedDocument } from './checkedDocument';
import { documentWorkspaceEdit, toTextEdits } from './edits';
import type { LoadedLibrary } from './library';
import { rankSources } from './rankSources';
import { checkSteps, runToEnd, type CheckScheduler } from './scheduler';
import { countVerdicts } from './status';

export interface CommandHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  scheduler: CheckScheduler;
  settings(): GroundedSettings;
  library(): LoadedLibrary | undefined;
  libraryReady: Promise<void>;
  workspaceFolders(): string[];
  /** Publishes the diagnostics of a check (of an open document or of a file on disk). */
  publish(document: CheckedDocument): void;
  /** Remembers a file verified from disk, so closing it in the editor keeps its diagnostics. */
  verifiedFromDisk(uri: string): void;
  supportsDocumentChanges: boolean;
}

export const COMMANDS: string[] = Object.values(ServerCommands);

export async function executeCommand(host: CommandHost, params: ExecuteCommandParams): Promise<unknown> {
  await host.libraryReady;
  const args = params.arguments ?? [];
  switch (params.command) {
    case ServerCommands.verifyDocument:
      return verifyDocument(host, stringArgument(args[0], 'a document URI'));
    case ServerCommands.verifyWorkspace:
      return verifyWorkspace(host);
    case ServerCommands.rankSources:
      return rankSourcesAt(host, stringArgument(args[0], 'a document URI'), positionArgument(args[1]));
    case ServerCommands.citeSource:
      return citeSource(host, citeArgument(args[0]));
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
  }
}

async function verifyDocument(host: CommandHost, uri: string): Promise<DocumentSummary> {
  const checked = host.documents.get(uri) ? await host.scheduler.checkNow(uri) : checkFileOnDisk(host, uri);
  if (!checked) throw new ResponseError(LSPErrorCodes.RequestFailed, `${uri} could not be checked.`);
  return summaryOf(checked);
}

async function verifyWorkspace(host: CommandHost): Promise<WorkspaceSummary> {
  const library = host.library()!;
  // Source articles are Markdown too; checking them against themselves would only add noise.
  const sourcePaths = new Set(library.library.sources.map((source) => realpathOrSelf(source.path)));
  const summary: WorkspaceSummary = { files: 0, claims: 0, counts: { supported: 0, unsupported: 0, contradicted: 0 }, problems: [] };
  const folders = host.workspaceFolders();
  if (folders.length === 0) return summary;

  for (const input of findDraftFiles(folders)) {
    if (!('file' in input) || sourcePaths.has(realpathOrSelf(input.file))) continue;
    const uri = pathToFileURL(input.file).href;
    // Between files the server answers whatever arrived meanwhile (edits, hovers).
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const checked = host.documents.get(uri) ? await host.scheduler.checkNow(uri) : checkFileOnDisk(host, uri);
      if (!checked) continue;
      summary.files++;
      summary.claims += checked.report.claims.length;
      addCounts(summary.counts, countVerdicts(checked.report.claims));
    } catch (error) {
      summary.problems.push({ uri, message: error instanceof ResponseError || error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}

/** Checks a file that is not open in the editor and publishes its diagnostics (without a version). */
function checkFileOnDisk(host: CommandHost, uri: string): CheckedDocument {
  const checked = checkSavedText(host, uri);
  host.publish(checked);
  host.verifiedFromDisk(uri);
  return checked;
}

/** The check of a file's saved text. */
function checkSavedText(host: CommandHost, uri: string): CheckedDocument {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open and is not a file.`);
  }
  const read = readTextFile(path);
  if ('error' in read) throw new ResponseError(LSPErrorCodes.RequestFailed, `${path}: ${read.error}`);
  return runToEnd(checkSteps(uri, undefined, read.text, host.library()!));
}

function rankSourcesAt(host: CommandHost, uri: string, position: Position): RankedSource[] {
  // Ranking is a question about one sentence: a file that is not open is read, not published.
  const checked = host.scheduler.forRequest(uri, { whateverCheckOn: true }) ?? checkSavedText(host, uri);
  const offset = new LineIndex(checked.text).offsetAt(position);
  const claim = checked.report.claims[claimIndexAt(checked, offset)];
  const sentence = claim?.text ?? checked.report.skipped.find((skipped) => contains(skipped.range, position))?.text;
  return sentence ? rankSources(checked.engine, sentence) : [];
}

async function citeSource(host: CommandHost, args: CiteArguments): Promise<boolean> {
  const document = host.documents.get(args.uri);
  // The citation was offered for this version; on another the sentence may have moved or changed.
  if (!document || document.version !== args.version) return false;
  const checked = host.scheduler.forRequest(args.uri, { whateverCheckOn: true });
  if (!checked) return false;
  if (!checked.engine.index.sources.has(args.sourceId)) throw new ResponseError(ErrorCodes.InvalidParams, `No source has the id "${args.sourceId}".`);
  const claim = checked.report.claims[claimIndexAt(checked, new LineIndex(checked.text).offsetAt(args.position))];
  if (!claim) return false;
  const edits = buildCitationEdits(checked.text, [{ claim, sourceId: args.sourceId }], checked.engine, host.settings().citationStyle);
  if (edits.length === 0) return false;
  const edit = documentWorkspaceEdit(args.uri, args.version, toTextEdits(checked.text, edits), host.supportsDocumentChanges);
  const result = await host.connection.workspace.applyEdit({ label: `Cite "${titleOf(checked.engine, args.sourceId)}"`, edit });
  return result.applied;
}

function summaryOf(checked: CheckedDocument): DocumentSummary {
  return { uri: checked.uri, claims: checked.report.claims.length, counts: countVerdicts(checked.report.claims), skipped: checked.report.skipped.length };
}

function addCounts(total: VerdictCounts, more: VerdictCounts): void {
  total.supported += more.supported;
  total.unsupported += more.unsupported;
  total.contradicted += more.contradicted;
}

function contains(range: { start: Position; end: Position }, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

function stringArgument(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new ResponseError(ErrorCodes.InvalidParams, `Expected ${what}.`);
  return value;
}

function positionArgument(value: unknown): Position {
  const position = value as Position | undefined;
  if (typeof position?.line !== 'number' || typeof position.character !== 'number') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected a position { line, character }.');
  }
  return { line: position.line, character: position.character };
}

function citeArgument(value: unknown): CiteArguments {
  const args = value as Partial<CiteArguments> | undefined;
  if (typeof args?.uri !== 'string' || typeof args.version !== 'number' || typeof args.sourceId !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { uri, version, position, sourceId }.');
  }
  return { uri: args.uri, version: args.version, position: positionArgument(args.position), sourceId: args.sourceId };
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
