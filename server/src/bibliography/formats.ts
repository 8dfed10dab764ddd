// The bibliography formats, as constants alone: protocol.ts re-exports them, so the client bundle names the formats
// without pulling in the CSL library.

export const BIBLIOGRAPHY_FORMATS = ['csl-json', 'bibtex'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

/** The file name extension of each format, for save dialogs. */
export const BIBLIOGRAPHY_EXTENSIONS: Record<BibliographyFormat, string> = { 'csl-json': 'json', bibtex: 'bib' };

/** The format a bibliography file's name says (`refs.json`, `refs.bib`); undefined for any other name. */
export function bibliographyFormatOf(path: string): BibliographyFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return BIBLIOGRAPHY_FORMATS.find((format) => BIBLIOGRAPHY_EXTENSIONS[format] === extension);
}

/**
 * The CSL styles a footnote definition may be written in: Grounded's Chicago notes (chicagoNote.ts, the default) and
 * the three citation-js bundles. Constants alone, like the formats above: the project config names one without
 * loading citeproc.
 */
export const FOOTNOTE_STYLES = ['chicago-note', 'apa', 'vancouver', 'harvard1'] as const;
export type FootnoteStyle = (typeof FOOTNOTE_STYLES)[number];
export const DEFAULT_FOOTNOTE_STYLE: FootnoteStyle = 'chicago-note';
