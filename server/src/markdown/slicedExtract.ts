// A whole draft's claims in slices, so a book-length draft never blocks the server for long: the draft is cut into
// parts of about CHUNK_CHARS between top-level blocks, and each part is parsed, then read, in a step of its own.
//
// A cut is made only where nothing can run across it: before a line that starts at the margin with a letter or a `#`
// (a paragraph or a heading, which no list, quote, table or footnote continues) after a blank line, outside fenced
// code, not after an HTML comment (it may be an ignore comment for that block), and past any front matter. A draft with
// any other line opening an HTML block (which may run past blank lines) is not cut. References need their definitions, wherever they are: the parts that hold a `[` are parsed again with all of
// the draft's footnote and link definitions after them. A draft with grounded-disable comments or ignore comments inside
// a block (they reach across parts), a definition inside a quote or list, or a byte-order mark is parsed whole.

import type { CitationResolver } from './citations';
import { claimsOfBlocks, type BlockClaims } from './extractClaims';
import type { DraftExtraction } from './incrementalExtract';
import { closedFrontMatterEnd, definitionsAtTopLevel, isDefinition, parseDraftFragment, readsAppendedDefinitions, type ParsedDraft } from './parseDraft';
import { LineIndex } from './positions';

/** Parts small enough to parse in a few tens of milliseconds on a slow machine. */
export const CHUNK_CHARS = 16_384;

/**
 * A line opening fenced code (three or more backticks or tildes, indented at most three; after backticks, no backtick
 * on the line: "```a``` b" is inline code in a paragraph), and one closing it.
 */
const FENCE_OPENING = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** An HTML comment that opens and closes on its line (and nothing after it), as grounded-ignore comments are written. */
const ONE_LINE_COMMENT = /^ {0,3}<!--(?:(?!-->).)*-->[ \t]*$/;

export type ExtractionSteps = Generator<undefined, DraftExtraction | undefined, undefined>;

/**
 * The extraction of the whole draft, a part per step; undefined (after no work) when the draft cannot be cut or
 * holds something that reaches across parts: the caller then parses it whole.
 */
export function* extractInParts(markdown: string, resolver: CitationResolver, chunkChars = CHUNK_CHARS): ExtractionSteps {
  if (markdown.charCodeAt(0) === 0xfeff) return undefined;
  const cuts = cutPoints(markdown, chunkChars);
  if (!cuts || cuts.length === 0) return undefined;
  const bounds = [0, ...cuts, markdown.length];

  const parts: ParsedDraft[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = parseDraftFragment(markdown, bounds[k]!, bounds[k + 1]!, '');
    if (part.hasReachingDirectives || !definitionsAtTopLevel(part)) return undefined;
    parts.push(part);
    yield;
  }

  // The definitions of all parts, the first of each identifier winning, as in one parse.
  const footnotes: ParsedDraft['footnotes'] = new Map();
  const definitions: ParsedDraft['definitions'] = new Map();
  for (const part of parts) {
    for (const [id, node] of part.footnotes) if (!footnotes.has(id)) footnotes.set(id, node);
    for (const [id, node] of part.definitions) if (!definitions.has(id)) definitions.set(id, node);
  }
  const definitionRoots = parts.flatMap((part) => part.roots.filter((root) => isDefinition(root.type)));
  const definitionText = definitionRoots.map((root) => `\n\n${markdown.slice(root.start, root.end)}`).join('');

  const lines = new LineIndex(markdown);
  const read: BlockClaims[] = [];
  for (let k = 0; k < parts.length; k++) {
    let part = parts[k]!;
    if (definitionText && markdown.slice(bounds[k], bounds[k + 1]).includes('[')) {
      part = parseDraftFragment(markdown, bounds[k]!, bounds[k + 1]!, definitionText);
      if (!readsAppendedDefinitions(part, bounds[k + 1]!, definitionRoots.length)) return undefined;
      yield;
    }
    read.push(claimsOfBlocks({ ...part, footnotes, definitions }, markdown, lines, resolver));
    yield;
  }
  return {
    claims: read.flatMap((r) => r.claims),
    skipped: read.flatMap((r) => r.skipped),
    skippedStarts: read.flatMap((r) => r.skippedStarts),
    text: markdown,
    resolver,
    lines,
    roots: parts.flatMap((part) => part.roots),
    reparsable: true,
  };
}

/** Offsets where a part may start (see above), about `chunkChars` apart; undefined when the draft must not be cut. */
export function cutPoints(markdown: string, chunkChars: number): number[] | undefined {
  const cuts: number[] = [];
  let fence: string | undefined;
  let previousBlank = false;
  // An HTML comment may be an ignore comment: it switches off the block after it, so no cut follows it.
  let afterComment = false;
  let lastCut = 0;
  let lineStart = 0;
  if (/^(?:---|\+\+\+)/.test(markdown)) {
    const end = closedFrontMatterEnd(markdown);
    if (end === undefined) return undefined;
    lineStart = end;
  }
  while (lineStart < markdown.length) {
    let lineEnd = lineStart;
    while (lineEnd < markdown.length && markdown.charCodeAt(lineEnd) !== 10 && markdown.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = markdown.slice(lineStart, lineEnd);
    const blank = /^[ \t]*$/.test(line);
    const opening = fence === undefined ? FENCE_OPENING.exec(line) : null;
    if (fence !== undefined) {
      const closing = FENCE_CLOSING.exec(line);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) fence = undefined;
    } else if (opening) {
      fence = opening[1];
    } else if (ONE_LINE_COMMENT.test(line)) {
      afterComment = true;
    } else if (/^ {0,3}</.test(line)) {
      // Other HTML blocks may run past blank lines.
      return undefined;
    } else if (!blank) {
      if (previousBlank && !afterComment && /^[\p{L}#]/u.test(line) && lineStart - lastCut >= chunkChars) {
        cuts.push(lineStart);
        lastCut = lineStart;
      }
      afterComment = false;
    }
    previousBlank = blank && fence === undefined;
    lineStart = lineEnd + (markdown.startsWith('\r\n', lineEnd) ? 2 : 1);
  }
  return cuts;
}
