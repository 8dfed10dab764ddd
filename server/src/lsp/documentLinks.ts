// Document links: each citation key of a draft links to its source file, at the line of the passage that backs the
// claim when the check already names one (no ranking here: links are asked for on every change), else the top.

import type { DocumentLink } from 'vscode-languageserver/node';
import type { CheckedDocument } from './checkedDocument';
import { citationKeys, sourceUri } from './citationKeys';

export function documentLinks(document: CheckedDocument): DocumentLink[] {
  if (!document.draft) return [];
  const links: DocumentLink[] = [];
  for (const { claim, citation, range } of citationKeys(document)) {
    const source = document.engine.source(citation.sourceId);
    if (!source) continue;
    const backs = claim.verdict === 'supported' ? claim.evidence.find((evidence) => evidence.sourceId === source.id) : undefined;
    // `#L12`: VS Code opens a file link at that line.
    const target = backs ? `${sourceUri(source)}#L${backs.line}` : sourceUri(source);
    links.push({ range, target, tooltip: `Open the source "${source.title.replace(/\s+/g, ' ')}"` });
  }
  return links;
}
