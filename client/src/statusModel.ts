// What the status bar item says, as a pure state machine fed by `grounded/status` notifications, verify results and
// the language client's life cycle. statusBar.ts renders it; test/client checks it without VS Code.
import { ClientCommands, type CheckOn, type StatusParams, type VerdictCounts } from '../../server/src/protocol';
import { countsText, unlistedNote, verdictBreakdown } from './format';

export type StatusKind = 'starting' | 'checking' | 'counts' | 'unchecked' | 'not-a-draft' | 'error';

/** VS Code's command that opens the Problems panel. */
export const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

export interface StatusView {
  kind: StatusKind;
  text: string;
  tooltip: string;
  /** What a click runs (with the document's URI as argument). */
  command: typeof PROBLEMS_COMMAND | typeof ClientCommands.showOutput | typeof ClientCommands.checkAnyway;
  /** The language server is not running: the output, not Problems, says why. */
  serverDown?: boolean;
}

export const CHECKING_TEXT = '$(sync~spin) Grounded';
export const ERROR_TEXT = '$(error) Grounded';
export const UNCHECKED_TEXT = '$(quote) Grounded';
export const NOT_A_DRAFT_TEXT = '$(circle-slash) Grounded: not a draft';

const NOT_A_DRAFT_TOOLTIP = [
  'Grounded: this Markdown file is not a draft, so its claims are not checked.',
  'A file is a draft when a .grounded.yaml above it includes it (drafts.include), its front matter says "grounded: true",',
  'it cites a source of the library, or the "grounded.drafts.include" setting names it.',
  'Click to check it anyway (until it is closed).',
].join('\n');

/**
 * Document URIs are compared as given; callers normalise them (statusBar.ts parses and re-serialises each URI so the
 * server's spelling and VS Code's match).
 *
 * `error` notifications come in three kinds (server/src/lsp/status.ts):
 *  - without a URI: the source library has a problem (an unreadable folder); it stands until a `ready` or `starting`,
 *    or until the client fetches the library and finds no problems;
 *  - with a URI and counts: a document was checked while that library problem stands (the counts are kept);
 *  - with a URI and no counts: checking that document failed; it stands for that document until it is checked again.
 *
 * `not-a-draft` (with a URI) says the document is not checked as you type; it stands until the document is checked
 * (`checking`, or counts from a verify command: "Check This File Anyway"), closed, or a new server starts.
 */
export class StatusModel {
  private readonly counts = new Map<string, VerdictCounts>();
  /** Findings of a document not listed in Problems (over grounded.maxFindingsPerDocument), from its last counts. */
  private readonly unlisted = new Map<string, number>();
  private readonly checkingUris = new Set<string>();
  private readonly documentErrors = new Map<string, string>();
  private readonly notDrafts = new Set<string>();
  private checkingAll = false;
  private starting = true;
  /** The language client could not start, or stopped for good. */
  private clientError: string | undefined;
  /** The server reported a problem of the source library. */
  private serverError: string | undefined;

  /** Applies a `grounded/status` notification. */
  apply(params: StatusParams): void {
    const message = params.message?.trim() || 'The language server reported an error.';
    switch (params.state) {
      case 'starting':
        this.starting = true;
        this.serverError = undefined;
        // A new server decides again which documents are drafts.
        this.notDrafts.clear();
        break;
      case 'not-a-draft':
        this.starting = false;
        if (params.uri) {
          // Its earlier counts (from when it was a draft, or checked anyway) are no longer shown in Problems.
          this.forget(params.uri);
          this.notDrafts.add(params.uri);
        }
        break;
      case 'checking':
        this.starting = false;
        if (params.uri) {
          this.checkingUris.add(params.uri);
          this.notDrafts.delete(params.uri);
          this.documentErrors.delete(params.uri);
        } else {
          this.checkingAll = true;
        }
        break;
      case 'ready':
        this.starting = false;
        this.checkingAll = false;
        this.serverError = undefined;
        if (params.uri) {
          this.checkingUris.delete(params.uri);
          this.documentErrors.delete(params.uri);
          if (params.counts) {
            this.setUnlisted(params.uri, params.unlistedFindings);
            this.counts.set(params.uri, { ...params.counts });
            this.notDrafts.delete(params.uri);
          }
        } else {
          this.checkingUris.clear();
        }
        break;
      case 'error':
        this.starting = false;
        this.checkingAll = false;
        if (!params.uri) {
          this.serverError = message;
          break;
        }
        this.checkingUris.delete(params.uri);
        this.notDrafts.delete(params.uri);
        if (params.counts) {
          this.documentErrors.delete(params.uri);
          this.setUnlisted(params.uri, params.unlistedFindings);
          this.counts.set(params.uri, { ...params.counts });
          this.serverError = message;
        } else {
          this.documentErrors.set(params.uri, message);
        }
        break;
    }
  }

