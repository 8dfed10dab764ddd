// `workspace/executeCommand`: the server commands of protocol.ts. Any editor can run them; VS Code's client binds them
// to its own commands.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type ExecuteCommandParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findDraftFiles } from '../files/findDraftFiles';
import { readTextFile } from '../files/readTextFile';
import { realpathOrSelf } from '../sources/findSourceFiles';
import { LineIndex } from '../markdown/positions';
import type { ClaimSentence, Position, SkipReason, SkippedSentence } from '../model';
import {
  ServerCommands,
  type CiteArguments,
  type CiteOutcome,
  type CiteResult,
  type DocumentSummary,
  type ServerCommand,
  type ServerCommandSignatures,
  type RankSourcesResult,
  type VerdictCounts,
  type WorkspaceSummary,
} from '../protocol';
import { buildCitationEdits } from '../findings/citations';
import { citedSources, claimIndexesAmong, titleOf } from '../findings/checkedDraft';
import type { CheckedDocument } from './checkedDocument';
import { documentWorkspaceEdit, toTextEdits } from './edits';
import type { DocumentPolicies } from './documentPolicies';
import { isInside, type LoadedLibrary } from './library';
import { cancelledError, checkSteps, runInSlices, type CheckScheduler } from './scheduler';
import { countVerdicts } from './status';
import { engineForDraft, engineForSentence } from './archive';

export interface CommandHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  scheduler: CheckScheduler;
  /** What applies to a document: its project config and settings, and whether it is a draft. */
  policies: DocumentPolicies;
  /** The library a document is checked against. */
  library(uri: string): LoadedLibrary | undefined;
  /** Every library loaded now (the sources they hold are never checked as drafts). */
  libraries(): LoadedLibrary[];
  libraryReady: Promise<void>;
  workspaceFolders(): string[];
  /** Publishes the diagnostics of a check (of an open document or of a file on disk). */
  publish(document: CheckedDocument): void;
  /** Remembers a file verified from disk, so closing it in the editor keeps its diagnostics. */
  verifiedFromDisk(uri: string): void;
  supportsDocumentChanges: boolean;
}

export const COMMANDS: string[] = Object.values(ServerCommands);

/**
 * Each server command: its arguments read from the untrusted JSON array (a malformed one is an InvalidParams error),
 * its answer of the type protocol.ts declares for it.
 */
type Handlers = {
  [C in ServerCommand]: (host: CommandHost, args: readonly unknown[], token?: CancellationToken) => Promise<ServerCommandSignatures[C]['result']>;
};

const HANDLERS: Handlers = {
  [ServerCommands.verifyDocument]: (host, args, token) => verifyDocument(host, stringArgument(args[0], 'a document URI'), token),
  [ServerCommands.verifyWorkspace]: (host, _args, token) => verifyWorkspace(host, token),
  [ServerCommands.rankSources]: async (host, args, token) => {
    const ranked = await rankSourcesAt(host, stringArgument(args[0], 'a document URI'), positionArgument(args[1]), token);
    return detailedOption(args[2]) ? ranked : ranked.sources;
  },
  [ServerCommands.citeSource]: async (host, args, token) => {
    const cite = citeArgument(args[0]);
    const result = await citeSource(host, cite, token);
    return cite.detailed ? result : result.applied;
  },
};

