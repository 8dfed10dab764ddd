// Go to definition on a citation key (`[@id]`, `[^label]` whose definition names a source): the source, at the
// passage that backs the sentence, or at its top when none does.

import type { Location } from 'vscode-languageserver/node';
import type { CheckedDocument } from './checkedDocument';
import { backingLocation, citationKeyAt } from './citationKeys';

export function definitionAt(document: CheckedDocument, offset: number): Location | null {
  const key = citationKeyAt(document, offset);
  if (!key) return null;
  return backingLocation(document.engine, key.claim, key.citation.sourceId) ?? null;
}
