// Hover on a claim: the verdict and its confidence, what the claim's findings say (worded by the findings module,
// Markdown-escaped), then up to three evidence passages — the claim's words found in each set in bold, the source's
// conflicting words in bold code — with the source's title, outlet and date, and links to open the source at that
// line and to cite it.

import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { citedSources, claimIndexAt, findingCodes, sourceOf } from '../findings/checkedDraft';
import { detailFor } from '../findings/messages';
import type { CheckedClaim, Evidence, Verdict } from '../model';
import { ClientCommands, type CiteArguments, type OpenSourceArguments } from '../protocol';
import { tokenize } from '../text/tokens';
import { isWordChar } from '../findings/replacement';
import type { CheckedDocument } from './checkedDocument';

const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  unsupported: 'Unsupported',
  contradicted: 'Contradicted',
};
const PASSAGE_MAX_CHARS = 700;

export function hoverAt(document: CheckedDocument, offset: number): Hover | null {
  const index = claimIndexAt(document, offset);
  if (index < 0) return null;
  const claim = document.report.claims[index]!;
  const backing = document.backing[index] ?? [];
  const cited = citedSources(claim);

  // The detail of every finding of the claim, even one whose severity is off: the writer asked about this sentence.
  // (The editor shows the findings' whole messages above the hover already.)
  const details = findingCodes(claim).map((code) => detailFor(code, claim, document.engine));
  const lead = `**${VERDICT_LABEL[claim.verdict]}** (confidence ${Math.round(claim.confidence * 100)}%)${details.length > 0 ? ` — ${details.map(escapeMarkdown).join('; ')}` : ''}`;
  const sections = [lead];
  const contentWords = contentWordsOf(claim.text);
  const citeOffered = new Set<string>();
  for (const evidence of claim.evidence.slice(0, 3)) {
    // One "Cite" link per source, on its best passage; none for a file checked from disk (no version to edit).
    const citable = document.version !== undefined && backing.includes(evidence.sourceId) && !cited.has(evidence.sourceId) && !citeOffered.has(evidence.sourceId);
    if (citable) citeOffered.add(evidence.sourceId);
    sections.push(evidenceSection(evidence, document, claim, contentWords, citable));
  }
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') }, range: claim.range };
}

function evidenceSection(evidence: Evidence, document: CheckedDocument, claim: CheckedClaim, contentWords: ContentWords, citable: boolean): string {
  const source = sourceOf(document.engine, evidence.sourceId);
  const passage = evidence.text.length > PASSAGE_MAX_CHARS ? `${evidence.text.slice(0, PASSAGE_MAX_CHARS - 1).trimEnd()}…` : evidence.text;
  const credit = [source ? `*${escapeMarkdown(source.title)}*` : escapeMarkdown(evidence.sourceId), source?.outlet, source?.date]
    .filter((part): part is string => Boolean(part))
    .map((part, i) => (i === 0 ? part : escapeMarkdown(part)))
    .join(', ');
  const open: OpenSourceArguments = { sourceId: evidence.sourceId, line: evidence.line };
  const links = [`[Open at line ${evidence.line}](${commandLink(ClientCommands.openSource, open)})`];
  if (citable) {
    const cite: CiteArguments = { uri: document.uri, version: document.version!, position: claim.range.start, sourceId: evidence.sourceId };
    links.push(`[Cite](${commandLink(ClientCommands.insertCitation, cite)})`);
  }
  const conflict = claim.verdict === 'contradicted' && claim.conflict?.sourceId === evidence.sourceId ? claim.conflict.source : undefined;
  return `> ${emphasise(passage.replace(/\s+/g, ' '), contentWords, conflict)}\n>\n> — ${credit} · ${links.join(' · ')}`;
}

/** `command:` link with its argument as URI-encoded JSON, the form VS Code's Markdown renderer runs. */
export function commandLink(command: string, argument: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(argument))}`;
}

interface ContentWords {
  folded: Set<string>;
  stems: Set<string>;
}

function contentWordsOf(text: string): ContentWords {
  const words: ContentWords = { folded: new Set(), stems: new Set() };
  for (const token of tokenize(text)) {
    if (token.stop) continue;
    words.folded.add(token.folded);
    words.stems.add(token.stem);
  }
  return words;
}

/**
 * The passage with the claim's content words in bold (neighbouring bold words share one pair of `**`), and the
 * source's words that conflict with the claim, when given and found as whole words, in bold code: `**`50`**`.
 */
export function emphasise(passage: string, words: ContentWords, conflict?: string): string {
  const at = conflict ? wholeWordsAt(passage, conflict) : -1;
  if (at < 0) return emphasiseWords(passage, words);
  const end = at + conflict!.length;
  return emphasiseWords(passage.slice(0, at), words) + `**${codeSpan(passage.slice(at, end))}**` + emphasiseWords(passage.slice(end), words);
}

function emphasiseWords(passage: string, words: ContentWords): string {
  const matched = tokenize(passage).filter((token) => !token.stop && (words.folded.has(token.folded) || words.stems.has(token.stem)));
  const runs: { start: number; end: number }[] = [];
  for (const token of matched) {
    const last = runs[runs.length - 1];
    if (last && /^ +$/.test(passage.slice(last.end, token.start))) last.end = token.end;
    else runs.push({ start: token.start, end: token.end });
  }
  let result = '';
  let at = 0;
  for (const run of runs) {
    result += escapeMarkdown(passage.slice(at, run.start)) + `**${escapeMarkdown(passage.slice(run.start, run.end))}**`;
    at = run.end;
  }
  return result + escapeMarkdown(passage.slice(at));
}

/** Where `words` occur in `text` as whole words, ignoring case; -1 when they do not. */
function wholeWordsAt(text: string, words: string): number {
  const haystack = text.toLowerCase();
  const needle = words.toLowerCase();
  if (needle.trim() === '') return -1;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + words.length])) return at;
  }
  return -1;
}

/** A code span holding `text` literally, whatever backticks it contains. */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Source text is prose, not Markdown: characters that would turn into markup are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}
