// Citation completion: after `[@` (or `; @` inside a Pandoc citation) and after `[^`, the source ids, ranked for the
// sentence at the cursor by how well each source backs it — the engine's rankSources, the ranking of Insert
// Citation… — the sources the sentence already cites last. Each item's documentation shows the source's title,
// outlet and date, whether it backs the sentence, and its best passage (Markdown-escaped). A footnote key of a source
// no definition names yet brings its definition along (an additional edit at the end of the draft, as the Cite fix
// writes it): in the item itself, or, where the client resolves additional edits (completionItem/resolve), only for
// the item chosen — a definition is a CSL note, milliseconds each, and the list holds up to 300 sources.

import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FootnoteStyle } from '../bibliography/formats';
import type { Engine } from '../engine';
import { engineForSentence } from './archive';
import { buildCitationEdits, existingFootnotes, footnoteLabel, type ExistingFootnotes } from '../findings/citations';
import { libraryCitationResolver } from '../sources/citationResolver';
import { citedSources } from '../findings/checkedDraft';
import { partitionPoint } from '../index/partitionPoint';
import type { DraftExtraction } from '../markdown/incrementalExtract';
import type { ClaimSentence, RankedSource, Source } from '../model';
import { escapeMarkdown } from './hover';

export const COMPLETION_TRIGGERS = ['@', '^'];

