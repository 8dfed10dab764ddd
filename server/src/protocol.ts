// Every custom request, notification and command between the Grounded client and server, declared once, typed.
// Both sides import this module; besides types it imports only the findings' code constants, so the client bundle stays small.
import { DEFAULT_SEVERITY, type CitationStyle, type FindingCode, type SeveritySetting } from './findings/codes';
import type { BibliographyFormat } from './bibliography/formats';
import type { Position, RankedSource, SkipReason } from './model';

export type { RankedSource } from './model';

/** Diagnostic codes are the findings' codes (also the README anchors their `codeDescription` links point to). */
export {
  FINDING_CODES as DIAGNOSTIC_CODES,
  SEVERITY_SETTINGS,
  CITATION_STYLES,
  type FindingCode as DiagnosticCode,
  type SeveritySetting,
  type CitationStyle,
} from './findings/codes';

export { BIBLIOGRAPHY_FORMATS, BIBLIOGRAPHY_EXTENSIONS, type BibliographyFormat } from './bibliography/formats';

export const DIAGNOSTIC_SOURCE = 'grounded';

export const CHECK_ON_SETTINGS = ['type', 'save', 'manual'] as const;
export type CheckOn = (typeof CHECK_ON_SETTINGS)[number];

/** The `grounded` section of the settings, as the server reads it (workspace/configuration). */
export interface GroundedSettings {
  sources: { paths: string[]; includeBundled: boolean };
  /** Which Markdown files of a workspace folder are drafts when no `.grounded.yaml` says so (globs from the folder). */
  drafts: { include: string[]; exclude: string[] };
  checkOn: CheckOn;
  debounceMs: number;
  /** Larger documents (in UTF-8 bytes) are not checked; the writer is told so. */
  maxFileSize: number;
  /**
   * A document with more findings publishes only this many, those nearest where the writer works (findingWindow.ts):
   * tens of thousands of diagnostics would stall the server and the editor at every keystroke.
   */
  maxFindingsPerDocument: number;
  citationStyle: CitationStyle;
  severity: Record<FindingCode, SeveritySetting>;
}

export const DEFAULT_SETTINGS: GroundedSettings = {
  sources: { paths: [], includeBundled: true },
  drafts: { include: [], exclude: [] },
  checkOn: 'type',
  debounceMs: 300,
  maxFileSize: 5_000_000,
  maxFindingsPerDocument: 1_000,
  citationStyle: 'footnote',
  severity: { ...DEFAULT_SEVERITY },
};

/** Initialization options the VS Code client sends (other editors may omit them). */
export interface GroundedInitializationOptions {
  /** In an untrusted workspace only the bundled sources and source folders inside the workspace are read. */
  workspaceTrusted?: boolean;
  /**
   * A folder the server may keep its index cache in (VS Code: the extension's global storage). Without one, every
   * start reads and analyses the whole source library.
   */
  cacheDirectory?: string;
}

// ---- Server commands (workspace/executeCommand) ----------------------------------------------------

export const ServerCommands = {
  /**
   * Verify one document now, whatever `checkOn` says and whether or not it is a draft (from then on it is checked as
   * a draft until it is closed: "Check this file anyway"). Args: [uri]. Result: DocumentSummary.
   */
  verifyDocument: 'grounded.server.verifyDocument',
  /** Verify every Markdown file of the workspace folders; diagnostics are published. Result: WorkspaceSummary. */
  verifyWorkspace: 'grounded.server.verifyWorkspace',
  /**
   * Sources ranked for the sentence at a position. Args: [uri, Position, RankSourcesOptions?]. Result: RankedSource[]
   * (empty for a sentence that is not a claim), or RankSourcesResult with `{ detailed: true }`.
   */
  rankSources: 'grounded.server.rankSources',
  /**
   * Insert a citation of a source after the sentence at a position. Args: [CiteArguments]. Result: boolean (applied),
   * or CiteResult (why not) when the arguments say `detailed: true`.
   */
  citeSource: 'grounded.server.citeSource',
} as const;

/** Each server command's arguments and result: the client sends and the server answers through these types. */
export interface ServerCommandSignatures {
  [ServerCommands.verifyDocument]: { args: [uri: string]; result: DocumentSummary };
  [ServerCommands.verifyWorkspace]: { args: []; result: WorkspaceSummary };
  [ServerCommands.rankSources]: {
    args: [uri: string, position: Position] | [uri: string, position: Position, options: RankSourcesOptions];
    result: RankedSource[] | RankSourcesResult;
  };
  [ServerCommands.citeSource]: { args: [CiteArguments]; result: boolean | CiteResult };
}
export type ServerCommand = keyof ServerCommandSignatures;

export interface VerdictCounts {
  supported: number;
  unsupported: number;
  contradicted: number;
}

export interface DocumentSummary {
  uri: string;
  claims: number;
  counts: VerdictCounts;
  skipped: number;
}

export interface WorkspaceSummary {
  files: number;
  claims: number;
  counts: VerdictCounts;
  /** Files that could not be read, with the reason. */
  problems: { uri: string; message: string }[];
}


/** Third argument of rankSources. */
export interface RankSourcesOptions {
  /** Answer with a RankSourcesResult (what the sentence is) instead of the bare list. */
  detailed?: boolean;
}

