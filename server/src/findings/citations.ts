// Building the edit that cites a source after a claim, in the writer's citation style:
//   footnote: `[^id]` right after the sentence (after its closing punctuation and any markers already there, but never
//             right after a backslash, which would escape it), and the definition — the source in the configured CSL
//             style (`[^id]: Veronica Crespo, “Talks in Mexico,” Miami Herald, August 13, 2021.`, Chicago notes by
//             default) — appended once at the end of the document, in the document's own line breaks; or no
//             definition at all when the document already has one naming that source, whatever its label;
//   pandoc:   `[@id]` before the closing punctuation (looking past trailing emoji and backslashes), merged into a
//             Pandoc citation already there (`[@a; @id]`).
// Idempotent: a claim already citing the source gets no edit, and a definition is never written twice.

import type { Engine } from '../engine';
import { CitationResolution, type CitationResolver } from '../markdown/citations';
import { libraryCitationResolver, oneLine } from '../sources/citationResolver';
import { endOf, parseDraft, startOf, type ParsedDraft } from '../markdown/parseDraft';
import { LineIndex } from '../markdown/positions';
import type { Nodes, Root } from 'mdast';
import type { CheckedClaim, SourceMetadata } from '../model';
import { formatFootnote } from '../bibliography/footnote';
import type { FootnoteStyle } from '../bibliography/formats';
import type { CitationFormat } from './codes';
import { citedSources, linesOf, parsedDraftOf, sourceOf, type CheckedDraft } from './checkedDraft';
import { lineEnding, type OffsetEdit } from './edits';

export interface CitationRequest {
  claim: Pick<CheckedClaim, 'startOffset' | 'endOffset' | 'citations'>;
  sourceId: string;
}

/**
 * The edits citing each requested source after its claim; empty when every claim already cites its source.
 * `footnotes` gives the document's footnote definitions when the caller keeps them (per checked version: see
 * `existingFootnotesOf`); without it the text is parsed when the footnote style needs them.
 */
export function buildCitationEdits(
  text: string,
  requests: readonly CitationRequest[],
  engine: Engine,
  format: CitationFormat,
  footnotes: () => ExistingFootnotes = () => existingFootnotes(text, libraryCitationResolver(engine.library.sources)),
): OffsetEdit[] {
  const wanted = requests.filter(({ claim, sourceId }) => !citedSources(claim).has(sourceId) && sourceOf(engine, sourceId));
  // One edit per claim and source, even if asked twice.
  const unique = [...new Map(wanted.map((request) => [`${request.claim.startOffset}\u0000${request.sourceId}`, request])).values()];
  if (unique.length === 0) return [];
  return format.citationStyle === 'pandoc' ? pandocEdits(text, unique) : footnoteEdits(text, unique, engine, format.footnoteStyle, footnotes());
}

// ---- Footnotes ---------------------------------------------------------------------------------------------------

function footnoteEdits(
  text: string,
  requests: readonly CitationRequest[],
  engine: Engine,
  footnoteStyle: FootnoteStyle,
  existing: ExistingFootnotes,
): OffsetEdit[] {
  const usedLabels = new Set(existing.usedLabels);
  const labelOf = new Map<string, string>();
  const newDefinitions: string[] = [];
  for (const { sourceId } of requests) {
    if (labelOf.has(sourceId)) continue;
    const { label, needsDefinition } = footnoteLabel(sourceId, existing, usedLabels);
    labelOf.set(sourceId, label);
    if (!needsDefinition) continue;
    usedLabels.add(label.toLowerCase());
    newDefinitions.push(footnoteDefinition(label, sourceOf(engine, sourceId)!, footnoteStyle));
  }

  // Several sources for one claim go in request order after the sentence; edits at one offset keep their order.
  const edits: OffsetEdit[] = requests.map(({ claim, sourceId }) => {
    const at = footnoteOffset(text, claim.startOffset, claim.endOffset);
    return { start: at, end: at, newText: `[^${labelOf.get(sourceId)}]` };
  });
  if (newDefinitions.length > 0) {
    const at = existing.definitionsAt;
    edits.push(
      at === undefined
        ? { start: text.length, end: text.length, newText: definitionsBlock(text, newDefinitions) }
        : { start: at, end: at, newText: definitionsBefore(text, at, newDefinitions) },
    );
  }
  return edits;
}

/**
 * Where a footnote reference goes: right after the sentence — but never right after a backslash, which would escape
 * the bracket (`\\[^id]` is text, not a footnote): a sentence ending in backslashes gets it before them.
 */
