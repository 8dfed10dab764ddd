// Quick fixes for the claims in a range — cite a source that backs the claim, take the source's number/date/name,
// ignore the claim — and the source action citing every supported, uncited claim of the document at once. Every edit
// names the document version it was computed for.

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { LineIndex } from '../markdown/positions';
import type { GroundedSettings } from '../protocol';
import { buildCitationEdits, type CitationRequest } from './citations';
import { citedSources, findingCodes, titleOf, type CheckedDocument } from './checkedDocument';
import { diagnosticsFor } from './diagnostics';
import { documentWorkspaceEdit, toTextEdits, type OffsetEdit } from './edits';
import { ignoreClaimEdit } from './ignoreClaim';
import { conflictReplacement } from './replacement';

/** The source action's kind: under `source`, so editors list it with the other whole-file actions. */
export const CITE_ALL_KIND = `${CodeActionKind.Source}.grounded.citeAll`;
export const PROVIDED_KINDS = [CodeActionKind.QuickFix, CITE_ALL_KIND];

export interface CodeActionRequest {
  document: CheckedDocument;
  /** Offsets of the requested range. */
  start: number;
  end: number;
  /** `context.only` of the request. */
  only: readonly string[] | undefined;
  settings: GroundedSettings;
  supportsDocumentChanges: boolean;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const { document, settings } = request;
  const actions: CodeAction[] = [];
  const edit = (edits: OffsetEdit[]) =>
    documentWorkspaceEdit(document.uri, document.version, toTextEdits(document.text, edits), request.supportsDocumentChanges);

  if (wants(request.only, CodeActionKind.QuickFix)) {
    const diagnostics = diagnosticsFor(document, settings);
    const lines = new LineIndex(document.text);
    document.report.claims.forEach((claim, index) => {
      if (!(claim.startOffset <= request.end && request.start <= claim.endOffset)) return;
      const codes = findingCodes(claim);
      const ofClaim = (...wanted: string[]): Diagnostic[] =>
        diagnostics.filter((d) => wanted.includes(String(d.code)) && d.range.start.line === claim.range.start.line && d.range.start.character === claim.range.start.character);

      const cited = citedSources(claim);
      (document.backing[index] ?? []).filter((id) => !cited.has(id)).forEach((sourceId, rank) => {
        const edits = buildCitationEdits(document.text, [{ claim, sourceId }], document.engine, settings.citationStyle);
        if (edits.length === 0) return;
        actions.push({
          title: `Cite "${titleOf(document.engine, sourceId)}"`,
          kind: CodeActionKind.QuickFix,
          diagnostics: ofClaim('uncited', 'citation-mismatch'),
          isPreferred: rank === 0 && codes.includes('uncited'),
          edit: edit(edits),
        });
      });

      const replacement = conflictReplacement(document.text, claim, lines);
      if (replacement) {
        actions.push({
          title: `Use the source's "${replacement.text}"`,
          kind: CodeActionKind.QuickFix,
          diagnostics: ofClaim('contradicted'),
          isPreferred: true,
          edit: edit([{ start: replacement.startOffset, end: replacement.endOffset, newText: replacement.text }]),
        });
      }

      if (codes.length > 0) {
        actions.push({
          title: 'Ignore this claim',
          kind: CodeActionKind.QuickFix,
          diagnostics: ofClaim(...codes),
          edit: edit([ignoreClaimEdit(document.text, claim.blockStartOffset)]),
        });
      }
    });
  }

  if (wants(request.only, CITE_ALL_KIND)) {
    const citeAll = citeAllEdits(document, settings);
    if (citeAll.length > 0) actions.push({ title: 'Cite all supported claims', kind: CITE_ALL_KIND, edit: edit(citeAll) });
  }
  return actions;
}

/** Cites the best backing source after every supported claim that cites nothing; each definition written once. */
export function citeAllEdits(document: CheckedDocument, settings: GroundedSettings): OffsetEdit[] {
  const requests: CitationRequest[] = [];
  document.report.claims.forEach((claim, index) => {
    const best = document.backing[index]?.[0];
    if (best !== undefined && findingCodes(claim).includes('uncited')) requests.push({ claim, sourceId: best });
  });
  return buildCitationEdits(document.text, requests, document.engine, settings.citationStyle);
}

/** Whether `context.only` asks for this kind: no filter, the kind itself, or a kind it belongs to (`source` ⊃ `source.x`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}
