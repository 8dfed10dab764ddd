// The `grounded/status` notification: what the server is doing, for the client's status bar. A library error stays
// visible: after a check the status is `error` (with the counts) rather than `ready` while a source folder is missing.

import type { Connection } from 'vscode-languageserver/node';
import { CODE_BIT, type CheckedDraft } from '../findings/checkedDraft';
import type { CheckedClaim } from '../model';
import { StatusNotification, type StatusParams, type VerdictCounts } from '../protocol';
import { sendNotification } from './customMessages';

export function countVerdicts(claims: readonly CheckedClaim[]): VerdictCounts {
  const counts: VerdictCounts = { supported: 0, unsupported: 0, contradicted: 0 };
  for (const claim of claims) counts[claim.verdict]++;
  return counts;
}

/** `countVerdicts` of a checked document, from its claims' finding bits where it kept them (no claim read). */
export function verdictCountsOf(document: CheckedDraft): VerdictCounts {
  const bits = document.codeBits;
  if (!bits) return countVerdicts(document.report.claims);
  const counts: VerdictCounts = { supported: 0, unsupported: 0, contradicted: 0 };
  for (let index = 0; index < bits.length; index++) {
    // A claim's contradicted or unsupported finding is its verdict's (findingCodeBits).
    const b = bits[index]!;
    if (b & CODE_BIT.contradicted) counts.contradicted++;
    else if (b & CODE_BIT.unsupported) counts.unsupported++;
    else counts.supported++;
  }
  return counts;
}

export class StatusReporter {
  private libraryError: string | undefined;
  /** The archive (PostgreSQL) could not be asked: checks use the local sources alone until it answers again. */
  private archiveError: string | undefined;

  constructor(private readonly connection: Connection) {}

  starting(): void {
    this.send({ state: 'starting' });
  }

  /** The library (re)loaded; `error` is set when a configured source folder is unreadable or loading failed. */
  libraryLoaded(error: string | undefined): void {
    this.libraryError = error;
    this.send(error ? { state: 'error', message: error } : { state: 'ready' });
  }

  /** The document is not a draft: it is not checked as you type (the client offers "Check this file anyway"). */
  notADraft(uri: string): void {
    this.send({ state: 'not-a-draft', uri });
  }

  checking(uri: string): void {
    this.send({ state: 'checking', uri });
  }

  /** `unlisted`: findings of the document not published (over `grounded.maxFindingsPerDocument`). */
  checked(uri: string, counts: VerdictCounts, unlisted = 0): void {
    const problem = this.problem();
    const shown = unlisted > 0 ? { counts, unlistedFindings: unlisted } : { counts };
    this.send(problem ? { state: 'error', uri, ...shown, message: problem } : { state: 'ready', uri, ...shown });
  }

  /**
   * A check fell back to the local sources: the counts that follow carry this message (the error state, counts kept)
   * until the archive answers again. True the first time, so the output names it once.
   */
  archiveUnreachable(reason: string): boolean {
    const first = this.archiveError === undefined;
    this.archiveError = `The archive could not be reached, so this draft was checked against the local sources only: ${reason}`;
    return first;
  }

  archiveReachable(): void {
    this.archiveError = undefined;
  }

  private problem(): string | undefined {
    return this.libraryError && this.archiveError ? `${this.libraryError}; ${this.archiveError}` : (this.libraryError ?? this.archiveError);
  }

  /**
   * A check was dropped (the document changed, closed, or the check was cancelled) and none follows it: the spinner
   * stops, on the counts of the last finished check when there is one.
   */
  abandoned(uri: string, counts: VerdictCounts | undefined, unlisted = 0): void {
    if (counts) {
      this.checked(uri, counts, unlisted);
      return;
    }
    this.send({ state: 'ready', uri });
    // `ready` clears a library error the client shows; it still stands.
    const problem = this.problem();
    if (problem) this.send({ state: 'error', message: problem });
  }

  failed(message: string, uri?: string): void {
    this.send({ state: 'error', message, ...(uri ? { uri } : {}) });
  }

  private send(params: StatusParams): void {
    void sendNotification(this.connection, StatusNotification, params);
  }
}
