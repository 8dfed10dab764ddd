// Hover on a citation key: the source's metadata (title, outlet, author, date, URL, id) and whether the source backs
// the sentence that cites it, with a link to open it there. Over the rest of a claim the claim's hover (hover.ts).

import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { ClientCommands, type OpenSourceArguments } from '../protocol';
import type { CheckedDocument } from './checkedDocument';
import { backingLocation, citationKeyAt } from './citationKeys';
import { commandLink, escapeMarkdown } from './hover';

export function citationHoverAt(document: CheckedDocument, offset: number): Hover | null {
  const key = citationKeyAt(document, offset);
  if (!key) return null;
  const engine = document.engine;
  const source = engine.source(key.citation.sourceId);
  if (!source) return null;
  const metadata = [
    `*${escapeMarkdown(oneLine(source.title))}*`,
    ...[source.outlet, source.author, source.date].filter((part): part is string => Boolean(part)).map((part) => escapeMarkdown(oneLine(part))),
  ].join(' — ');
  const lines = [metadata];
  if (source.url && /^https?:\/\/\S+$/i.test(source.url)) lines.push(`<${source.url.replace(/[<>]/g, encodeURIComponent)}>`);
  const backs = engine.backedByOnly(key.claim.fact ?? key.claim.text, [source.id]);
  const location = backingLocation(engine, key.claim, source.id);
  const line = location ? location.range.start.line + 1 : 1;
  const open: OpenSourceArguments = { sourceId: source.id, line };
  lines.push(
    backs
      ? `**Backs this sentence** (line ${line}) · [Open](${commandLink(ClientCommands.openSource, open)})`
      : `**Does not back this sentence** · [Open](${commandLink(ClientCommands.openSource, open)})`,
  );
  lines.push(`\`${source.id}\``);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: key.range };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
