// The host-agnostic checking engine: the CLI, the language server and the tests all drive this facade.
import { extractClaims } from './markdown/extractClaims';
import { extractDraft, extractionSteps, type DraftExtraction } from './markdown/incrementalExtract';
import { libraryCitationResolver } from './sources/citationResolver';
import type { CheckedClaim, CitationMismatch, ClaimSentence, ClaimVerdict, FileReport, RankedSource, Source, SourceLibrary, UncheckedSentence } from './model';
import { PassageIndex } from './index/passageIndex';
import { rankSources } from './index/rankSources';
import type { CitationResolver } from './markdown/citations';
import { RemoteLibrary } from './retrieval/remoteLibrary';
import type { RemoteRetrieval } from './retrieval/retrieval';
import { sourceFromText } from './sources/loadSources';
import { verifyClaim as verifyLocal } from './verify/verifyClaim';

export interface Engine {
  readonly library: SourceLibrary;
  /** A source of the library by id. */
  source(id: string): Source | undefined;
  /** How many passages the library's index holds. */
  readonly passageCount: number;
  /** Checks a Markdown draft; `path` is only used for the report. */
  checkDraft(markdown: string, path: string): FileReport;
  /**
   * Step one of a draft check: the draft's claims and skipped sentences, with citations resolved to this library.
   * Given the extraction of the same document before an edit, only the edited blocks are read again.
   */
  extract(markdown: string, previous?: DraftExtraction): DraftExtraction;
  /** `extract` in steps, for a host that does other work between them (a long draft is parsed a part at a time). */
  extractSteps(markdown: string, previous?: DraftExtraction): Generator<undefined, DraftExtraction, undefined>;
  /** Step two, one claim at a time (so a host can interleave other work): the verdict and the citation finding. */
  checkSentence(claim: ClaimSentence): CheckedClaim;
  /** Checks one plain-text claim (one or more sentences) against the whole library. */
  checkClaim(claim: string): ClaimVerdict;
  /** Whether these sources alone back the text (a claim's `fact ?? text`); remembered like the verdicts. */
  backedByOnly(text: string, sourceIds: string[]): boolean;
  /** The sources most relevant to a sentence, backing ones first, each verified alone (remembered like the verdicts). */
  rankSources(sentence: string, cited?: ReadonlySet<string>): RankedSource[];
  /**
   * With a remote library (a database): fetches, in one round trip, what checking this draft needs; call it before
   * checkDraft, extract or checkSentence on the draft. Rejects with a RetrievalError when the library cannot be
   * asked. A no-op for the embedded index.
   */
  prepareDraft?(markdown: string): Promise<void>;
  /** prepareDraft for plain-text claims (checkClaim). */
  prepareClaims?(claims: readonly string[]): Promise<void>;
  /**
   * With a remote library: an engine of its own for one draft, holding what checking it needs (one round trip), so
   * checks of several drafts may interleave (the language server) without one reading another's candidates. Rejects
   * with a RetrievalError when the library cannot be asked. Absent for the embedded index: use this engine.
   */
  forDraft?(markdown: string): Promise<Engine>;
  /** forDraft for one plain-text sentence, with what ranking the sources for it needs too (rankSources). */
  forSentence?(sentence: string): Promise<Engine>;
  /** With a remote library: the same local sources without it, for a host to fall back on when it cannot be asked. */
  readonly embedded?: Engine;
}

const VERDICT_CACHE_LIMIT = 50_000;

export interface EngineOptions {
  /** Remember verdicts by sentence text (on by default; benchmarks turn it off to measure real work). */
  cacheVerdicts?: boolean;
  /** A library beside `library`'s sources, retrieved from per draft (PostgreSQL); the embedded index alone without. */
  retrieval?: RemoteRetrieval;
}

export function createEngine(library: SourceLibrary, options: EngineOptions = {}): Engine {
  const local = new PassageIndex(library.sources);
  const remote = options.retrieval ? new RemoteLibrary(library, local, options.retrieval) : undefined;
  const localResolver = libraryCitationResolver(library.sources);
  if (!remote) return engineOn({ index: local, resolver: localResolver }, { library, local, options });
  // The fallback shares the local index; its verdicts (without the archive) are remembered apart.
  const embedded = engineOn({ index: local, resolver: localResolver }, { library, local, options });
  // What the CLI's prepareDraft replaces: the snapshot of the draft being checked.
  const shared: View = { index: local, resolver: localResolver };
  return engineOn(shared, { library, local, options, remote, embedded });
}

