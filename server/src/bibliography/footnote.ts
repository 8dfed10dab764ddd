// One source as one line of plain text in a CSL style, by citation-js's CSL plugin (citeproc-js): Grounded's Chicago
// notes (chicagoNote.ts, the default) or one of the three styles citation-js bundles (APA, Vancouver, Harvard).

import type { SourceMetadata } from '../model';
import { CHICAGO_NOTE_CSL, CHICAGO_NOTE_ID } from './chicagoNote';
import { citationJs, type CitationJs } from './citationJs';
import { cslItemOf } from './cslItem';
import { DEFAULT_FOOTNOTE_STYLE, type FootnoteStyle } from './formats';

// citeproc-js is loaded at the first footnote, not at start-up: it is half a megabyte of code that a check, or an
// editor where no one cites, never runs (about 100 ms to load on this machine).
type CiteConstructor = CitationJs['Cite'];
let citeConstructor: CiteConstructor | undefined;
function loadCite(): CiteConstructor {
  if (!citeConstructor) {
    const core = citationJs('csl');
    core.plugins.config.get('@csl').styles.add(CHICAGO_NOTE_ID, CHICAGO_NOTE_CSL);
    citeConstructor = core.Cite;
  }
  return citeConstructor;
}

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
  const Cite = loadCite();
  const cite = new Cite([cslItemOf(source)]);
  const text =
    style === CHICAGO_NOTE_ID
      ? cite.format('citation', { template: style, format: 'text', lang: 'en-US' })
      : cite.format('bibliography', { template: style, format: 'text', lang: 'en-US' });
  // A bibliography entry of a numbered style starts with its number ("1. Crespo V. …"): not part of a footnote.
  return text.replace(/\s+/g, ' ').trim().replace(/^\[?\d+[.\]]\s+/, '');
}
