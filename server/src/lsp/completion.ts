// Citation completion: after `[@` (or `; @` inside a Pandoc citation) and after `[^`, the source ids, ranked for the
// sentence at the cursor by how well each source backs it — the engine's rankSources, the ranking of Insert
// Citation… — the sources the sentence already cites last. Each item's documentation shows the source's title,
// outlet and date, whether it backs the sentence, and its best passage (Markdown-escaped). A footnote key of a source
// no definition names yet brings its definition along (an additional edit at the end of the draft, as the Cite fix
// writes it).

import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FootnoteStyle } from '../bibliography/formats';
import type { Engine } from '../engine';
import { engineForSentence } from './archive';
import { buildCitationEdits, existingFootnotes, type ExistingFootnotes } from '../findings/citations';
import { libraryCitationResolver } from '../sources/citationResolver';
import { citedSources } from '../findings/checkedDraft';
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
  let best: ClaimSentence | undefined;
  for (const claim of claims) {
    if (claim.startOffset > offset) break;
    best = claim;
  }
  if (!best) return undefined;
  if (offset <= best.endOffset) return best;
  return /[\r\n]/.test(text.slice(best.endOffset, offset)) ? undefined : best;
}

export async function citationCompletions(document: TextDocument, position: Position, library: Engine, footnoteStyle: FootnoteStyle): Promise<CompletionList | null> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const context = keyContextAt(text, offset);
  if (!context) return null;
  const claim = claimFor(library.extract(text).claims, text, offset);
  const cited = claim ? citedSources(claim) : new Set<string>();
  // With an archive, one round trip for the sentence; the sources it names are then known to this engine.
  const engine = claim ? (await engineForSentence(library, claim.fact ?? claim.text)).engine : library;
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
  const footnotes = context.marker === '^' ? footnoteContext(text, context, engine) : undefined;
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
    if (context.marker === '^') {
      const { label, definitionEdits } = footnoteKey(document, footnotes!, claim, context, source.id, engine, footnoteStyle);
      item.textEdit = { range, newText: closes ? label : `${label}]` };
      if (label !== source.id) item.filterText = `${source.id} ${label}`;
      if (definitionEdits.length > 0) item.additionalTextEdits = definitionEdits;
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

/**
 * The label a footnote reference to the source takes and the edits adding its definition: the label of a definition
 * already naming the source, or the id with a new definition at the end of the draft — both exactly as the Cite fix
 * writes them (`buildCitationEdits`), minus the reference itself, which the completion types.
 */
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

function footnoteKey(
  document: TextDocument,
  { without, existing }: FootnoteContext,
  claim: ClaimSentence | undefined,
  context: KeyContext,
  sourceId: string,
  engine: Engine,
  footnoteStyle: FootnoteStyle,
): { label: string; definitionEdits: TextEdit[] } {
  const text = document.getText();
  const at = context.start - 2;
  const request = { claim: { startOffset: Math.min(claim?.startOffset ?? at, at), endOffset: at, citations: [] }, sourceId };
  const edits = buildCitationEdits(without, [request], engine, { citationStyle: 'footnote', footnoteStyle }, () => existing);
  const reference = edits.find((edit) => /^\[\^[^\]]+\]$/.test(edit.newText));
  const label = reference ? reference.newText.slice(2, -1) : sourceId;
  const removed = text.length - without.length;
  const definitionEdits = edits
    .filter((edit) => edit !== reference)
    .map((edit) => {
      // Back to offsets of the real text: edits after the reference moved by what was left out.
      const shift = (offset: number) => (offset > at ? offset + removed : offset);
      return { range: { start: document.positionAt(shift(edit.start)), end: document.positionAt(shift(edit.end)) }, newText: edit.newText };
    });
  return { label, definitionEdits };
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
