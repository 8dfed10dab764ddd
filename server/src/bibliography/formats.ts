// The bibliography formats, as constants alone: protocol.ts re-exports them, so the client bundle names the formats
// without pulling in the CSL library.

export const BIBLIOGRAPHY_FORMATS = ['csl-json', 'bibtex'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

/** The file name extension of each format, for save dialogs. */
export const BIBLIOGRAPHY_EXTENSIONS: Record<BibliographyFormat, string> = { 'csl-json': 'json', bibtex: 'bib' };
