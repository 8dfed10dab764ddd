// The bibliography file a project config names (`bibliography: refs.json`): the library's sources in the format its
// name says, rewritten only when that text differs from what the file holds, so an unchanged library touches nothing
// (no new modification time for a build to notice, no empty edit to undo in the editor).

import { readFileSync } from 'node:fs';
import type { SourceMetadata } from '../model';
import { formatBibliography } from './bibliography';
import { bibliographyFormatOf, type BibliographyFormat } from './formats';

export interface BibliographyFileUpdate {
  /** What the file should hold. */
  text: string;
  /** What it holds now; undefined when it does not exist. */
  current: string | undefined;
}

/**
 * The text the bibliography file at `path` should hold, with its current text; undefined when it is up to date (or
 * its name says no format: the config parser refuses such a name). Throws when the file exists but cannot be read.
 */
export function bibliographyFileUpdate(path: string, sources: readonly SourceMetadata[]): BibliographyFileUpdate | undefined {
  const format = bibliographyFormatOf(path);
  if (format === undefined) return undefined;
  const text = bibliographyText(sources, format);
  const current = currentText(path);
  return current === text ? undefined : { text, current };
}

// Per library (its sources array) and format: the editor asks at every Cite fix it offers, and BibTeX goes through
// citation-js, which takes a while for a large library.
const texts = new WeakMap<readonly SourceMetadata[], Map<BibliographyFormat, string>>();

function bibliographyText(sources: readonly SourceMetadata[], format: BibliographyFormat): string {
  let byFormat = texts.get(sources);
  if (!byFormat) texts.set(sources, (byFormat = new Map()));
  let text = byFormat.get(format);
  if (text === undefined) byFormat.set(format, (text = formatBibliography(sources, format)));
  return text;
}

function currentText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
