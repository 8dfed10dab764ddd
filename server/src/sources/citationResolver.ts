// Resolves what a draft cites to a library source: an id (case-insensitive), a URL (scheme, "www." and trailing
// slashes ignored) or the title a footnote definition starts with or quotes. The engine and the language server's citation edits share it, so they always agree.
import type { CitationResolver } from '../markdown/citations';
import type { SourceMetadata } from '../model';

export function libraryCitationResolver(sources: readonly SourceMetadata[]): CitationResolver {
  const byId = new Map(sources.map((s) => [s.id.toLowerCase(), s.id]));
  const byUrl = new Map(sources.filter((s) => s.url).map((s) => [normalizeUrl(s.url!), s.id]));
  const byTitle = new Map<string, string>();
  let longest = 0;
  for (const source of sources) {
    const title = normalizeTitle(source.title);
    if (title !== '' && title.length <= MAX_TITLE_LENGTH && !byTitle.has(title)) byTitle.set(title, source.id);
    if (title.length <= MAX_TITLE_LENGTH) longest = Math.max(longest, title.length);
  }
  return {
    sourceIdForKey: (key) => byId.get(key.trim().toLowerCase()),
    sourceIdForUrl: (url) => byUrl.get(normalizeUrl(url)),
    sourceIdForTitle: (text) => (byTitle.size === 0 ? undefined : sourceIdForTitle(byTitle, longest, text)),
  };
}

// A title longer than this is not looked for in definitions (they still name the source by id or URL).
const MAX_TITLE_LENGTH = 500;

/**
 * The source whose title the definition text starts with ("Title. Outlet, date. URL"), or whose title one of its
 * first quotations is (a note that opens with the author: `Veronica Crespo, “Talks in Mexico,” Miami Herald`).
 */
function sourceIdForTitle(byTitle: ReadonlyMap<string, string>, longest: number, text: string): string | undefined {
  const atStart = titleAtStart(byTitle, longest, text);
  if (atStart !== undefined) return atStart;
  // The whole of each of the first quotations, so "Talks" is not taken from “Talks in Mexico”.
  let tried = 0;
  for (const quotation of text.matchAll(QUOTATION)) {
    const id = byTitle.get(normalizeTitle(quotation[1]!));
    if (id !== undefined) return id;
    if (++tried === QUOTATIONS_TRIED) break;
  }
  return undefined;
}

// A note quotes its source's title among its first quotations; trying a few keeps the search short.
const QUOTATIONS_TRIED = 3;
const QUOTATION = /[“"]([^“”"]{1,500})[”"]/g;

/**
 * The source whose title the text starts with, tried at each space and at the end, as far as the longest title
 * reaches: linear in the title length, whatever the text holds.
 */
function titleAtStart(byTitle: ReadonlyMap<string, string>, longest: number, text: string): string | undefined {
  const trimmed = text.trim();
  const reach = Math.min(trimmed.length, 2 * longest + 16);
  for (let end = 1; end <= reach; end++) {
    if (end < trimmed.length && !/\s/.test(trimmed[end]!)) continue;
    const id = byTitle.get(normalizeTitle(trimmed.slice(0, end)));
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * Case, runs of spaces and line breaks, curly quotes, control characters and closing punctuation aside; and the quotes
 * around a title, which a note in a CSL style puts there (Chicago: `“Talks in Mexico,” Miami Herald`).
 */
function normalizeTitle(title: string): string {
  title = oneLine(title).replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  let start = 0;
  while (start < title.length && QUOTES.includes(title[start]!)) start++;
  return title.slice(start, closingPunctuationStart(title)).toLowerCase();
}

const QUOTES = `"'`;

/**
 * Metadata as one line: each run of white space (line breaks included) one space, control characters (escape
 * sequences, bidirectional overrides) dropped. The Cite fixes write a source's title so, and a title is matched so.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
}

/** Where the run of stops, commas and closing quotes ending the text starts (a scan: `/[.,]+$/` backtracks on long runs). */
function closingPunctuationStart(text: string): number {
  let end = text.length;
  while (end > 0 && `.,;:!?…${QUOTES}`.includes(text[end - 1]!)) end--;
  return end;
}

function normalizeUrl(url: string): string {
  const bare = url.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  // Trailing "/", "#" and "?" dropped by a scan (`/[/#?]+$/` backtracks on a long run of slashes mid-URL).
  let end = bare.length;
  while (end > 0 && '/#?'.includes(bare[end - 1]!)) end--;
  return bare.slice(0, end).toLowerCase();
}