  /** Counts from a verify result. */
  setCounts(uri: string, counts: VerdictCounts): void {
    this.counts.set(uri, { ...counts });
    this.checkingUris.delete(uri);
    this.documentErrors.delete(uri);
    this.notDrafts.delete(uri);
  }

  /** Whether the server said the document is not a draft (and it was not checked since). */
  isNotADraft(uri: string): boolean {
    return this.notDrafts.has(uri);
  }

  countsFor(uri: string): VerdictCounts | undefined {
    return this.counts.get(uri);
  }

  private setUnlisted(uri: string, unlisted: number | undefined): void {
    if (unlisted) this.unlisted.set(uri, unlisted);
    else this.unlisted.delete(uri);
  }

  forget(uri: string): void {
    this.counts.delete(uri);
    this.unlisted.delete(uri);
    this.checkingUris.delete(uri);
    this.documentErrors.delete(uri);
    this.notDrafts.delete(uri);
  }

  clientStarting(): void {
    this.clientError = undefined;
    this.starting = true;
    this.notDrafts.clear();
  }

  clientRunning(): void {
    this.clientError = undefined;
    this.starting = false;
  }

  clientFailed(message: string): void {
    this.clientError = message.trim() || 'The language server stopped.';
    this.starting = false;
    this.checkingAll = false;
    this.checkingUris.clear();
  }

  /** The source library was read again: without problems, an error the server reported earlier is over. */
  sourcesLoaded(problems: number): void {
    if (problems === 0) this.serverError = undefined;
  }

  /** The view for the active document (undefined when the active editor is not a Markdown file). */
  view(uri: string, checkOn: CheckOn = 'type'): StatusView {
    const counts = this.counts.get(uri);
    const last = counts ? `\nLast check: ${verdictBreakdown(counts)}.` : '';
    if (this.clientError !== undefined) {
      return {
        kind: 'error',
        text: ERROR_TEXT,
        command: ClientCommands.showOutput,
        serverDown: true,
        tooltip: `Grounded: the language server is not running. ${this.clientError}\nRun "Grounded: Show Output" for details, "Grounded: Restart Server" to try again.`,
      };
    }
    const problem = this.serverError ?? this.documentErrors.get(uri);
    if (problem !== undefined) {
      return { kind: 'error', text: ERROR_TEXT, command: PROBLEMS_COMMAND, tooltip: `Grounded: ${problem}${last}\nClick to open Problems.` };
    }
    if (this.starting) {
      return { kind: 'starting', text: CHECKING_TEXT, command: PROBLEMS_COMMAND, tooltip: 'Grounded: starting the language server…' };
    }
    // Before the workspace-wide spinner: a check of the workspace does not check this file either.
    if (this.notDrafts.has(uri)) {
      return { kind: 'not-a-draft', text: NOT_A_DRAFT_TEXT, command: ClientCommands.checkAnyway, tooltip: NOT_A_DRAFT_TOOLTIP };
    }
    if (this.checkingAll || this.checkingUris.has(uri)) {
      return { kind: 'checking', text: CHECKING_TEXT, command: PROBLEMS_COMMAND, tooltip: `Grounded: checking claims…${last}` };
    }
    if (counts) {
      const unlisted = this.unlisted.get(uri);
      const note = unlisted ? `\n${unlistedNote(unlisted)}` : '';
      return { kind: 'counts', text: countsText(counts), command: PROBLEMS_COMMAND, tooltip: `Grounded: ${verdictBreakdown(counts)}.${note}\nClick to open Problems.` };
    }
    const hint =
      checkOn === 'manual'
        ? 'Claims are checked on demand: run "Grounded: Verify Claims in Current File".'
        : checkOn === 'save'
          ? 'Claims are checked when the file is saved.'
          : 'Claims are checked as you type.';
    return { kind: 'unchecked', text: UNCHECKED_TEXT, command: PROBLEMS_COMMAND, tooltip: `Grounded: not checked yet. ${hint}` };
  }
}
