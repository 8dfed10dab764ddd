// An edited draft's claims without parsing the whole draft again: the work grows with the edit, not the document.
//
// The previous extraction keeps the document's top-level blocks. An edit is the span where the old and new texts
// differ (common prefix and suffix); the blocks it touches, plus one unchanged block on each side, are parsed again
// with remark, and the claims of the blocks before and after are kept (those after moved by the edit's length and
// line count). The margin blocks prove the cut: the part reads as it does in place only if its first and last blocks
// come out exactly as before (same kind, same extent), so the parser was in the same state where the part starts and
// ends. What can reach past its own block falls back to a whole parse: fenced code, HTML blocks, footnote and link
// definitions (they change references anywhere), front matter, grounded-disable comments and ignore comments inside a
// block, a byte-order mark. (An ignore comment on its own line switches off the next block: it is kept in the part.)

import type { Citation, ClaimSentence, Range, SkippedSentence } from '../model';
import { partitionPoint } from '../index/partitionPoint';
import type { CitationResolver } from './citations';
import { claimsOfBlocks, guardNesting, type BlockClaims } from './extractClaims';
import { definitionsAtTopLevel, isDefinition, parseDraft, parseDraftFragment, readsAppendedDefinitions, type ParsedDraft, type RootBlock } from './parseDraft';
import { LineIndex } from './positions';
import { CHUNK_CHARS, extractInParts } from './slicedExtract';

/** A draft's claims, with what the next extraction of an edited text needs to re-read only the edit. */
export interface DraftExtraction extends BlockClaims {
  readonly text: string;
  readonly resolver: CitationResolver;
  readonly lines: LineIndex;
  readonly roots: readonly RootBlock[];
  /** False when the draft holds something an edit's effect can travel from (see above): the next edit parses all. */
  readonly reparsable: boolean;
  /** After an edit re-read: which claims are the previous extraction's, kept or moved (a check carries theirs over). */
  readonly reused?: ReusedClaims;
}

/**
 * How an edit's extraction relates to the one before it, by index (a book-length draft has tens of thousands of claims:
 * no map of them is built per edit): `claims[0, kept)` are `from[0, kept)`, the same objects; from `movedStart` to the
 * end, `claims[movedStart + i]` is `from[fromMoved + i]` moved by the edit (same sentence, new place). Between are the
 * claims of the blocks read again.
 */
export interface ReusedClaims {
  readonly from: readonly ClaimSentence[];
  readonly kept: number;
  readonly movedStart: number;
  readonly fromMoved: number;
}

/** Blocks whose change may alter how other blocks read. */
const REACHING_BLOCKS: ReadonlySet<string> = new Set(['code', 'html', 'definition', 'footnoteDefinition', 'yaml', 'toml']);
const FRONT_MATTER: ReadonlySet<string> = new Set(['yaml', 'toml']);

/**
 * The claims of `markdown`, re-reading only what changed since `previous` (the extraction of the same document
 * before the edit, with the same resolver) where that is safe; exactly what a whole extraction gives.
 */
