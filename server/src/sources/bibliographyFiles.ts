// Bibliographies in: a source folder's CSL-JSON (`*.json`, an array of items) and BibTeX (`*.bib`) files, a Zotero
// or Better BibTeX export. They are metadata, never evidence: an entry supplies the fields a source's front matter
// does not state, and an entry no source file matches is listed as having no text. A malformed file is a problem
// naming its line; the sources load all the same.

import { extname, resolve } from 'node:path';
import type { EntryWithoutText, SourceMetadata, SourceProblem } from '../model';
import { citationJs } from '../bibliography/citationJs';
import { readTextFile } from '../files/readTextFile';
import { offsetToPosition } from '../markdown/positions';

export const BIBLIOGRAPHY_FILE_EXTENSIONS: readonly string[] = ['.json', '.bib'];

export function isBibliographyFileName(path: string): boolean {
  return BIBLIOGRAPHY_FILE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** The metadata fields an entry may supply: what a CSL item states about an article, nothing guessed. */
export type EntryFields = Partial<Pick<SourceMetadata, 'title' | 'outlet' | 'author' | 'date' | 'url'>>;

export interface BibliographyEntry {
  /** The CSL `id` or BibTeX citation key, as written ("" when the item has none). */
  id: string;
  fields: EntryFields;
  /** Absolute path of the bibliography file. */
  path: string;
}

export function readBibliographyFile(path: string): { entries: BibliographyEntry[] } | SourceProblem {
  const absolutePath = resolve(path);
  const read = readTextFile(absolutePath);
  if ('error' in read) return { path: absolutePath, message: read.error };
  const bibtex = extname(absolutePath).toLowerCase() === '.bib';
  // A .json file that does not open an array is some other file kept beside the sources (notes, a tool's
  // settings), not a CSL-JSON bibliography: ignored, as any file that is not a source is.
  if (!bibtex && !/^\uFEFF?\s*\[/.test(read.text)) return { entries: [] };
  const parsed = bibtex ? parseBibtex(read.text) : parseCslJson(read.text);
  if ('problem' in parsed) return { path: absolutePath, message: parsed.problem };
  return { entries: parsed.items.map((item) => ({ id: itemId(item), fields: entryFields(item), path: absolutePath })) };
}

type Parsed = { items: Record<string, unknown>[] } | { problem: string };

/** CSL-JSON: an array of items. A syntax error is named with its line, counted from the parser's position. */
export function parseCslJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    // "Unexpected end of JSON input" has no position: the fault is where the text stops.
    const offset = position ? Number(position[1]) : text.length;
    return { problem: `broken CSL-JSON on line ${offsetToPosition(text, offset).line + 1}: ${message.replace(/\s*in JSON at position \d+.*$/s, '')}` };
  }
  if (!Array.isArray(value)) return { problem: 'not a CSL-JSON bibliography: the file must hold an array of items' };
  const items = value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
  if (items.length < value.length) return { problem: 'not a CSL-JSON bibliography: every element of the array must be an item ({ "id": …, … })' };
  return { items };
}

// citation-js is loaded when a .bib file is met: a start without one does not pay for it.
type CiteConstructor = new (data: unknown, options?: Record<string, unknown>) => { data: Record<string, unknown>[] };
let citeConstructor: CiteConstructor | undefined;
function loadCite(): CiteConstructor {
  if (!citeConstructor) {
    citeConstructor = citationJs('bibtex').Cite as unknown as CiteConstructor;
  }
  return citeConstructor;
}

/** BibTeX (or BibLaTeX) through citation-js, offline: its input is the file's text, never an identifier it would fetch. */
export function parseBibtex(text: string): Parsed {
  try {
    const Cite = loadCite();
    return { items: new Cite(text.replace(/^\uFEFF/, ''), { forceType: '@biblatex/text' }).data };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /at line (\d+)/.exec(message);
    const first = message.split('\n')[0]!.replace(/\s*at line \d+ col \d+:?\s*$/, '').trim();
    return { problem: line ? `broken BibTeX on line ${line[1]}: ${first}` : `broken BibTeX: ${first}` };
  }
}