export async function executeCommand(host: CommandHost, params: ExecuteCommandParams, token?: CancellationToken): Promise<unknown> {
  await host.libraryReady;
  if (!isServerCommand(params.command)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
  return HANDLERS[params.command](host, params.arguments ?? [], token);
}

function isServerCommand(command: string): command is ServerCommand {
  return Object.hasOwn(HANDLERS, command);
}

/** `{ detailed: true }` as the options argument of rankSources. */
function detailedOption(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'detailed' in value && value.detailed === true;
}

async function verifyDocument(host: CommandHost, uri: string, token: CancellationToken | undefined): Promise<DocumentSummary> {
  // Asked for by name: checked whether or not it is a draft, and as you type from now on if it is open.
  if (host.documents.get(uri)) host.policies.force(uri);
  const checked = host.documents.get(uri) ? await host.scheduler.checkNow(uri, token) : await checkFileOnDisk(host, uri, token);
  if (!checked) throw new ResponseError(LSPErrorCodes.RequestFailed, `${uri} could not be checked.`);
  return summaryOf(checked);
}

/** Checks every draft of the workspace folders (files that are not drafts are passed over, as in the editor). */
async function verifyWorkspace(host: CommandHost, token: CancellationToken | undefined): Promise<WorkspaceSummary> {
  // Source articles are Markdown too; checking them against themselves would only add noise.
  const sourcePaths = new Set(host.libraries().flatMap((loaded) => loaded.library.sources.map((source) => realpathOrSelf(source.path))));
  const summary: WorkspaceSummary = { files: 0, claims: 0, counts: { supported: 0, unsupported: 0, contradicted: 0 }, problems: [] };
  const folders = host.workspaceFolders();
  if (folders.length === 0) return summary;

  for (const input of findDraftFiles(folders)) {
    if (!('file' in input) || sourcePaths.has(realpathOrSelf(input.file))) continue;
    // A folder link may lead out of the workspace: what lands outside is not the workspace's to check.
    if (!folders.some((folder) => isInside(input.file, folder))) continue;
    const uri = pathToFileURL(input.file).href;
    // Between files the server answers whatever arrived meanwhile (edits, hovers, a cancellation).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) throw cancelledError();
    try {
      const checked = host.documents.get(uri) ? await host.scheduler.checkNow(uri, token) : await checkFileOnDisk(host, uri, token, 'drafts only');
      if (!checked || !checked.draft) continue;
      summary.files++;
      summary.claims += checked.report.claims.length;
      addCounts(summary.counts, countVerdicts(checked.report.claims));
    } catch (error) {
      if (token?.isCancellationRequested) throw cancelledError();
      summary.problems.push({ uri, message: error instanceof ResponseError || error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}

/**
 * Checks a file that is not open in the editor and publishes its diagnostics (without a version). With `drafts only`
 * a file that is not a draft is passed over: nothing is published for it.
 */
async function checkFileOnDisk(host: CommandHost, uri: string, token: CancellationToken | undefined, scope?: 'drafts only'): Promise<CheckedDocument> {
  const checked = await checkSavedText(host, uri, token, scope);
  if (!checked.draft) return checked;
  host.publish(checked);
  host.verifiedFromDisk(uri);
  return checked;
}

/** The check of a file's saved text, in slices like any check; a cancellation stops it and throws. */
async function checkSavedText(host: CommandHost, uri: string, token: CancellationToken | undefined, scope?: 'drafts only'): Promise<CheckedDocument> {
  const text = savedText(uri);
  const gate = scope === 'drafts only' ? host.policies.draftGate(uri, text) : 'draft';
  const library = host.library(uri)!;
  // With an archive: one round trip for the file's claims (the local sources alone when it cannot be asked).
  const prepared = gate === 'not-a-draft' || gate === 'too-large' ? library : { ...library, engine: (await engineForDraft(library.engine, text)).engine };
  if (token?.isCancellationRequested) throw cancelledError();
  const checked = await runInSlices(checkSteps(uri, undefined, text, prepared, gate), () => token?.isCancellationRequested === true);
  if (!checked) throw cancelledError();
  return checked;
}

function savedText(uri: string): string {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open and is not a file.`);
  }
  const read = readTextFile(path);
  if ('error' in read) throw new ResponseError(LSPErrorCodes.RequestFailed, `${path}: ${read.error}`);
  return read.text;
}

/** The sentence at a position of a document (open, or read from disk), with what citeSource needs. */
interface SentenceAt {
  text: string;
  /** The document version, undefined for a file read from disk. */
  version: number | undefined;
  claim?: Pick<ClaimSentence, 'text' | 'startOffset' | 'endOffset' | 'citations'>;
  skipped?: SkippedSentence;
}

/**
 * The claim (or the skipped sentence) at a position. From the check of the current version when there is one; else
 * the current text is read into claims (one parse, no verdicts: these commands need the sentence, not its check).
 */
async function sentenceAt(host: CommandHost, uri: string, position: Position, token: CancellationToken | undefined): Promise<SentenceAt> {
  const document = host.documents.get(uri);
  const engine = host.library(uri)!.engine;
  const fresh = document ? host.scheduler.fresh(uri) : undefined;
  const text = fresh?.text ?? document?.getText() ?? savedText(uri);
  const version = fresh?.version ?? document?.version;
  const lines = new LineIndex(text);
  const claims = fresh?.report.claims ?? undefined;
  const skippedSentences = fresh?.report.skipped;
  let extracted: { claims: ClaimSentence[]; skipped: SkippedSentence[] } | undefined;
  if (!claims) {
    // Let whatever is waiting go first: the parse is one step.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) throw cancelledError();
    extracted = engine.extract(text, document ? host.scheduler.lastExtraction(uri, engine) : undefined);
  }
  const offset = lines.offsetAt(position);
  const all = claims ?? extracted!.claims;
  const claim = all[claimIndexesAmong(all, offset, offset)[0] ?? -1];
  const skipped = claim ? undefined : (skippedSentences ?? extracted!.skipped).find((sentence) => contains(sentence.range, position));
  return { text, version, ...(claim ? { claim } : {}), ...(skipped ? { skipped } : {}) };
}

async function rankSourcesAt(host: CommandHost, uri: string, position: Position, token: CancellationToken | undefined): Promise<RankSourcesResult> {
  // Ranking is a question about one sentence: a file that is not open is read, not published.
  const { claim, skipped } = await sentenceAt(host, uri, position, token);
  if (!claim) return skipped ? { sentence: 'skipped', skipReason: skipped.reason, sources: [] } : { sentence: 'none', sources: [] };
  const { engine } = await engineForSentence(host.library(uri)!.engine, claim.text);
  if (token?.isCancellationRequested) throw cancelledError();
  return { sentence: 'claim', sources: engine.rankSources(claim.text, citedSources(claim)) };
}

async function citeSource(host: CommandHost, args: CiteArguments, token: CancellationToken | undefined): Promise<CiteResult> {
  const document = host.documents.get(args.uri);
  if (!document) return refusal('not-open');
  // The citation was offered for this version; on another the sentence may have moved or changed.
  if (document.version !== args.version) return refusal('stale-version');
  const engine = host.library(args.uri)!.engine;
  if (!engine.source(args.sourceId)) throw new ResponseError(ErrorCodes.InvalidParams, `No source has the id "${args.sourceId}".`);
  const found = await sentenceAt(host, args.uri, args.position, token);
  if (found.version !== args.version) return refusal('stale-version');
  if (!found.claim) return found.skipped ? refusal('not-a-claim', found.skipped.reason) : refusal('no-sentence');
  if (citedSources(found.claim).has(args.sourceId)) return refusal('already-cited');
  const edits = buildCitationEdits(found.text, [{ claim: found.claim, sourceId: args.sourceId }], engine, host.policies.forDocument(args.uri));
  if (edits.length === 0) return refusal('already-cited');
  const edit = documentWorkspaceEdit(args.uri, args.version, toTextEdits(found.text, edits), host.supportsDocumentChanges);
  const result = await host.connection.workspace.applyEdit({ label: `Cite "${titleOf(engine, args.sourceId)}"`, edit });
  return result.applied ? { applied: true, outcome: 'applied', message: 'The citation was inserted.' } : refusal('rejected');
}

const SKIP_REASON_WORDS: Record<SkipReason, string> = {
  question: 'a question',
  opinion: 'an opinion',
  prediction: 'a prediction',
  framing: "the writer's own framing",
  'no-content': 'a sentence that states no checkable fact',
};

const REFUSALS: Record<Exclude<CiteOutcome, 'applied' | 'not-a-claim'>, string> = {
  'stale-version': 'The draft changed since the citation was offered.',
  'not-open': 'The draft is not open.',
  'no-sentence': 'There is no sentence at that position.',
  'already-cited': 'The sentence already cites this source.',
  rejected: 'The editor did not apply the citation.',
};

function refusal(outcome: Exclude<CiteOutcome, 'applied'>, skipReason?: SkipReason): CiteResult {
  if (outcome === 'not-a-claim') {
    const what = skipReason ? SKIP_REASON_WORDS[skipReason] : 'not a claim';
    return { applied: false, outcome, ...(skipReason ? { skipReason } : {}), message: `The sentence is ${what}, not a claim: there is nothing to cite.` };
  }
  return { applied: false, outcome, message: REFUSALS[outcome] };
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
  return {
    uri: args.uri,
    version: args.version,
    position: positionArgument(args.position),
    sourceId: args.sourceId,
    ...(args.detailed === true ? { detailed: true } : {}),
  };
}
