// Bibliographies out: the source library's metadata as CSL-JSON or BibTeX (for Pandoc's citeproc, Zotero, LaTeX).
// citation-js writes the BibTeX, offline: its input here is always CSL-JSON objects, never URLs or identifiers it
// would fetch. (Formatting in a CSL style is footnote.ts: it brings citeproc-js, which this module does not need.)

import type { SourceMetadata } from '../model';
import { citationJs, type CitationJs } from './citationJs';
import { cslItemOf, type CslItem } from './cslItem';
import type { BibliographyFormat } from './formats';

export { BIBLIOGRAPHY_FORMATS, BIBLIOGRAPHY_EXTENSIONS, type BibliographyFormat } from './formats';
export { cslItemOf, type CslItem } from './cslItem';

type CiteConstructor = CitationJs['Cite'];
let cite: CiteConstructor | undefined;

/**
 * citation-js with its BibTeX plugin, loaded when a bibliography is first written in BibTeX: every start would
 * otherwise run it (and the fetch libraries it brings) for nothing.
 */
function bibtexCite(): CiteConstructor {
  if (cite) return cite;
  const { Cite, plugins } = citationJs('bibtex');
  // The BibTeX key must be the source id, the key drafts cite. citation-js writes a key of its own ("Crespo2021…")
  // for one with a hyphen unless told not to check; source ids (`[a-z0-9][a-z0-9._-]*`) are valid BibTeX keys.
  plugins.config.get('@bibtex').format.checkLabel = false;
  cite = Cite;
  return cite;
}

/** The sources as CSL-JSON items, sorted by id (a stable file for version control). */
export function cslItems(sources: readonly SourceMetadata[]): CslItem[] {
  return [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(cslItemOf);
}

/**
 * The sources as a bibliography file's text: `csl-json` (an array of CSL items, two-space indented, what Pandoc's
 * `--bibliography refs.json` reads) or `bibtex` (`@article{<id>, …}`; BibTeX has no newspaper type, so the outlet is
 * the `journal`). Ends with a line break.
 */
export function formatBibliography(sources: readonly SourceMetadata[], format: BibliographyFormat): string {
  const items = cslItems(sources);
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (items.length === 0) return '';
  const Cite = bibtexCite();
  const bibtex = new Cite(items.map((item) => ({ ...item, 'citation-key': item.id }))).format('bibtex');
  return `${bibtex.trimEnd()}\n`;
}
