// When documents are checked, and checking without ever making the editor wait.
//
// A check runs off the request path in time slices (setImmediate between slices, about 12 ms each), so edits and
// requests keep being served while it runs. The draft is parsed once (`engine.extract`, the one step that grows with
// the document), then its claims are checked one at a time (`engine.checkSentence`, then the sources backing each);
// every slice boundary asks whether the check is still wanted (same document version, same library, no newer check
// of the document started, not cancelled) and drops it if not. An edit restarts the debounce timer, so a burst of
// typing gives one check, of the last version. Only new sentences cost anything: the engine remembers verdicts by
// sentence text.
//
// Hover and code actions never run a check themselves. They use the check of the current version when there is one;
// else the last check, carried over to the current text for the claims whose text is unchanged (the edit was
// elsewhere); else, for a claim that changed, they wait (a bounded time) for the check that is due anyway.

import { fileURLToPath } from 'node:url';
import { LSPErrorCodes, ResponseError, type CancellationToken, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkOrName, type Engine } from '../engine';
import type { CheckedClaim, Range, SkippedSentence, UncheckedSentence } from '../model';
import type { GroundedSettings } from '../protocol';
import { backingSourcesOf, claimIndexesAmong, findingCodeBits, linesOf } from '../findings/checkedDraft';
import type { DraftExtraction } from '../markdown/incrementalExtract';
import type { CheckedDocument } from './checkedDocument';
import { citesLibrary, type DraftGate } from './documentPolicies';
import type { LoadedLibrary } from './library';

// Long enough to get real work done per slice, short enough that an edit waits no longer than a keystroke's worth.
const SLICE_MS = 12;
/** How long a hover or code action on an edited claim waits for the check that is due, before answering without it. */
export const REQUEST_WAIT_MS = 2_000;
/** Claims whose check carries over to the new version, per step of a check. */
const CARRIED_PER_STEP = 2_000;

export interface SchedulerHost {
  documents: TextDocuments<TextDocument>;
  /** The settings that apply to a document (those of its workspace folder). */
  settings(uri: string): GroundedSettings;
  /** The library a document is checked against, or undefined before the first load finished. */
  library(uri: string): LoadedLibrary | undefined;
  /** Whether a document is a draft, as far as its text tells before its citations are read. */
  draftGate(uri: string, text: string): DraftGate;
  /** Resolves once the first library load has finished. */
  libraryReady: Promise<void>;
  /**
   * The library as it checks this text: with an archive, an engine holding the draft's candidates (one round trip),
   * or the local sources alone when the archive cannot be asked. Without an archive, the library itself.
   */
  prepare(loaded: LoadedLibrary, uri: string, text: string): Promise<LoadedLibrary>;
  checkStarted(uri: string): void;
  /** A check finished for the current version: publish it. */
  checked(document: CheckedDocument): void;
  checkFailed(uri: string, error: unknown): void;
  /** A started check was dropped and no other is due for the document: it is no longer being checked. */
  checkAbandoned(uri: string, last: CheckedDocument | undefined): void;
}

export type CheckSteps = Generator<undefined, CheckedDocument, undefined>;

/**
 * The check of one text as steps: one parse, then one claim at a time; the caller decides whether to pause between
 * them. A document that is not a draft is not checked (`gate`); one that may be, if it cites a source of the library,
 * is parsed to find out.
 */
