// A source's metadata as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): only
// what the source's metadata states, never a guessed field. `id` is the source id, the key a draft cites it by
// (`[@id]`, `[^id]`); every source is a newspaper article (`article-newspaper`), the kind of evidence Grounded checks.
//   title → title; outlet → container-title; author → author (family/given where the name is plainly a personal name,
//   else the string whole as a literal); date → issued (date-parts when it reads as a calendar date, else the string
//   as a literal); url → URL. The dateline is where a story was filed, not where it was published: left out.

import type { SourceMetadata } from '../model';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: [[number] | [number, number] | [number, number, number]];
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: CslDate;
  URL?: string;
}

export function cslItemOf(source: SourceMetadata): CslItem {
  const item: CslItem = { id: source.id, type: 'article-newspaper', title: oneLine(source.title) };
  const outlet = source.outlet === undefined ? '' : oneLine(source.outlet);
  if (outlet) item['container-title'] = outlet;
  const author = source.author === undefined ? '' : oneLine(source.author);
  if (author) item.author = parseAuthors(author);
  const date = source.date === undefined ? '' : oneLine(source.date);
  if (date) item.issued = parseIssued(date);
  const url = source.url === undefined ? '' : source.url.trim();
  if (url) item.URL = url;
  return item;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---- Names --------------------------------------------------------------------------------------------------------

// A word of a personal name: capitalised, letters with inner apostrophes, hyphens or a final period ("O'Neil",
// "Jean-Luc", "J."). Particles ("de la", "van") and suffixes ("Jr.") are not "clear": such names stay literal.
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{Lu}\p{M}]*(?:['’-]\p{Lu}?[\p{Ll}\p{Lu}\p{M}]+)*\.?$/u;
// Words that make a byline an organisation or a role rather than a person.
const NOT_A_PERSON = /^(?:staff|reporters?|correspondents?|editors?|editorial|board|desk|team|agency|agencies|news|press|wire|service|services|newsroom|bureau|jr|sr|ii|iii|iv|associated|reuters|afp|ap|bbc|cnn)\.?$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * A byline as CSL names: "By" dropped; several names split at "and", "&", ";" or between full names at commas;
 * "Crespo, Veronica" read as family, given. A name is split into given and family only when each of its two to four
 * words is a capitalised name word and none says it is an organisation ("AP staff", "Reuters"); otherwise the whole
 * name is kept as a literal, as written.
 */
export function parseAuthors(byline: string): CslName[] {
  const text = byline.replace(/^by\s+/i, '').trim();
  const inverted = /^([^,;&]+),\s*([^,;&]+)$/.exec(text);
  if (inverted && isPersonalName(inverted[1]!.trim().split(' ')) && inverted[1]!.trim().split(' ').length === 1 && isPersonalName(inverted[2]!.trim().split(' '), 1)) {
    return [{ family: inverted[1]!.trim(), given: inverted[2]!.trim() }];
  }
  const names = text
    .split(/\s*(?:;|&|\band\b|,)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
  // "Smith, Jr." or a list whose parts are not each a name: the byline as written.
  if (names.length > 1 && names.some((name) => SUFFIX.test(name))) return [{ literal: text }];
  return names.map(parseName);
}

function parseName(name: string): CslName {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 4 || !isPersonalName(words)) return { literal: name };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

function isPersonalName(words: readonly string[], minimum = 1): boolean {
  return words.length >= minimum && words.every((word) => NAME_WORD.test(word) && !NOT_A_PERSON.test(word));
}

// ---- Dates ----------------------------------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A stated date as CSL date-parts when it reads as one: ISO (`2021-08-13`, `2021-08`, `2021`, a time after `T`
 * ignored), "August 13, 2021", "Aug. 13, 2021", "13 August 2021", "August 2021". Anything else (a season, a range,
 * a day that does not exist) is kept whole as a literal: it is what the source states.
 */
export function parseIssued(date: string): CslDate {
  const parts = dateParts(date);
  return parts ? { 'date-parts': [parts] } : { literal: date };
}

function dateParts(date: string): [number] | [number, number] | [number, number, number] | undefined {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(date);
  if (iso) return valid(Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined);
  const monthFirst = /^([A-Za-z]+)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(date);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    return month ? valid(Number(monthFirst[3]), month, monthFirst[2] ? Number(monthFirst[2]) : undefined) : undefined;
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(date);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    return month ? valid(Number(dayFirst[3]), month, Number(dayFirst[1])) : undefined;
  }
  return undefined;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((month) => lower === month || (lower.length >= 3 && fullMonth(month).startsWith(lower)));
  return index < 0 ? undefined : index + 1;
}

function fullMonth(abbreviation: string): string {
  return new Date(Date.UTC(2000, MONTHS.indexOf(abbreviation), 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }).toLowerCase();
}

function valid(year: number, month?: number, day?: number): [number] | [number, number] | [number, number, number] | undefined {
  if (month === undefined) return [year];
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return [year, month];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? [year, month, day] : undefined;
}