function footnoteOffset(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && text.charCodeAt(at - 1) === 92 /* \ */) at--;
  return at;
}

/**
 * `[^label]: ` and the source in a CSL style (see `footnoteDefinitionText`).
 *
 *   footnoteDefinition('crespo', { id: 'crespo', title: 'Talks in Mexico', author: 'Veronica Crespo', outlet: 'Miami Herald' }, 'chicago-note')
 *   → '[^crespo]: Veronica Crespo, “Talks in Mexico,” Miami Herald. crespo'
 */
export function footnoteDefinition(label: string, source: SourceMetadata, style: FootnoteStyle): string {
  return `[^${label}]: ${footnoteDefinitionText(source, style)}`;
}

// By style and the metadata a note is made of, so a reloaded library (new source objects, mostly the same metadata)
// formats nothing again: citeproc takes milliseconds a note (about 3 for Chicago, 7 for APA, on a busy 2-core
// machine), and the lightbulb asks for the Cite fixes each time the cursor moves onto a claim, the `[^` completion
// for every source it lists. Emptied when it grows past a library's worth.
const definitionTexts = new Map<string, string>();
const MAX_DEFINITION_TEXTS = 20_000;

/**
 * The text of a source's footnote definition: the source formatted in the CSL style (`formatFootnote`), written only
 * when a fix needs it and then kept. A source's metadata is data, not Markdown: the note is one plain line (line
 * breaks collapsed, control characters dropped, Markdown-active characters escaped), so a title can bring no HTML,
 * link, heading or second definition into the draft. A URL goes in only when it is a plain http(s) URL, unescaped (an
 * autolink). With a definition, only its text names the source (whatever the label): by the URL, or by the title it
 * starts with; when it does neither (a note that opens with the author), the source id follows it.
 */
export function footnoteDefinitionText(source: SourceMetadata, style: FootnoteStyle): string {
  const key = JSON.stringify([style, source.id, source.title, source.outlet, source.author, source.date, source.url]);
  let text = definitionTexts.get(key);
  if (text === undefined) {
    if (definitionTexts.size >= MAX_DEFINITION_TEXTS) definitionTexts.clear();
    definitionTexts.set(key, (text = writeDefinitionText(source, style)));
  }
  return text;
}

function writeDefinitionText(source: SourceMetadata, style: FootnoteStyle): string {
  const url = source.url !== undefined && PLAIN_URL.test(source.url) ? source.url : undefined;
  const { url: _unsafeUrl, ...withoutUrl } = source;
  const note = oneLine(formatFootnote(url === undefined ? withoutUrl : source, style));
  const at = url === undefined ? -1 : note.indexOf(url);
  if (at >= 0) return escapeMarkdown(note.slice(0, at), true) + url + escapeMarkdown(note.slice(at + url!.length), false);
  const text = escapeMarkdown(note, true);
  // The style left the URL out, or there is none: the URL, the title the note starts with, or the id names the source.
  if (url !== undefined) return `${withFinalStop(text)} ${url}`;
  return libraryCitationResolver([source]).sourceIdForTitle?.(note) === source.id ? text : `${withFinalStop(text)} ${source.id}`;
}

