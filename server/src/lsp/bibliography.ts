// The `grounded/bibliography` request: the sources of the given libraries (once each, by id; the first library
// that has an id wins) as a CSL-JSON or BibTeX file's text. An unknown format is an InvalidParams error.

import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { BIBLIOGRAPHY_FORMATS, formatBibliography } from '../bibliography/bibliography';
import type { Source } from '../model';
import type { BibliographyParams, BibliographyResult } from '../protocol';
import type { LoadedLibrary } from './library';

export function bibliographyResult(params: BibliographyParams | null | undefined, libraries: readonly LoadedLibrary[]): BibliographyResult {
  const format = params?.format;
  if (!format || !(BIBLIOGRAPHY_FORMATS as readonly string[]).includes(format)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Expected { format: ${BIBLIOGRAPHY_FORMATS.map((f) => `"${f}"`).join(' | ')}, uri? }.`);
  }
  const sources = new Map<string, Source>();
  for (const loaded of libraries) for (const source of loaded.library.sources) if (!sources.has(source.id)) sources.set(source.id, source);
  return { text: formatBibliography([...sources.values()], format), count: sources.size };
}