export function extractDraft(markdown: string, resolver: CitationResolver, previous?: DraftExtraction): DraftExtraction {
  const steps = extractionSteps(markdown, resolver, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `extractDraft` as steps, for a host that pauses between them: a long draft read whole is read a part at a time. */
export function* extractionSteps(
  markdown: string,
  resolver: CitationResolver,
  previous?: DraftExtraction,
  chunkChars = CHUNK_CHARS,
): Generator<undefined, DraftExtraction, undefined> {
  if (previous?.text === markdown && previous.resolver === resolver) return previous;
  const reread = previous?.reparsable && previous.resolver === resolver ? guardNesting(() => reparseEdit(previous, markdown)) : undefined;
  if (reread) return reread;
  const inParts = yield* nestingGuarded(extractInParts(markdown, resolver, chunkChars));
  return inParts ?? guardNesting(() => extractWhole(markdown, resolver));
}

function* nestingGuarded<T>(steps: Generator<undefined, T, undefined>): Generator<undefined, T, undefined> {
  for (;;) {
    const step = guardNesting(() => steps.next());
    if (step.done) return step.value;
    yield;
  }
}

function extractWhole(markdown: string, resolver: CitationResolver): DraftExtraction {
  const draft = parseDraft(markdown);
  const lines = new LineIndex(markdown);
  return { ...claimsOfBlocks(draft, markdown, lines, resolver), text: markdown, resolver, lines, roots: draft.roots, reparsable: isReparsable(draft, markdown) };
}

function isReparsable(draft: ParsedDraft, markdown: string): boolean {
  // A definition inside a quote or list could not be carried along by its top-level span.
  return !draft.hasReachingDirectives && markdown.charCodeAt(0) !== 0xfeff && definitionsAtTopLevel(draft);
}

function reparseEdit(previous: DraftExtraction, text: string): DraftExtraction | undefined {
  const old = previous.text;
  const roots = previous.roots;
  if (roots.length === 0) return undefined;

  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldChangeEnd = old.length - suffix;
  const delta = text.length - old.length;

  // The blocks the edit touches: from the first that ends at or after its start to the last that starts at or before
  // its end (an edit between two blocks touches both), then one unchanged margin block on each side.
  const firstTouched = partitionPoint(roots.length, (k) => roots[k]!.end < prefix);
  const lastTouched = partitionPoint(roots.length, (k) => roots[k]!.start <= oldChangeEnd) - 1;
  const first = Math.min(firstTouched, lastTouched);
  const last = Math.max(firstTouched, lastTouched);
  const after = last + 1;
  for (let k = Math.max(first, 0); k <= Math.min(last, roots.length - 1); k++) if (REACHING_BLOCKS.has(roots[k]!.type)) return undefined;
  // Front matter is a margin of its own: the document reads afresh after its closing fence.
  const before = first - 1 >= 0 && FRONT_MATTER.has(roots[first - 1]!.type) ? -1 : first - 1;
  const oldLines = previous.lines;
  const start =
    before >= 0 ? oldLines.lineStart(oldLines.positionAt(roots[before]!.start).line) : first >= 1 ? oldLines.lineStart(oldLines.positionAt(roots[first - 1]!.end).line + 1) : 0;
  if (start === 0 && /^(?:---|\+\+\+)/.test(text)) return undefined;
  // Two blocks on one line cannot be cut apart; an HTML block before the part may be an ignore comment for its first.
  const beforeStart = before >= 0 ? before : first;
  if (beforeStart >= 1 && (roots[beforeStart - 1]!.end >= start || roots[beforeStart - 1]!.type === 'html')) return undefined;
  const oldEnd = after < roots.length ? roots[after]!.end : old.length;
  // The part must end at a line's end, so what follows keeps its columns.
  if (oldEnd < old.length && !isLineBreak(old.charCodeAt(oldEnd))) return undefined;
  const newEnd = oldEnd + delta;

  const definitions = roots
    .filter((root, k) => isDefinition(root.type) && (k < before || k > after))
    .map((root) => (root.start >= oldEnd ? text.slice(root.start + delta, root.end + delta) : text.slice(root.start, root.end)));
  const part = parseDraftFragment(text, start, newEnd, definitions.map((definition) => `\n\n${definition}`).join(''));
  if (part.hasReachingDirectives || part.roots.length === 0 || !readsAppendedDefinitions(part, newEnd, definitions.length)) return undefined;

  const partRoots = part.roots;
  if (before >= 0 && !sameBlock(partRoots[0]!, roots[before]!, 0)) return undefined;
  if (after < roots.length && !sameBlock(partRoots[partRoots.length - 1]!, roots[after]!, delta)) return undefined;
  const changed = partRoots.slice(before >= 0 ? 1 : 0, after < roots.length ? -1 : undefined);
  if (changed.some((root) => REACHING_BLOCKS.has(root.type))) return undefined;

  const lines = oldLines.afterEdit(text, prefix, oldChangeEnd, oldChangeEnd + delta);
  const lineDelta = lines.positionAt(newEnd).line - oldLines.positionAt(oldEnd).line;
  const reread = claimsOfBlocks(part, text, lines, previous.resolver);

  const claimsBefore = partitionPoint(previous.claims.length, (k) => previous.claims[k]!.startOffset < start);
  const claimsAfter = partitionPoint(previous.claims.length, (k) => previous.claims[k]!.startOffset < oldEnd);
  const skippedBefore = partitionPoint(previous.skippedStarts.length, (k) => previous.skippedStarts[k]! < start);
  const skippedAfter = partitionPoint(previous.skippedStarts.length, (k) => previous.skippedStarts[k]! < oldEnd);
  const rootsAfter = after < roots.length ? after + 1 : roots.length;
  const moved = previous.claims.slice(claimsAfter).map((claim) => claimMoved(claim, delta, lineDelta));
  // (concat, not spreads: tens of thousands of claims in a book-length draft.)
  const skippedLater = previous.skipped.slice(skippedAfter);
  return {
    text,
    resolver: previous.resolver,
    lines,
    reparsable: true,
    roots: roots
      .slice(0, before >= 0 ? before : Math.max(first, 0))
      .concat(partRoots, roots.slice(rootsAfter).map((root) => ({ type: root.type, start: root.start + delta, end: root.end + delta }))),
    claims: previous.claims.slice(0, claimsBefore).concat(reread.claims, moved),
    reused: { from: previous.claims, kept: claimsBefore, movedStart: claimsBefore + reread.claims.length, fromMoved: claimsAfter },
    skipped: previous.skipped
      .slice(0, skippedBefore)
      .concat(
        reread.skipped,
        lineDelta === 0 ? skippedLater : skippedLater.map((sentence): SkippedSentence => ({ ...sentence, range: movedRange(sentence.range, lineDelta) })),
      ),
    skippedStarts: previous.skippedStarts.slice(0, skippedBefore).concat(reread.skippedStarts, previous.skippedStarts.slice(skippedAfter).map((offset) => offset + delta)),
  };
}

function sameBlock(reread: RootBlock, old: RootBlock, delta: number): boolean {
  return reread.type === old.type && reread.start === old.start + delta && reread.end === old.end + delta;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function claimMoved(claim: ClaimSentence, delta: number, lineDelta: number): ClaimSentence {
  const startOffset = claim.startOffset + delta;
  const endOffset = claim.endOffset + delta;
  const blockStartOffset = claim.blockStartOffset + delta;
  // An edit within a line moves no line: the ranges and citations are shared.
  if (lineDelta === 0) return { ...claim, startOffset, endOffset, blockStartOffset };
  const range = movedRange(claim.range, lineDelta);
  const citations = claim.citations.map((citation): Citation => ({ ...citation, range: movedRange(citation.range, lineDelta) }));
  return { ...claim, startOffset, endOffset, blockStartOffset, range, citations };
}

/** A range on lines after the edit: the lines move, their columns do not (the edit ended on an earlier line). */
function movedRange(range: Range, lineDelta: number): Range {
  if (lineDelta === 0) return range;
  return {
    start: { line: range.start.line + lineDelta, character: range.start.character },
    end: { line: range.end.line + lineDelta, character: range.end.character },
  };
}