function itemId(item: Record<string, unknown>): string {
  const id = item['citation-key'] ?? item.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).trim() : '';
}

/** A CSL item's title, outlet, authors, date and URL, each only when the item states it. */
export function entryFields(item: Record<string, unknown>): EntryFields {
  const fields: EntryFields = {};
  const title = text(item.title);
  if (title) fields.title = title;
  const outlet = text(item['container-title']);
  if (outlet) fields.outlet = outlet;
  const author = authors(item.author);
  if (author) fields.author = author;
  const date = issued(item.issued);
  if (date) fields.date = date;
  const url = text(item.URL);
  if (url) fields.url = url;
  return fields;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** CSL names as a byline, "Given Family" each (particles and suffix in place), or the literal; joined by "and". */
function authors(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value
    .map((name: Record<string, unknown>) => {
      if (typeof name !== 'object' || name === null) return undefined;
      const literal = text(name.literal);
      if (literal) return literal;
      const parts = [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].map(text).filter(Boolean);
      return parts.length > 0 ? parts.join(' ') : undefined;
    })
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(' and ') : undefined;
}

/** `issued` as YYYY-MM-DD, YYYY-MM or YYYY from its date-parts, else its literal (or raw) text as written. */
function issued(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const date = value as Record<string, unknown>;
  const parts = Array.isArray(date['date-parts']) ? date['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length > 0) {
    const numbers = parts.slice(0, 3).map(Number);
    if (numbers.every((n) => Number.isInteger(n) && n > 0)) {
      const [year, ...rest] = numbers;
      return [String(year).padStart(4, '0'), ...rest.map((n) => String(n).padStart(2, '0'))].join('-');
    }
  }
  return text(date.literal) ?? text(date.raw);
}

/** A URL to compare by: host lower-cased without "www.", no trailing slash. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    const host = parsed.host.toLowerCase().replace(/^www\./, '');
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.protocol}//${host}${path}${parsed.search}${parsed.hash}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

/**
 * Fills each source's unstated fields from the entries that name it: by id or citation key equal to the source's id
 * or its file name without extension (case-insensitive), else by URL. The front matter wins: a stated field is never
 * overwritten, and of two entries for one source the first (in file order) wins. Returns the entries that named no
 * source. `titleStated` says whether a source's title is its front matter's (else it came from a headline or the
 * file name, and an entry's title replaces it).
 */
export function applyBibliographies<S extends SourceMetadata & { path: string }>(
  sources: S[],
  entries: readonly BibliographyEntry[],
  titleStated: (source: S) => boolean = () => true,
): EntryWithoutText[] {
  const byKey = new Map<string, S>();
  const byUrl = new Map<string, S>();
  for (const source of sources) {
    const stem = (source.path.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').toLowerCase();
    if (stem && !byKey.has(stem)) byKey.set(stem, source);
  }
  // A source's id outranks another file's name.
  for (const source of sources) byKey.set(source.id.toLowerCase(), source);
  for (const source of sources) if (source.url && !byUrl.has(normaliseUrl(source.url))) byUrl.set(normaliseUrl(source.url), source);

  const withoutText: EntryWithoutText[] = [];
  const filledTitle = new Set<S>();
  for (const entry of entries) {
    const source = (entry.id && byKey.get(entry.id.toLowerCase())) || (entry.fields.url && byUrl.get(normaliseUrl(entry.fields.url))) || undefined;
    if (!source) {
      withoutText.push({ id: entry.id, ...(entry.fields.title ? { title: entry.fields.title } : {}), path: entry.path });
      continue;
    }
    for (const key of ['outlet', 'author', 'date', 'url'] as const) {
      const value = entry.fields[key];
      if (value !== undefined && source[key] === undefined) source[key] = value;
    }
    if (entry.fields.title !== undefined && !titleStated(source) && !filledTitle.has(source)) {
      source.title = entry.fields.title;
      filledTitle.add(source);
    }
  }
  return withoutText;
}