// An http(s) URL with nothing Markdown or a terminal would read into: no spaces, brackets, quotes, angle brackets,
// backslashes or control characters.
const PLAIN_URL = /^https?:\/\/[^\s<>"'`\\[\](){}|\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+$/i;

// Characters that make Markdown out of text anywhere in a line: emphasis, code, links, images, HTML, entities,
// strikethrough, table pipes, and the backslash itself.
const MARKDOWN_ACTIVE = /[\\`*_[\]<>&~|]/g;

/**
 * Metadata as one line of plain Markdown text: `oneLine`, then every Markdown-active character escaped, and (at the
 * start of a definition's text) a leading marker that would open a heading, list or quote escaped too.
 */
export function plainCiteText(text: string, atStart: boolean): string {
  return escapeMarkdown(oneLine(text), atStart);
}

/** A line of text (see `oneLine`) with its Markdown-active characters escaped; its spaces kept, at the ends too. */
function escapeMarkdown(line: string, atStart: boolean): string {
  let plain = line.replace(MARKDOWN_ACTIVE, (char) => `\\${char}`);
  if (atStart) {
    const ordered = /^\d{1,9}(?=[.)])/.exec(plain);
    if (ordered) plain = `${ordered[0]}\\${plain.slice(ordered[0].length)}`;
    else if (/^[#+=-]/.test(plain)) plain = `\\${plain}`;
  }
  return plain;
}

function withFinalStop(text: string): string {
  const trimmed = text.trim();
  return endsWithStop(trimmed) ? trimmed : `${trimmed}.`;
}

/** Ends with a stop, maybe followed by closing quotes or a bracket (a scan: the pattern backtracks on long runs). */
function endsWithStop(text: string): boolean {
  let end = text.length;
  while (end > 0 && '"\'”’)'.includes(text[end - 1]!)) end--;
  return end > 0 && '.!?…'.includes(text[end - 1]!);
}

/**
 * The label a footnote reference to the source takes: the label of a definition already naming it, else the id (or
 * `id-2`… when a definition of something else uses it), which then needs a definition of its own. `usedLabels` (lower
 * case) defaults to the document's.
 */
export function footnoteLabel(
  sourceId: string,
  existing: ExistingFootnotes,
  usedLabels: ReadonlySet<string> = existing.usedLabels,
): { label: string; needsDefinition: boolean } {
  const reused = existing.labelBySource.get(sourceId);
  return reused !== undefined ? { label: reused, needsDefinition: false } : { label: freeLabel(sourceId, usedLabels), needsDefinition: true };
}

/** The source id as the label, unless a definition for something else already uses it. */
function freeLabel(sourceId: string, usedLabels: ReadonlySet<string>): string {
  if (!usedLabels.has(sourceId.toLowerCase())) return sourceId;
  for (let n = 2; ; n++) {
    const label = `${sourceId}-${n}`;
    if (!usedLabels.has(label.toLowerCase())) return label;
  }
}

/**
 * New definitions at the end of the document, in its own line breaks ("\r\n", "\r" or "\n"), separated from the
 * text by a blank line unless they follow other definitions.
 */
function definitionsBlock(text: string, definitions: readonly string[]): string {
  const eol = lineEnding(text);
  const body = definitions.join(eol) + eol;
  if (!/\S/.test(text)) return body;
  // The last line, read from the end (a "\r\n" is one line break), without copying the text.
  let end = text.length;
  const endsWithLineBreak = isLineBreak(text.charCodeAt(end - 1));
  if (endsWithLineBreak) end -= text.charCodeAt(end - 1) === 10 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
  let start = end;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  const lastLine = text.slice(start, end);
  // Already after a blank line ("…\n\n", or a last line of spaces): nothing to add but the line break it may lack.
  if (lastLine.trim() === '') return (endsWithLineBreak ? '' : eol) + body;
  // Footnote definitions follow one another without a blank line; after anything else one is needed, or the
  // definition would be read as part of the paragraph.
  const blankLineNeeded = !/^ {0,3}\[\^[^\]]+\]:/.test(lastLine);
  return (endsWithLineBreak ? '' : eol) + (blankLineNeeded ? eol : '') + body;
}

/**
 * New definitions on their own lines at `at`, the start of the block the document ends inside (an unclosed code
 * fence or HTML comment, which would swallow definitions appended after it): a blank line before them unless one is
 * there, and one after.
 */
function definitionsBefore(text: string, at: number, definitions: readonly string[]): string {
  const eol = lineEnding(text);
  let lineStart = at;
  if (lineStart > 0 && isLineBreak(text.charCodeAt(lineStart - 1))) lineStart -= text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? 2 : 1;
  let previous = lineStart;
  while (previous > 0 && !isLineBreak(text.charCodeAt(previous - 1))) previous--;
  const afterBlankLine = at === 0 || text.charCodeAt(0) === 0xfeff && at === 1 || text.slice(previous, lineStart).trim() === '';
  return (afterBlankLine ? '' : eol) + definitions.join(eol) + eol + eol;
}

/**
 * Where new definitions must go when the document ends inside a block that runs to its end — an unclosed code fence,
 * HTML comment, processing instruction, CDATA section or `<script>`-like element, at any depth of lists and quotes —
 * the start of the line of the top-level block holding it; undefined when the end of the document is free.
 */
export function openBlockStart(tree: Root, text: string): number | undefined {
  const top = tree.children[tree.children.length - 1] as Nodes | undefined;
  let node = top;
  while (node) {
    if (text.slice(endOf(node)).trim() !== '') return undefined;
    if ((node.type === 'code' && isOpenFence(text.slice(startOf(node), endOf(node)))) || (node.type === 'html' && isOpenHtml(node.value))) {
      let start = startOf(top!);
      while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
      return start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
    }
    const children: readonly Nodes[] | undefined =
      node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition' ? (node.children as Nodes[]) : undefined;
    node = children?.[children.length - 1];
  }
  return undefined;
}

/** A fenced code block (its raw text) whose last line is not a closing fence. */
function isOpenFence(raw: string): boolean {
  const opening = /^[ \t]*(`{3,}|~{3,})/.exec(raw);
  if (!opening) return false;
  const lines = raw.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1]!.replace(/^[ \t>]*/, '').trimEnd();
  const fence = opening[1]!;
  return !(last.length >= fence.length && last === fence[0]!.repeat(last.length));
}

