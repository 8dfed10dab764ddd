// One source as one line of plain text in a CSL style, by citation-js's CSL plugin (citeproc-js): Grounded's Chicago
// notes (chicagoNote.ts, the default) or one of the three styles citation-js bundles (APA, Vancouver, Harvard).

import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { SourceMetadata } from '../model';
import { CHICAGO_NOTE_CSL, CHICAGO_NOTE_ID } from './chicagoNote';
import { cslItemOf } from './cslItem';

export const FOOTNOTE_STYLES = [CHICAGO_NOTE_ID, 'apa', 'vancouver', 'harvard1'] as const;
export type FootnoteStyle = (typeof FOOTNOTE_STYLES)[number];
export const DEFAULT_FOOTNOTE_STYLE: FootnoteStyle = CHICAGO_NOTE_ID;

let registered = false;

/**
 * One source as one line of plain text in a CSL style: a full note for a note style (Chicago, the default), the
 * bibliography entry for the others (APA, Vancouver, Harvard). No Markdown escaping: the caller escapes it for where
 * it goes (a footnote definition needs `plainCiteText`).
 *
 *   formatFootnote({ id: 'x', title: 'Talks in Mexico', author: 'Veronica Crespo', outlet: 'Miami Herald', date: '2021-08-13' })
 *   → 'Veronica Crespo, “Talks in Mexico,” Miami Herald, August 13, 2021.'
 *   formatFootnote(source, 'apa') → 'Crespo, V. (2021, August 13). Talks in Mexico. Miami Herald.'
 */
export function formatFootnote(source: SourceMetadata, style: FootnoteStyle = DEFAULT_FOOTNOTE_STYLE): string {
  if (!registered) {
    plugins.config.get('@csl').styles.add(CHICAGO_NOTE_ID, CHICAGO_NOTE_CSL);
    registered = true;
  }
  const cite = new Cite([cslItemOf(source)]);
  const text =
    style === CHICAGO_NOTE_ID
      ? cite.format('citation', { template: style, format: 'text', lang: 'en-US' })
      : cite.format('bibliography', { template: style, format: 'text', lang: 'en-US' });
  // A bibliography entry of a numbered style starts with its number ("1. Crespo V. …"): not part of a footnote.
  return text.replace(/\s+/g, ' ').trim().replace(/^\[?\d+[.\]]\s+/, '');
}