export function* checkSteps(
  uri: string,
  version: number | undefined,
  text: string,
  loaded: LoadedLibrary,
  gate: DraftGate = 'draft',
  /** The document's last check: only the blocks edited since are parsed again, and only their claims checked. */
  previous?: DocumentReading,
  /** `ready`: this text as a request already read it from `previous`; `extracted` is told the text's extraction. */
  reads: { ready?: DraftExtraction; extracted?: (extraction: DraftExtraction) => void } = {},
): CheckSteps {
  const { engine } = loaded;
  const notADraft = (): CheckedDocument => ({
    uri, version, text, report: { path: reportPath(uri), claims: [], skipped: [] }, engine, libraryVersion: loaded.version, backing: [], draft: false,
  });
  if (gate === 'not-a-draft') return notADraft();
  if (gate === 'too-large') return { ...notADraft(), tooLarge: Buffer.byteLength(text, 'utf8') };
  // The one step that grows with the document: remark parses it, or only the blocks edited since the last check.
  const sameEngine = previous?.engine === engine;
  const base = sameEngine ? previous?.extraction : undefined;
  const { ready } = reads;
  const extracted = base && ready?.text === text && readFrom(ready, base) ? ready : yield* engine.extractSteps(text, base);
  reads.extracted?.(extracted);
  if (gate === 'if-it-cites' && !citesLibrary(extracted.claims)) return notADraft();
  const claims: CheckedClaim[] = [];
  const backing: string[][] = [];
  const unchecked: UncheckedSentence[] = [];
  // Per claim of the extraction (undefined where the engine failed): what the next version's check may carry over.
  const checks: (CheckedClaim | undefined)[] = new Array(extracted.claims.length);
  const backings: (string[] | undefined)[] = new Array(extracted.claims.length);
  // findingCodeBits per claim of the extraction, and per claim of the report: carried over like the checks, so the
  // publication counts findings without reading tens of thousands of claims.
  const codes = new Uint8Array(extracted.claims.length);
  const codeBits = new Uint8Array(extracted.claims.length);
  const origin = sameEngine ? previousIndexes(previous!.extraction, extracted) : undefined;
  for (let k = 0; k < extracted.claims.length; k++) {
    const claim = extracted.claims[k];
    // A claim the edit did not reach is the very object the last reading held, or that one moved (claimMoved copies
    // it whole): its check stands, at its new place.
    const from = origin ? origin(k) : -1;
    let checked = from >= 0 && previous!.checks[from] ? (claim as CheckedClaim) : undefined;
    let sources: string[] | undefined;
    let bits: number;
    if (checked) {
      sources = previous!.backing[from];
      bits = previous!.codes[from]!;
      // Tens of thousands of claims carried over take a while too: requests get their turn between.
      if (k % CARRIED_PER_STEP === CARRIED_PER_STEP - 1) yield;
    } else {
      yield;
      const outcome = checkOrName(() => engine.checkSentence(claim), claim);
      if ('error' in outcome) {
        unchecked.push(outcome);
        continue;
      }
      yield;
      checked = outcome;
      sources = backingSourcesOf(engine, checked);
      bits = findingCodeBits(checked);
    }
    checks[k] = checked;
    backings[k] = sources;
    codes[k] = bits;
    codeBits[claims.length] = bits;
    claims.push(checked);
    backing.push(sources!);
  }
  const report = { path: reportPath(uri), claims, skipped: extracted.skipped, ...(unchecked.length > 0 ? { unchecked } : {}) };
  // The reading's claims are the checked claims where there are: the next edit's extraction moves them whole, so one
  // object per claim after the edit is all an edit allocates for them.
  // (Without `reused`, which would keep the version before alive.)
  const { reused, ...extraction } = extracted;
  const read = extracted.claims.map((claim, k) => checks[k] ?? claim);
  const reading = { engine, extraction: { ...extraction, claims: read }, checks, backing: backings, codes };
  return {
    uri, version, text, report, engine, libraryVersion: loaded.version, backing, codeBits: codeBits.subarray(0, claims.length), lines: extracted.lines, draft: true, reading,
  };
}

/** Whether an extraction was read from `base` (whose checks it can carry over), or is `base` itself. */
function readFrom(extracted: DraftExtraction, base: DraftExtraction): boolean {
  return extracted === base || extracted.reused?.from === base.claims;
}

/**
 * The index in the previous extraction of each claim of the new one the edit did not change (-1 for one to check), by
 * index arithmetic: all of them when the text is the same, else those the extraction kept or moved (`ReusedClaims`).
 */
function previousIndexes(previous: DraftExtraction, extracted: DraftExtraction): ((k: number) => number) | undefined {
  if (extracted === previous) return (k) => k;
  const reused = readFrom(extracted, previous) ? extracted.reused : undefined;
  if (!reused) return undefined;
  return (k) => (k < reused.kept ? k : k >= reused.movedStart ? k - reused.movedStart + reused.fromMoved : -1);
}

/** What the check of a document's next version may reuse from this one's. */
export interface DocumentReading {
  engine: Engine;
  extraction: DraftExtraction;
  /**
   * Per claim of `extraction`: its check (the same object as the claim there) and backing sources; undefined where
   * the engine failed on it.
   */
  checks: readonly (CheckedClaim | undefined)[];
  backing: readonly (string[] | undefined)[];
  /** Per claim of `extraction`: `findingCodeBits` of its check. */
  codes: Uint8Array;
}