/** An HTML block of a kind that only its end marker closes (not a blank line), without that marker. */
function isOpenHtml(value: string): boolean {
  if (value.startsWith('<!--')) return !value.includes('-->', 2);
  if (value.startsWith('<?')) return !value.includes('?>', 2);
  if (value.startsWith('<![CDATA[')) return !value.includes(']]>');
  if (/^<![A-Za-z]/.test(value)) return !value.includes('>');
  const element = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(value);
  return element !== null && !value.toLowerCase().includes(`</${element[1]!.toLowerCase()}>`);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

export interface ExistingFootnotes {
  /** For each source named by a definition in the document: the label to reuse, one-source definitions preferred. */
  labelBySource: Map<string, string>;
  /** Labels (lower case) of the definitions already in the document. */
  usedLabels: Set<string>;
  /** Where new definitions go when the document ends inside an unclosed block (see `openBlockStart`). */
  definitionsAt?: number;
}

/**
 * Whether the text may hold a footnote definition: a `[^` and, later on the same line, a `]:` (a label cannot span
 * lines). A text without one has none, and needs no parse. One scan (a pattern like `/\[\^.*?\]:/` goes back over
 * the rest of the line from every `[^`, quadratic on a long line of them).
 */
export function maybeFootnoteDefinition(text: string): boolean {
  let opened = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) opened = false;
    else if (c === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */) {
      opened = true;
      i++;
    } else if (opened && c === 93 /* ] */ && text.charCodeAt(i + 1) === 58 /* : */) return true;
  }
  return false;
}

/** Whether the document may end inside a block only its end marker closes (a fence, a comment…): then it is parsed. */
function mayEndInsideOpenBlock(text: string): boolean {
  return text.includes('```') || text.includes('~~~') || text.includes('<');
}

const NO_FOOTNOTES = (): ExistingFootnotes => ({ labelBySource: new Map(), usedLabels: new Set() });

const footnotesByDocument = new WeakMap<CheckedDraft, ExistingFootnotes>();

/** The footnote definitions of a checked document: found once per checked version, then kept with it. */
export function existingFootnotesOf(document: CheckedDraft): ExistingFootnotes {
  let found = footnotesByDocument.get(document);
  if (!found) {
    const resolver = libraryCitationResolver(document.engine.library.sources);
    found =
      maybeFootnoteDefinition(document.text) || mayEndInsideOpenBlock(document.text)
        ? existingFootnotes(document.text, resolver, parsedDraftOf(document), linesOf(document))
        : NO_FOOTNOTES();
    footnotesByDocument.set(document, found);
  }
  return found;
}

/** The document's footnote definitions, resolved exactly as the engine resolves them when it checks the draft. */
export function existingFootnotes(text: string, resolver: CitationResolver, parsed?: ParsedDraft, lines?: LineIndex): ExistingFootnotes {
  if (!parsed && !maybeFootnoteDefinition(text) && !mayEndInsideOpenBlock(text)) return NO_FOOTNOTES();
  const draft = parsed ?? parseDraft(text);
  const resolution = new CitationResolution(resolver, draft.footnotes, draft.definitions, lines ?? new LineIndex(text));
  const labelBySource = new Map<string, string>();
  const sharedLabelBySource = new Map<string, string>();
  const usedLabels = new Set<string>();
  for (const [identifier, definition] of draft.footnotes) {
    const label = definition.label ?? identifier;
    usedLabels.add(label.toLowerCase());
    const named = resolution
      .resolve({ kind: 'footnote', label, footnoteIdentifier: identifier, start: 0, end: 0, at: 0, zeroWidth: true })
      .flatMap((citation) => (citation.sourceId ? [citation.sourceId] : []));
    const target = named.length === 1 ? labelBySource : sharedLabelBySource;
    for (const id of named) if (!target.has(id)) target.set(id, label);
  }
  for (const [id, label] of sharedLabelBySource) if (!labelBySource.has(id)) labelBySource.set(id, label);
  const definitionsAt = openBlockStart(draft.tree, text);
  return definitionsAt === undefined ? { labelBySource, usedLabels } : { labelBySource, usedLabels, definitionsAt };
}

