// Hover on a claim: the verdict in words, then up to three evidence passages — the claim's words found in each set in
// bold — with the source's title, outlet and date, and links to open the source at that line and to cite it.

import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import type { CheckedClaim, Evidence, Verdict } from '../model';
import { ClientCommands, type CiteArguments, type OpenSourceArguments } from '../protocol';
import { tokenize } from '../text/tokens';
import { citedSources, claimIndexAt, findingCodes, sourceOf, type CheckedDocument } from './checkedDocument';
import { messageFor } from './diagnostics';

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

  const sections = [`**${VERDICT_LABEL[claim.verdict]}** (confidence ${Math.round(claim.confidence * 100)}%)`, summaryOf(claim, document.engine)];
  if (claim.citationMismatch) sections.push(escapeMarkdown(claim.citationMismatch.message));
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

function summaryOf(claim: CheckedClaim, engine: Engine): string {
  const code = findingCodes(claim).find((c) => c !== 'citation-mismatch');
  return escapeMarkdown(code ? messageFor(code, claim, engine) : claim.reason);
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
  return `> ${emphasise(passage.replace(/\s+/g, ' '), contentWords)}\n>\n> — ${credit} · ${links.join(' · ')}`;
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

/** The passage with the claim's content words in bold; neighbouring bold words share one pair of `**`. */
export function emphasise(passage: string, words: ContentWords): string {
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

/** Source text is prose, not Markdown: characters that would turn into markup are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}
