// When documents are checked, and checking without ever making the editor wait.
//
// A check runs off the request path in time slices (setImmediate between slices), so edits keep arriving while it
// runs; every slice boundary asks whether the check is still wanted (same document version, same library, no newer
// check of the document started) and abandons it if not. An edit restarts the debounce timer, so a burst of typing
// gives one check, of the last version. Only new sentences cost anything: the engine remembers verdicts by sentence
// text, and the first pass below warms that cache one claim at a time before the whole draft is assembled.

import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { extractClaims, NO_SOURCES } from '../markdown/extractClaims';
import type { GroundedSettings } from '../protocol';
import { backingSourcesOf, type CheckedDocument } from './checkedDocument';
import type { LoadedLibrary } from './library';

// Long enough to get real work done per slice, short enough that an edit waits no longer than a keystroke's worth.
const SLICE_MS = 12;

export interface SchedulerHost {
  documents: TextDocuments<TextDocument>;
  settings(): GroundedSettings;
  /** The current library, or undefined before the first load finished. */
  library(): LoadedLibrary | undefined;
  /** Resolves once the first library load has finished. */
  libraryReady: Promise<void>;
  checkStarted(uri: string): void;
  /** A check finished for the current version: publish it. */
  checked(document: CheckedDocument): void;
  checkFailed(uri: string, error: unknown): void;
}

type CheckSteps = Generator<undefined, CheckedDocument, undefined>;

/** The check of one text as steps, each cheap; the caller decides whether to pause between them. */
export function* checkSteps(uri: string, version: number | undefined, text: string, loaded: LoadedLibrary): CheckSteps {
  const { engine } = loaded;
  // Warm the engine's per-sentence cache one claim per step; checkDraft below then only assembles.
  for (const claim of extractClaims(text, NO_SOURCES).claims) {
    engine.checkClaim(claim.text);
    yield;
  }
  const report = engine.checkDraft(text, reportPath(uri));
  const backing: string[][] = [];
  for (const claim of report.claims) {
    backing.push(backingSourcesOf(engine, claim));
    yield;
  }
  return { uri, version, text, report, engine, libraryVersion: loaded.version, backing };
}

export function runToEnd(steps: CheckSteps): CheckedDocument {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in slices; undefined when `isStale` says the result is no longer wanted. */
async function runInSlices(steps: CheckSteps, isStale: () => boolean): Promise<CheckedDocument | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return isStale() ? undefined : step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isStale()) return undefined;
      sliceStart = performance.now();
    }
  }
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
  private readonly results = new Map<string, CheckedDocument>();

  constructor(private readonly host: SchedulerHost) {}

  opened(uri: string): void {
    if (this.host.settings().checkOn !== 'manual') this.schedule(uri, 0);
  }

  changed(uri: string): void {
    this.cancelTimer(uri);
    if (this.host.settings().checkOn === 'type') this.schedule(uri, this.host.settings().debounceMs);
    // Any check of the previous version is now stale and stops at its next slice.
    else this.tokens.delete(uri);
  }

  saved(uri: string): void {
    if (this.host.settings().checkOn === 'save') this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.cancelTimer(uri);
    this.tokens.delete(uri);
    this.results.delete(uri);
  }

  /** The library or the checking settings changed: bring every open document up to date. */
  recheckOpenDocuments(): void {
    if (this.host.settings().checkOn === 'manual') return;
    for (const document of this.host.documents.all()) this.schedule(document.uri, 0);
  }

  /** The check of the document's current version against the current library, if one finished. */
  fresh(uri: string): CheckedDocument | undefined {
    const result = this.results.get(uri);
    const document = this.host.documents.get(uri);
    const library = this.host.library();
    if (!result || !document || !library) return undefined;
    return result.version === document.version && result.libraryVersion === library.version ? result : undefined;
  }

  /**
   * For hover and code actions: the fresh check, or — when checking as you type, where a check is due anyway — one
   * computed now (cheap: the sentences are cached). Other modes show nothing for an edited, unchecked document,
   * unless the request is an explicit command (`whateverCheckOn`).
   */
  forRequest(uri: string, options: { whateverCheckOn?: boolean } = {}): CheckedDocument | undefined {
    const fresh = this.fresh(uri);
    if (fresh) return fresh;
    const document = this.host.documents.get(uri);
    const library = this.host.library();
    if (!document || !library) return undefined;
    if (this.host.settings().checkOn !== 'type' && !options.whateverCheckOn) return undefined;
    const result = runToEnd(checkSteps(uri, document.version, document.getText(), library));
    this.results.set(uri, result);
    return result;
  }

  /** Checks an open document now, whatever `checkOn` says, and publishes the result. */
  async checkNow(uri: string): Promise<CheckedDocument | undefined> {
    this.cancelTimer(uri);
    await this.host.libraryReady;
    // A check overtaken by an edit (or a library reload) is redone on the newer state.
    for (;;) {
      if (!this.host.documents.get(uri)) return undefined;
      const outcome = await this.check(uri);
      if (outcome !== 'stale') return outcome === 'failed' ? undefined : outcome;
    }
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

  private async check(uri: string): Promise<CheckedDocument | 'stale' | 'failed'> {
    // Claimed before waiting for the library, so a check scheduled meanwhile supersedes this one.
    const token = Symbol(uri);
    this.tokens.set(uri, token);
    await this.host.libraryReady;
    const document = this.host.documents.get(uri);
    const library = this.host.library();
    if (!document || !library || this.tokens.get(uri) !== token) return 'stale';
    const version = document.version;
    const isStale = () =>
      this.tokens.get(uri) !== token || this.host.documents.get(uri)?.version !== version || this.host.library()?.version !== library.version;

    this.host.checkStarted(uri);
    try {
      const result = await runInSlices(checkSteps(uri, version, document.getText(), library), isStale);
      if (!result) return 'stale';
      this.tokens.delete(uri);
      this.results.set(uri, result);
      this.host.checked(result);
      return result;
    } catch (error) {
      if (this.tokens.get(uri) === token) this.tokens.delete(uri);
      this.host.checkFailed(uri, error);
      return 'failed';
    }
  }
}