/** Runs the steps in slices; undefined when `isStale` says the result is no longer wanted. */
export async function runInSlices(steps: CheckSteps, isStale: () => boolean): Promise<CheckedDocument | undefined> {
  // What is already waiting goes first: the `checking` status on its way out, an edit or a request on its way in.
  await nextTurn();
  if (isStale()) return undefined;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return isStale() ? undefined : step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      if (isStale()) return undefined;
      sliceStart = performance.now();
    }
  }
}

function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** The error a cancelled request answers with. */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

function reportPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The newest check started per document; an older one seeing another token here gives up. */
  private readonly tokens = new Map<string, symbol>();
  /** The last check that finished, per document (of whatever version). */
  private readonly results = new Map<string, CheckedDocument>();
  /** The last check carried over to the document's current version, kept until either changes. */
  private readonly carriedOver = new Map<string, Carried>();
  /** Requests waiting for a document's check to finish or be dropped. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /**
   * The newest text of a document read since its last finished check (by a check under way or a request), so that
   * a request and the check of the same text read it once: an edit of a book-length draft moves tens of thousands of
   * claims.
   */
  private readonly newest = new Map<string, { engine: Engine; extraction: DraftExtraction }>();

  constructor(private readonly host: SchedulerHost) {}

  opened(uri: string): void {
    if (this.host.settings(uri).checkOn !== 'manual') this.schedule(uri, 0);
  }

  changed(uri: string): void {
    this.cancelTimer(uri);
    const settings = this.host.settings(uri);
    if (settings.checkOn === 'type') this.schedule(uri, settings.debounceMs);
    // Any check of the previous version is now stale and stops at its next slice.
    else this.tokens.delete(uri);
    this.notify(uri);
  }

  saved(uri: string): void {
    if (this.host.settings(uri).checkOn === 'save') this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.cancelTimer(uri);
    this.tokens.delete(uri);
    this.results.delete(uri);
    this.carriedOver.delete(uri);
    this.newest.delete(uri);
    this.notify(uri);
  }

  /** The library or the checking settings changed: bring every open document up to date. */
  recheckOpenDocuments(): void {
    for (const document of this.host.documents.all()) this.opened(document.uri);
  }

  /**
   * The draft as the last finished check of the document read it (of whatever version), when checked with `engine`:
   * a request that must read the current text reads only the blocks edited since (a whole parse of a long draft
   * would hold up everything else).
   */
  lastExtraction(uri: string, engine: Engine): DraftExtraction | undefined {
    const newest = this.newest.get(uri);
    if (newest?.engine === engine) return newest.extraction;
    const reading = this.results.get(uri)?.reading;
    return reading?.engine === engine ? reading.extraction : undefined;
  }

  /**
   * The document's `text` read for a request (from the last reading, by the blocks edited since), and kept for the
   * check of that text, which then need not read it again.
   */
  extractionOf(uri: string, engine: Engine, text: string): DraftExtraction {
    const extraction = engine.extract(text, this.lastExtraction(uri, engine));
    if (this.host.documents.get(uri)?.getText() === text) this.newest.set(uri, { engine, extraction });
    return extraction;
  }

  /** The check of the document's current version against the current library, if one finished. */
  fresh(uri: string): CheckedDocument | undefined {
    const result = this.results.get(uri);
    const document = this.host.documents.get(uri);
    const library = this.host.library(uri);
    if (!result || !document || !library) return undefined;
    return result.version === document.version && result.libraryVersion === library.version ? result : undefined;
  }

  /**
   * For hover and code actions on the offsets [start, end] of the current text: the fresh check; else the last check
   * carried over to the current text, when the claims there are unchanged; else, when a check is due (checking as
   * you type), that check once it finishes — waiting at most REQUEST_WAIT_MS, or until the request is cancelled.
   * Never a check of its own. Without a fresh check the answer may lack the claims edited since the last one.
   */
  async forRequest(uri: string, start: number, end: number, token?: CancellationToken): Promise<CheckedDocument | undefined> {
    const fresh = this.fresh(uri);
    if (fresh) return fresh;
    const carried = this.carried(uri);
    if (carried?.answers(start, end)) return carried.document;
    if (this.pending(uri)) {
      await this.settled(uri, REQUEST_WAIT_MS, token);
      const checked = this.fresh(uri);
      if (checked) return checked;
    }
    return this.carried(uri)?.document;
  }

  /**
   * Checks an open document now, whatever `checkOn` says, and publishes the result. A check overtaken by an edit (or
   * a library reload) is redone on the newer state; a cancelled one stops at its next slice and throws.
   */
  async checkNow(uri: string, token?: CancellationToken): Promise<CheckedDocument | undefined> {
    this.cancelTimer(uri);
    await this.host.libraryReady;
    for (;;) {
      if (token?.isCancellationRequested || !this.host.documents.get(uri)) {
        if (!this.pending(uri)) this.host.checkAbandoned(uri, this.results.get(uri));
        if (token?.isCancellationRequested) throw cancelledError();
        return undefined;
      }
      const outcome = await this.check(uri, { token, retried: true });
      if (outcome === 'failed') return undefined;
      if (outcome !== 'stale') return outcome;
    }
  }

  /** Whether a check of the document is due (its timer runs) or running. */
  private pending(uri: string): boolean {
    return this.timers.has(uri) || this.tokens.has(uri);
  }

  /** Resolves when the document is fresh or nothing is due for it any more, or after `ms`, or on cancellation. */
  private settled(uri: string, ms: number, token?: CancellationToken): Promise<void> {
    if (this.fresh(uri) || !this.pending(uri)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let waiters = this.waiters.get(uri);
      if (!waiters) this.waiters.set(uri, (waiters = new Set()));
      const finish = (): void => {
        clearTimeout(timer);
        cancellation?.dispose();
        waiters!.delete(check);
        if (waiters!.size === 0 && this.waiters.get(uri) === waiters) this.waiters.delete(uri);
        resolve();
      };
      const check = (): void => {
        if (this.fresh(uri) || !this.pending(uri)) finish();
      };
      const timer = setTimeout(finish, ms);
      const cancellation = token?.onCancellationRequested(finish);
      waiters.add(check);
    });
  }

  private notify(uri: string): void {
    for (const waiter of [...(this.waiters.get(uri) ?? [])]) waiter();
  }

  /** The last check of the document carried over to its current version (claims whose text did not change). */
  private carried(uri: string): Carried | undefined {
    const from = this.results.get(uri);
    const document = this.host.documents.get(uri);
    const library = this.host.library(uri);
    if (!from || from.version === undefined || !document || !library || from.libraryVersion !== library.version) return undefined;
    const cached = this.carriedOver.get(uri);
    if (cached && cached.from === from && cached.document.version === document.version) return cached;
    const carried = new Carried(from, document.getText(), document.version);
    this.carriedOver.set(uri, carried);
    return carried;
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancelTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.check(uri);
      }, delayMs),
    );
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /**
   * One check of the document's current version. `retried`: the caller redoes a dropped check itself, so dropping it
   * is not reported.
   */
  private async check(uri: string, options: { token?: CancellationToken; retried?: boolean } = {}): Promise<CheckedDocument | 'stale' | 'failed'> {
    // Claimed before waiting for the library, so a check scheduled meanwhile supersedes this one.
    const token = Symbol(uri);
    this.tokens.set(uri, token);
    let started = false;
    let outcome: CheckedDocument | 'stale' | 'failed' = 'stale';
    try {
      await this.host.libraryReady;
      const document = this.host.documents.get(uri);
      const library = this.host.library(uri);
      if (!document || !library || this.tokens.get(uri) !== token) return (outcome = 'stale');
      const version = document.version;
      const isStale = () =>
        this.tokens.get(uri) !== token ||
        this.host.documents.get(uri)?.version !== version ||
        this.host.library(uri)?.version !== library.version ||
        options.token?.isCancellationRequested === true;

      this.host.checkStarted(uri);
      started = true;
      const text = document.getText();
      // The one step that waits on the network: an edit meanwhile makes the check stale, and it stops here.
      const prepared = await this.host.prepare(library, uri, text);
      if (isStale()) return (outcome = 'stale');
      const previous = this.results.get(uri)?.reading;
      const reads = {
        ready: this.newest.get(uri)?.engine === prepared.engine ? this.newest.get(uri)?.extraction : undefined,
        extracted: (extraction: DraftExtraction) => this.newest.set(uri, { engine: prepared.engine, extraction }),
      };
      const result = await runInSlices(checkSteps(uri, version, text, prepared, this.host.draftGate(uri, text), previous, reads), isStale);
      if (!result) return (outcome = 'stale');
      this.tokens.delete(uri);
      this.results.set(uri, result);
      // The check's reading supersedes what was read of the same text.
      if (this.newest.get(uri)?.extraction.text === result.text) this.newest.delete(uri);
      this.host.checked(result);
      return (outcome = result);
    } catch (error) {
      this.host.checkFailed(uri, error);
      return (outcome = 'failed');
    } finally {
      if (this.tokens.get(uri) === token) this.tokens.delete(uri);
      // The client was told this document is being checked: if nothing else will tell it otherwise, say it is not.
      if (started && outcome === 'stale' && !options.retried && !this.pending(uri)) this.host.checkAbandoned(uri, this.results.get(uri));
      this.notify(uri);
    }
  }
}