export interface RankSourcesResult {
  /** What is at the position: a claim, a sentence skipped as stating no checkable fact, or no sentence at all. */
  sentence: 'claim' | 'skipped' | 'none';
  /** Why the sentence is not a claim (with `skipped`). */
  skipReason?: SkipReason;
  /** Empty unless `sentence` is `claim`. */
  sources: RankedSource[];
}

export interface CiteArguments {
  uri: string;
  /** The document version the citation was offered for; a stale version is refused. */
  version: number;
  position: Position;
  sourceId: string;
  /** Answer with a CiteResult (saying why nothing was inserted) instead of a boolean. */
  detailed?: boolean;
}

/** What citeSource did: `applied`, or why it inserted nothing. */
export type CiteOutcome =
  | 'applied'
  /** The document is at another version than the one the citation was offered for. */
  | 'stale-version'
  /** The document is not open. */
  | 'not-open'
  /** No sentence at the position. */
  | 'no-sentence'
  /** The sentence states no checkable fact (a question, an opinion…): there is nothing to cite. */
  | 'not-a-claim'
  /** The sentence already cites the source. */
  | 'already-cited'
  /** The editor did not apply the edit. */
  | 'rejected';

export interface CiteResult {
  applied: boolean;
  outcome: CiteOutcome;
  /** With `not-a-claim`. */
  skipReason?: SkipReason;
  /** One sentence for the writer. */
  message: string;
}

// ---- Custom requests and notifications -------------------------------------------------------------

/**
 * A custom request or notification, declared once with its types: `types` is never set, it only carries the
 * parameter and result types to the typed send and handle functions of both sides (lsp/customMessages.ts on the
 * server, the client's LanguageServer), so neither side casts.
 */
export interface RequestDeclaration<Params, Result> {
  readonly method: string;
  readonly types?: { params: Params; result: Result };
}
export interface NotificationDeclaration<Params> {
  readonly method: string;
  readonly types?: { params: Params };
}

/** Client → server request: the source library. */
export const SourcesRequest: RequestDeclaration<void, SourcesResult> = { method: 'grounded/sources' };
export interface SourceInfo {
  id: string;
  title: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  /** file:// URI of the source file. */
  uri: string;
  passages: number;
  bundled: boolean;
}
export interface SourcesResult {
  sources: SourceInfo[];
  problems: { path: string; message: string }[];
  /** Bibliography entries no source file has the text of: listed as "no text", never evidence. */
  withoutText: EntryWithoutTextInfo[];
}
export interface EntryWithoutTextInfo {
  /** The entry's id or citation key. */
  id: string;
  title?: string;
  /** file:// URI of the bibliography file holding it. */
  uri: string;
}

/**
 * Client → server request: the source library's metadata as a bibliography file (CSL-JSON or BibTeX), keyed by the
 * source ids drafts cite. With `uri`, the library that document is checked against; without, every source of every
 * library loaded (once each, by id).
 */
export const BibliographyRequest: RequestDeclaration<BibliographyParams, BibliographyResult> = { method: 'grounded/bibliography' };
export interface BibliographyParams {
  format: BibliographyFormat;
  uri?: string;
}
export interface BibliographyResult {
  /** The file's text. */
  text: string;
  /** How many sources it lists. */
  count: number;
}

/** Server → client notification: what the server is doing, for the status bar. */
export const StatusNotification: NotificationDeclaration<StatusParams> = { method: 'grounded/status' };
export interface StatusParams {
  /** `not-a-draft`: the document (`uri`) is not checked as you type; see DraftScope. */
  state: 'starting' | 'ready' | 'checking' | 'error' | 'not-a-draft';
  /** The document the counts are for, when ready; the document that is not a draft. */
  uri?: string;
  counts?: VerdictCounts;
  /** With counts: how many of the document's findings are not published (over `maxFindingsPerDocument`). */
  unlistedFindings?: number;
  message?: string;
}

/** Server → client notification: the source library changed (settings, files on disk). */
export const SourcesChangedNotification: NotificationDeclaration<void> = { method: 'grounded/sourcesChanged' };

// ---- Client commands (VS Code command ids, declared in package.json) --------------------------------

export const ClientCommands = {
  verifyFile: 'grounded.verifyFile',
  verifyWorkspace: 'grounded.verifyWorkspace',
  insertCitation: 'grounded.insertCitation',
  openSource: 'grounded.openSource',
  showOutput: 'grounded.showOutput',
  restartServer: 'grounded.restartServer',
  /** Checks the active Markdown file although it is not a draft (then as you type, until it is closed). */
  checkAnyway: 'grounded.checkAnyway',
  /** Writes the starter `.grounded.yaml` into a workspace folder (opens it if there is one already). */
  createConfig: 'grounded.createConfig',
  /** Adds a source folder to the project config (or the folder's settings when there is no config). */
  addSourceFolder: 'grounded.addSourceFolder',
  /** Asks a format and a file, and writes the source library's bibliography there (the BibliographyRequest). */
  exportBibliography: 'grounded.exportBibliography',
} as const;

/** Arguments of `grounded.openSource` when a hover link or the Sources view calls it. */
export interface OpenSourceArguments {
  sourceId: string;
  /** 1-based line. */
  line?: number;
}