// ---- Pandoc ------------------------------------------------------------------------------------------------------

// Every look at the end of a sentence below is a backward scan, linear in what it passes: the patterns they replace
// (`/(?:\s*\[[^\]]*@[^\]]*\])+\s*$/`, `/[.!?…]+(?=[…]*$)/`, `/[\s\p{Extended_Pictographic}…]+$/`) are retried from
// every position of a long run that does not reach the end, quadratic on a 100 KB sentence.

// What may trail a sentence after its closing punctuation without being part of it: emoji (with their modifiers,
// joiners, variation selectors and flags), backslashes (a hard line break, or a stray one), spaces.
const DECORATION = /^[\s\\\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]$/u;
// Closing quotes, brackets or emphasis markers that may follow the closing punctuation.
const CLOSERS = '"\'”’»)*_]';
const TERMINATORS = '.!?…';

/** The end of `text` before its trailing decoration (`end` at most). */
export function withoutTrailingDecoration(text: string, end = text.length): number {
  while (end > 0) {
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end > 1 && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
    if (!DECORATION.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return end;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The end of `text` before the citation markers it ends with (`[^1]`, `[@key]`, with spaces between), `end` at most. */
export function withoutTrailingMarkers(text: string, end = text.length): number {
  let kept = end;
  let at = end;
  for (;;) {
    let close = at;
    while (close > 0 && /\s/.test(text[close - 1]!)) close--;
    if (close === 0 || text[close - 1] !== ']') break;
    let open = close - 1;
    while (open > 0 && text[open - 1] !== '[' && text[open - 1] !== ']') open--;
    if (open === 0 || text[open - 1] !== '[') break;
    const content = text.slice(open, close - 1);
    if (!(/^\^[^\s\]]+$/.test(content) || content.includes('@'))) break;
    at = open - 1;
    kept = at;
  }
  if (kept === end) return end;
  while (kept > 0 && /\s/.test(text[kept - 1]!)) kept--;
  return kept;
}

/** Where the sentence's closing punctuation starts (before closing quotes, brackets, emphasis), or undefined. */
export function closingPunctuationAt(text: string, end = text.length): number | undefined {
  let at = end;
  while (at > 0 && CLOSERS.includes(text[at - 1]!)) at--;
  if (at === 0 || !TERMINATORS.includes(text[at - 1]!)) return undefined;
  while (at > 0 && TERMINATORS.includes(text[at - 1]!)) at--;
  return at;
}

/** A Pandoc citation right before the end (spaces aside), to add the key to it instead of writing a second bracket. */
function pandocBefore(text: string): { close: number } | undefined {
  let close = text.length;
  while (close > 0 && /\s/.test(text[close - 1]!)) close--;
  if (close === 0 || text[close - 1] !== ']') return undefined;
  let open = close - 1;
  while (open > 0 && text[open - 1] !== '[' && text[open - 1] !== ']') open--;
  if (open === 0 || text[open - 1] !== '[' || !text.slice(open, close - 1).includes('@')) return undefined;
  return { close: close - 1 };
}

function pandocEdits(text: string, requests: readonly CitationRequest[]): OffsetEdit[] {
  // Several sources for one claim become one bracket: `[@a; @b]`.
  const keysByClaim = new Map<number, { claim: CitationRequest['claim']; keys: string[] }>();
  for (const { claim, sourceId } of requests) {
    const entry = keysByClaim.get(claim.startOffset) ?? { claim, keys: [] };
    entry.keys.push(sourceId);
    keysByClaim.set(claim.startOffset, entry);
  }
  return [...keysByClaim.values()].map(({ claim, keys }) => pandocEdit(text, claim.startOffset, claim.endOffset, keys));
}

function pandocEdit(text: string, start: number, end: number, keys: readonly string[]): OffsetEdit {
  const sentence = text.slice(start, end);
  const bare = withoutTrailingDecoration(sentence, withoutTrailingMarkers(sentence, withoutTrailingDecoration(sentence)));
  const insertAt = start + (closingPunctuationAt(sentence, bare) ?? bare);
  const before = text.slice(start, insertAt);
  const cited = keys.map((key) => `@${key}`).join('; ');

  const existing = pandocBefore(before);
  if (existing) {
    const closingBracket = start + existing.close;
    return { start: closingBracket, end: closingBracket, newText: `; ${cited}` };
  }
  const space = /\s$/.test(before) || before === '' ? '' : ' ';
  return { start: insertAt, end: insertAt, newText: `${space}[${cited}]` };
}