// Characters of a citation key already typed after the marker (Pandoc's key characters).
const KEY_CHAR = /[\w.:#$%&+?<>~/-]/;
// How far back (characters) the start of a Pandoc citation `[@a; @` is looked for on the line.
const BRACKET_LOOKBACK = 500;
const PASSAGE_MAX_CHARS = 400;
// At most this many items (a library of thousands): the list is then marked incomplete, and asked again as the key
// is typed.
const MAX_ITEMS = 300;

interface KeyContext {
  marker: '@' | '^';
  /** Offset of the first key character (after the marker) and of the end of the key typed so far. */
  start: number;
  end: number;
}

/** The citation key being typed at the offset: after `[@`, `; @` in an open `[`, or `[^`. */
export function keyContextAt(text: string, offset: number): KeyContext | undefined {
  let start = offset;
  while (start > 0 && KEY_CHAR.test(text[start - 1]!) && offset - start < 200) start--;
  let end = offset;
  while (end < text.length && KEY_CHAR.test(text[end]!) && end - offset < 200) end++;
  const marker = text[start - 1];
  if (marker === '^') return text[start - 2] === '[' ? { marker, start, end } : undefined;
  if (marker !== '@') return undefined;
  if (text[start - 2] === '[') return { marker, start, end };
  // `[@a; @` or `[see @`: an open bracket earlier on the line, with no closing one between.
  for (let at = start - 2; at >= 0 && at >= start - BRACKET_LOOKBACK; at--) {
    const c = text[at]!;
    if (c === '\n' || c === '\r' || c === ']') return undefined;
    if (c === '[') return /[\s;]/.test(text[start - 2] ?? '') ? { marker, start, end } : undefined;
  }
  return undefined;
}

/**
 * The claim a key typed at `offset` belongs to: the sentence holding it, else the sentence just before it on the same
 * line (a key typed after the stop, `… in Mexico. [^`).
 */
function claimFor(claims: readonly ClaimSentence[], text: string, offset: number): ClaimSentence | undefined {
  // The last claim starting at or before the offset (binary search: a book-length draft has tens of thousands).
  const best = claims[partitionPoint(claims.length, (k) => claims[k]!.startOffset <= offset) - 1];
  if (!best) return undefined;
  if (offset <= best.endOffset) return best;
  return /[\r\n]/.test(text.slice(best.endOffset, offset)) ? undefined : best;
}

export interface FootnoteCompletionOptions {
  footnoteStyle: FootnoteStyle;
  /** The client resolves `additionalTextEdits`: a `[^` item's definition is then written when the item is resolved. */
  lazyDefinitions: boolean;
  /** Reads the draft's text (the server's way: from its last reading, by the edited blocks only). */
  read?: DraftReader;
}

/** What a `[^` item whose definition is left to resolve carries. */
export interface PendingDefinition {
  uri: string;
  version: number;
  /** The cursor offset the list was made for. */
  offset: number;
  sourceId: string;
}

/** The key being typed at an offset, the sentence it belongs to, the engine that knows its sources, the footnotes. */
interface KeyAt {
  context: KeyContext;
  claim: ClaimSentence | undefined;
  engine: Engine;
  footnotes: FootnoteContext | undefined;
}

// The last list's key, so resolving its items does not read the draft and ask the archive again.
let lastKeyAt: { uri: string; version: number; offset: number; found: Promise<KeyAt | undefined> } | undefined;

/** Reads a draft's text into its claims. */
export type DraftReader = (text: string) => DraftExtraction;

function keyAt(document: TextDocument, offset: number, library: Engine, read?: DraftReader): Promise<KeyAt | undefined> {
  if (lastKeyAt && lastKeyAt.uri === document.uri && lastKeyAt.version === document.version && lastKeyAt.offset === offset) return lastKeyAt.found;
  const found = findKeyAt(document.getText(), offset, library, read ?? ((text) => library.extract(text)));
  lastKeyAt = { uri: document.uri, version: document.version, offset, found };
  return found;
}

async function findKeyAt(text: string, offset: number, library: Engine, read: DraftReader): Promise<KeyAt | undefined> {
  const context = keyContextAt(text, offset);
  if (!context) return undefined;
  const claim = claimFor(read(text).claims, text, offset);
  // With an archive, one round trip for the sentence; the sources it names are then known to this engine.
  const engine = claim ? (await engineForSentence(library, claim.fact ?? claim.text)).engine : library;
  return { context, claim, engine, footnotes: context.marker === '^' ? footnoteContext(text, context, engine) : undefined };
}

export async function citationCompletions(document: TextDocument, position: Position, library: Engine, options: FootnoteCompletionOptions): Promise<CompletionList | null> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const found = await keyAt(document, offset, library, options.read);
  if (!found) return null;
  const { context, claim, engine, footnotes } = found;
  const cited = claim ? citedSources(claim) : new Set<string>();
  const ranked = claim ? engine.rankSources(claim.fact ?? claim.text, cited) : [];
  const rankedIds = new Set(ranked.map((entry) => entry.id));
  // Ranked sources first (the cited ones are at the end of the ranking), then the others by id; cited ones last.
  const rest = engine.library.sources.filter((source) => !rankedIds.has(source.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const order: { source: Source; rank?: RankedSource }[] = [
    ...ranked.filter((entry) => !entry.cited).flatMap((rank) => sourceEntry(engine, rank)),
    ...rest.filter((source) => !cited.has(source.id)).map((source) => ({ source })),
    ...ranked.filter((entry) => entry.cited).flatMap((rank) => sourceEntry(engine, rank)),
    ...rest.filter((source) => cited.has(source.id)).map((source) => ({ source })),
  ];
  const typed = text.slice(context.start, offset).toLowerCase();
  const matching = order.length <= MAX_ITEMS || typed === '' ? order : order.filter(({ source }) => source.id.includes(typed));
  const shown = matching.slice(0, MAX_ITEMS);
  const range = { start: document.positionAt(context.start), end: document.positionAt(context.end) };
  const closes = text[context.end] === ']';
  const items = shown.map(({ source, rank }, index): CompletionItem => {
    const item: CompletionItem = {
      label: source.id,
      kind: CompletionItemKind.Reference,
      detail: source.title,
      documentation: { kind: MarkupKind.Markdown, value: documentation(source, rank, claim !== undefined, cited.has(source.id)) },
      sortText: String(index).padStart(5, '0'),
      filterText: source.id,
      insertTextFormat: InsertTextFormat.PlainText,
    };
    if (footnotes) {
      const { label, needsDefinition } = footnoteLabel(source.id, footnotes.existing);
      item.textEdit = { range, newText: closes ? label : `${label}]` };
      if (label !== source.id) item.filterText = `${source.id} ${label}`;
      if (needsDefinition && options.lazyDefinitions) {
        item.data = { uri: document.uri, version: document.version, offset, sourceId: source.id } satisfies PendingDefinition;
      } else if (needsDefinition) {
        item.additionalTextEdits = definitionEdits(document, found, source.id, options.footnoteStyle);
      }
    } else {
      item.textEdit = { range, newText: closes ? source.id : `${source.id}]` };
    }
    return item;
  });
  return { isIncomplete: matching.length > shown.length, items };
}

function sourceEntry(engine: Engine, rank: RankedSource): { source: Source; rank: RankedSource }[] {
  const source = engine.source(rank.id);
  return source ? [{ source, rank }] : [];
}

/** A `[^` item left to resolve, with its definition: the item as it was when it is not one, or the draft changed. */
export async function resolveFootnoteDefinition(
  item: CompletionItem,
  document: TextDocument | undefined,
  library: Engine | undefined,
  footnoteStyle: FootnoteStyle,
  read?: DraftReader,
): Promise<CompletionItem> {
  const pending = item.data as PendingDefinition | undefined;
  if (!pending?.sourceId || !document || !library || document.uri !== pending.uri || document.version !== pending.version) return item;
  const found = await keyAt(document, pending.offset, library, read);
  if (!found?.footnotes) return item;
  const edits = definitionEdits(document, found, pending.sourceId, footnoteStyle);
  return edits.length > 0 ? { ...item, additionalTextEdits: edits } : item;
}

interface FootnoteContext {
  /** The text without the half-typed reference (`[^ab]`), so it is not read as a label. */
  without: string;
  /** The definitions of the draft, found once for all items. */
  existing: ExistingFootnotes;
}

function footnoteContext(text: string, context: KeyContext, engine: Engine): FootnoteContext {
  const without = text.slice(0, context.start - 2) + text.slice(context.end + (text[context.end] === ']' ? 1 : 0));
  return { without, existing: existingFootnotes(without, libraryCitationResolver(engine.library.sources)) };
}

/**
 * The edits adding the definition of a footnote key of the source, at the end of the draft, exactly as the Cite fix
 * writes them (`buildCitationEdits`), minus the reference itself, which the completion types (its label is
 * `footnoteLabel`'s, as the fix's is).
 */
function definitionEdits(document: TextDocument, { context, claim, engine, footnotes }: KeyAt, sourceId: string, footnoteStyle: FootnoteStyle): TextEdit[] {
  const { without, existing } = footnotes!;
  const text = document.getText();
  const at = context.start - 2;
  const request = { claim: { startOffset: Math.min(claim?.startOffset ?? at, at), endOffset: at, citations: [] }, sourceId };
  const edits = buildCitationEdits(without, [request], engine, { citationStyle: 'footnote', footnoteStyle }, () => existing);
  const removed = text.length - without.length;
  return edits
    .filter((edit) => !/^\[\^[^\]]+\]$/.test(edit.newText))
    .map((edit) => {
      // Back to offsets of the real text: edits after the reference moved by what was left out.
      const shift = (offset: number) => (offset > at ? offset + removed : offset);
      return { range: { start: document.positionAt(shift(edit.start)), end: document.positionAt(shift(edit.end)) }, newText: edit.newText };
    });
}

function documentation(source: Source, rank: RankedSource | undefined, hasSentence: boolean, cited: boolean): string {
  const credit = [`*${escapeMarkdown(source.title)}*`, ...[source.outlet, source.author, source.date].filter((part): part is string => Boolean(part)).map(escapeMarkdown)];
  const sections = [credit.join(' — ')];
  if (cited) sections.push('Already cited in this sentence.');
  if (rank) {
    const verdict = rank.verdict === 'supported' ? 'Backs the sentence' : rank.verdict === 'contradicted' ? 'Contradicts the sentence' : 'Does not back the sentence';
    sections.push(`${verdict} (score ${rank.score.toFixed(2)}). Best passage, line ${rank.line}:`);
    const passage = rank.passage.length > PASSAGE_MAX_CHARS ? `${rank.passage.slice(0, PASSAGE_MAX_CHARS - 1).trimEnd()}…` : rank.passage;
    sections.push(`> ${escapeMarkdown(passage.replace(/\s+/g, ' '))}`);
  } else if (hasSentence) {
    sections.push('No passage of it bears on the sentence.');
  }
  sections.push(`\`${source.id}\``);
  return sections.join('\n\n');
}
