// Names for sources that come without front matter: an id from the file name, a title from the headline.

import { findDatelineIndex } from './nonReporting';

/** "Maduro Talks (2019).txt" → "maduro-talks-2019"; empty when the name has no letter or digit. */
export function slugFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  return stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: "Guaidó" → "guaido"
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

const HEADLINE_MAX_WORDS = 20;
const HEADLINE_MAX_CHARS = 150;

/**
 * The first non-blank line of a body when it reads as a headline: short, one line, not ending like a sentence, not a
 * dateline ("WASHINGTON (AP) – …" opens the story). A Markdown heading's `#` marks are dropped.
 */
export function headlineOf(body: string): string | undefined {
  const lines = body.split(/\r\n|\r|\n/);
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  if (firstIndex === -1) return undefined;
  const line = lines[firstIndex].trim().replace(/^#{1,6}\s+/, '');
  const words = line.split(/\s+/).length;
  if (words > HEADLINE_MAX_WORDS || line.length > HEADLINE_MAX_CHARS) return undefined;
  if (/[.;,:]["'”’)]*$/.test(line)) return undefined;
  if (!/^[\p{Lu}\p{N}"'“‘]/u.test(line)) return undefined;
  if (findDatelineIndex(lines) === firstIndex) return undefined;
  return line;
}