/** What an engine verifies on: the local index, or with a remote library the snapshot of the draft being checked. */
interface View {
  index: PassageIndex;
  resolver: CitationResolver;
}

interface EngineParts {
  library: SourceLibrary;
  local: PassageIndex;
  options: EngineOptions;
  remote?: RemoteLibrary;
  embedded?: Engine;
  /** Verdicts by text, shared by every view of one library (a verdict is the whole library's, whichever snapshot). */
  caches?: VerdictCaches;
}

interface VerdictCaches {
  verdicts: Map<string, ClaimVerdict>;
  bySources: Map<string, ClaimVerdict>;
}

function engineOn(view: View, parts: EngineParts): Engine {
  const { library, local, options, remote } = parts;
  const caches: VerdictCaches = parts.caches ?? { verdicts: new Map(), bySources: new Map() };
  const verdicts = caches.verdicts;
  const verifyClaim = (text: string, index: PassageIndex, verifyOptions?: Parameters<typeof verifyLocal>[2]): ClaimVerdict =>
    remote ? remote.verify(text, index, verifyOptions, verifyLocal) : verifyLocal(text, index, verifyOptions);
  // The resolver over the local sources and the archive's met so far, built again only when a new one was met (a long
  // session meets tens of thousands, and every check asks).
  let knownResolver: { generation: number; resolver: CitationResolver } | undefined;
  const resolverWithKnown = (): CitationResolver => {
    const generation = remote!.knownGeneration;
    if (knownResolver?.generation !== generation) {
      knownResolver = { generation, resolver: libraryCitationResolver([...library.sources, ...remote!.knownSources()]) };
    }
    return knownResolver.resolver;
  };
  const snapshotView = async (texts: readonly string[], labels?: { keys: string[]; urls: string[] }, rank?: string): Promise<View> => {
    // Every claim, cached or not: checking what a claim cites, or which sources back it, reads its sources too.
    const index = await remote!.prepare(texts, labels ?? { keys: [], urls: [] }, rank);
    return { index, resolver: resolverWithKnown() };
  };
  const draftView = async (markdown: string): Promise<View> => {
    const labels = { keys: [] as string[], urls: [] as string[] };
    const recording: CitationResolver = {
      sourceIdForKey: (key) => (labels.keys.push(key), view.resolver.sourceIdForKey(key)),
      sourceIdForUrl: (url) => (labels.urls.push(url), view.resolver.sourceIdForUrl(url)),
      sourceIdForTitle: (text) => view.resolver.sourceIdForTitle?.(text),
    };
    const claims = extractClaims(markdown, recording).claims;
    return snapshotView(claims.map((claim) => claim.fact ?? claim.text), labels);
  };
  const bound = (next: View): Engine => engineOn(next, { ...parts, caches });

  const verifyCached = (text: string): ClaimVerdict => {
    if (options.cacheVerdicts === false) return verifyClaim(text, view.index);
    let verdict = verdicts.get(text);
    if (!verdict) {
      if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
      verdict = verifyClaim(text, view.index);
      verdicts.set(text, verdict);
    }
    return verdict;
  };

  // Whether the cited sources alone back a sentence, remembered like the verdicts (by text and cited ids), so an
  // unchanged sentence is never verified again.
  const verdictsBySources = caches.bySources;
  const verifyAgainst = (text: string, sourceIds: readonly string[]): ClaimVerdict => {
    const key = `${[...sourceIds].sort().join(' ')}\n${text}`;
    let verdict = options.cacheVerdicts === false ? undefined : verdictsBySources.get(key);
    if (verdict === undefined) {
      if (verdictsBySources.size >= VERDICT_CACHE_LIMIT) verdictsBySources.clear();
      verdict = verifyClaim(text, view.index, { onlySources: new Set(sourceIds) });
      verdictsBySources.set(key, verdict);
    }
    return verdict;
  };
  const citedBacks = (text: string, cited: string[]): boolean => verifyAgainst(text, cited).verdict === 'supported';

  // A citation finding says something the verdict does not: a key that names no source, or a supported claim that
  // cites a source other than the one backing it. (On an unsupported or contradicted claim it would only repeat the
  // verdict.) The CLI and the editor both show exactly these.
  const checkCitations = (claim: ClaimSentence, verdict: ClaimVerdict): CitationMismatch | undefined => {
    if (claim.citations.length === 0) return undefined;
    const unknown = [...new Set(claim.citations.filter((c) => !c.sourceId).map((c) => c.label))];
    const cited = [...new Set(claim.citations.flatMap((c) => (c.sourceId ? [c.sourceId] : [])))];
    const backedBy = verdict.verdict === 'supported' ? verdict.evidence[0]?.sourceId : undefined;
    if (unknown.length > 0) {
      return { cited: unknown, backedBy, message: `Cites ${quoteList(unknown)}, which is not in the source library.` };
    }
    if (!backedBy || cited.includes(backedBy)) return undefined;
    if (citedBacks(claim.fact ?? claim.text, cited)) return undefined;
    const titles = quoteList(cited.map((id) => view.index.sources.get(id)?.title ?? id));
    const backing = view.index.sources.get(backedBy)?.title ?? backedBy;
    return { cited, backedBy, message: `The cited ${titles} does not back this claim. "${backing}" does.` };
  };

  return {
    library,
    source: (id) => view.index.sources.get(id) ?? local.sources.get(id) ?? remote?.knownSource(id),
    passageCount: local.size,
    async prepareDraft(markdown) {
      if (remote) Object.assign(view, await draftView(markdown));
    },
    async prepareClaims(claims) {
      if (remote) Object.assign(view, await snapshotView(claims));
    },
    ...(remote
      ? {
          forDraft: async (markdown: string) => bound(await draftView(markdown)),
          forSentence: async (sentence: string) => bound(await snapshotView([sentence], undefined, sentence)),
          ...(parts.embedded ? { embedded: parts.embedded } : {}),
        }
      : {}),
    checkDraft(markdown, path) {
      const extracted = this.extract(markdown);
      const claims: CheckedClaim[] = [];
      const unchecked: UncheckedSentence[] = [];
      for (const claim of extracted.claims) {
        const checked = checkOrName(() => this.checkSentence(claim), claim);
        if ('error' in checked) unchecked.push(checked);
        else claims.push(checked);
      }
      return { path, claims, skipped: extracted.skipped, ...(unchecked.length > 0 ? { unchecked } : {}) };
    },
    extract(markdown, previous) {
      return extractDraft(markdown, view.resolver, previous);
    },
    extractSteps(markdown, previous) {
      return extractionSteps(markdown, view.resolver, previous);
    },
    checkSentence(claim) {
      const verdict = verifyCached(claim.fact ?? claim.text);
      const citationMismatch = checkCitations(claim, verdict);
      return { ...claim, ...verdict, ...(citationMismatch ? { citationMismatch } : {}) };
    },
    checkClaim(claim) {
      return verifyCached(claim);
    },
    backedByOnly(text, sourceIds) {
      return citedBacks(text, sourceIds);
    },
    rankSources(sentence, cited = new Set()) {
      return rankSources(view.index, sentence, cited, (sourceId) => verifyAgainst(sentence, [sourceId]));
    },
  };
}

/**
 * A claim's check, or — when the engine fails on it (a bug) — the claim named as not checked, so one sentence never
 * costs the draft the others' verdicts.
 */
export function checkOrName(check: () => CheckedClaim, claim: ClaimSentence): CheckedClaim | UncheckedSentence {
  try {
    return check();
  } catch (error) {
    return { text: claim.text, range: claim.range, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Checks one claim against one article's text alone (the evaluation benchmarks' setting). */
export function checkClaimAgainstText(claim: string, sourceText: string): ClaimVerdict {
  const index = articleIndex(sourceText);
  return verifyLocal(claim, index);
}

// Benchmarks check many claims against the same article: keep the last few indexes.
const articleIndexes = new Map<string, PassageIndex>();
function articleIndex(text: string): PassageIndex {
  let index = articleIndexes.get(text);
  if (!index) {
    if (articleIndexes.size >= 16) articleIndexes.delete(articleIndexes.keys().next().value!);
    index = new PassageIndex([sourceFromText('article', text)]);
    articleIndexes.set(text, index);
  }
  return index;
}

function quoteList(items: string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}