/**
 * The last check of a document carried over to its current text. The edit is located by the text the two versions
 * share at the start and at the end; a claim lying wholly in the shared start keeps its offsets, one wholly in the
 * shared end moves with the edit, and a claim touching the edited stretch (or right next to it: a sentence typed on
 * may extend it) is left out. So is a claim whose block starts in the edited stretch.
 */
class Carried {
  readonly document: CheckedDocument;
  /** The edited stretch: [editStart, oldEditEnd) of the checked text became [editStart, newEditEnd) of the current one. */
  private readonly editStart: number;
  private readonly oldEditEnd: number;
  private readonly newEditEnd: number;
  /** Indexes (in the check) of the claims carried over. */
  private readonly kept = new Set<number>();

  constructor(
    readonly from: CheckedDocument,
    text: string,
    version: number,
  ) {
    const old = from.text;
    const shared = Math.min(old.length, text.length);
    // The shared end first, then the shared start: where an edit could be placed in several ways (a line break added
    // among line breaks), it is placed as early as possible, so it does not look adjacent to the claim after it.
    let suffix = 0;
    while (suffix < shared && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    let prefix = 0;
    while (prefix < shared - suffix && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    const unchanged = old === text;
    this.editStart = unchanged ? Infinity : prefix;
    this.oldEditEnd = old.length - suffix;
    this.newEditEnd = text.length - suffix;
    const delta = text.length - old.length;

    const claims: CheckedClaim[] = [];
    const backing: string[][] = [];
    const skipped: SkippedSentence[] = [];
    this.document = {
      uri: from.uri,
      version,
      text,
      report: { path: from.report.path, claims, skipped },
      engine: from.engine,
      libraryVersion: from.libraryVersion,
      backing,
      draft: from.draft,
    };
    const oldLines = linesOf(from);
    const lines = linesOf(this.document);
    const before = (end: number) => end < this.editStart;
    const after = (start: number) => start > this.oldEditEnd;
    const moved = (range: Range): Range => {
      const start = oldLines.offsetAt(range.start);
      return lines.rangeAt(start + delta, oldLines.offsetAt(range.end) + delta);
    };

    from.report.claims.forEach((claim, index) => {
      if (before(claim.endOffset)) {
        claims.push(claim);
      } else if (after(claim.startOffset) && (before(claim.blockStartOffset) || after(claim.blockStartOffset))) {
        const blockStartOffset = before(claim.blockStartOffset) ? claim.blockStartOffset : claim.blockStartOffset + delta;
        claims.push({
          ...claim,
          startOffset: claim.startOffset + delta,
          endOffset: claim.endOffset + delta,
          blockStartOffset,
          range: lines.rangeAt(claim.startOffset + delta, claim.endOffset + delta),
          citations: claim.citations.map((citation) => ({ ...citation, range: moved(citation.range) })),
        });
      } else {
        return;
      }
      this.kept.add(index);
      backing.push(from.backing[index] ?? []);
    });
    for (const sentence of from.report.skipped) {
      const start = oldLines.offsetAt(sentence.range.start);
      const end = oldLines.offsetAt(sentence.range.end);
      if (before(end)) skipped.push(sentence);
      else if (after(start)) skipped.push({ ...sentence, range: moved(sentence.range) });
    }
  }

  /**
   * Whether the carried-over check answers a request about [start, end] of the current text: the range lies outside
   * the edited stretch, and every claim the check had there was carried over.
   */
  answers(start: number, end: number): boolean {
    let oldStart: number;
    let oldEnd: number;
    if (end < this.editStart) [oldStart, oldEnd] = [start, end];
    else if (start > this.newEditEnd) [oldStart, oldEnd] = [start - (this.newEditEnd - this.oldEditEnd), end - (this.newEditEnd - this.oldEditEnd)];
    else return false;
    return claimIndexesAmong(this.from.report.claims, oldStart, oldEnd).every((index) => this.kept.has(index));
  }
}
