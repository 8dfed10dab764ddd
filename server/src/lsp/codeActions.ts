// Quick fixes for the claims in a range — cite a source that backs the claim, take the source's number/date/name,
// ignore the claim — and the source action citing every supported, uncited claim of the document at once. Every edit
// names the document version it was computed for.
//
// A request costs what its range holds, not what the document holds: only the claims in the range are looked at
// (found by binary search), their diagnostics alone are built, and what the edits need from the whole document (its
// line index, its footnote definitions, its structure for "Ignore") is computed once per checked version. The
// whole-document "Cite all" is built only when asked for: a source-action request, or an explicit (invoked) one — not
// for the lightbulb VS Code asks for as the cursor moves.

import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { GroundedSettings } from '../protocol';
import { buildCitationEdits, existingFootnotesOf, type CitationRequest } from './citations';
import { citedSources, claimIndexesIn, findingCodes, linesOf, parsedDraftOf, titleOf, type CheckedDocument } from './checkedDocument';
import { claimDiagnostics } from './diagnostics';
import { documentWorkspaceEdit, toTextEdits, type OffsetEdit } from './edits';
import { ignoredBlock } from './ignoreClaim';
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
  /** `context.triggerKind` of the request (LSP 3.17; older clients leave it out, and ask only when invoked). */
  triggerKind?: CodeActionTriggerKind;
  settings: GroundedSettings;
  supportsDocumentChanges: boolean;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const { document, settings } = request;
  const lines = linesOf(document);
  const actions: CodeAction[] = [];
  const edit = (edits: OffsetEdit[]) =>
    documentWorkspaceEdit(document.uri, document.version, toTextEdits(document.text, edits, lines), request.supportsDocumentChanges);
  const footnotes = () => existingFootnotesOf(document);

  if (wants(request.only, CodeActionKind.QuickFix)) {
    for (const index of claimIndexesIn(document, request.start, request.end)) {
      const claim = document.report.claims[index]!;
      const codes = findingCodes(claim);
      const diagnostics = claimDiagnostics(document, index, settings, lines);
      const ofClaim = (...wanted: string[]): Diagnostic[] => diagnostics.filter((d) => wanted.includes(String(d.code)));

      const cited = citedSources(claim);
      (document.backing[index] ?? []).filter((id) => !cited.has(id)).forEach((sourceId, rank) => {
        const edits = buildCitationEdits(document.text, [{ claim, sourceId }], document.engine, settings.citationStyle, footnotes);
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

      if (codes.length === 0) continue;
      const ignored = ignoredBlock(document.text, claim.blockStartOffset, () => parsedDraftOf(document).tree, lines);
      const claimsSwitchedOff = ignored.span
        ? claimIndexesIn(document, ignored.span.start, ignored.span.end).filter((i) => document.report.claims[i]!.startOffset >= ignored.span!.start).length
        : claimsOfBlock(document, index);
      actions.push({
        title: claimsSwitchedOff > 1 ? `Ignore this ${ignored.kind} (${claimsSwitchedOff} claims)` : 'Ignore this claim',
        kind: CodeActionKind.QuickFix,
        diagnostics: ofClaim(...codes),
        edit: edit([ignored.edit]),
      });
    }
  }

  if (wants(request.only, CITE_ALL_KIND) && (asksFor(request.only, CITE_ALL_KIND) || request.triggerKind !== CodeActionTriggerKind.Automatic)) {
    const citeAll = citeAllEdits(document, settings);
    if (citeAll.length > 0) actions.push({ title: 'Cite all supported claims', kind: CITE_ALL_KIND, edit: edit(citeAll) });
  }
  return actions;
}

/** How many claims share the paragraph of claim `index` (its neighbours with the same block start). */
function claimsOfBlock(document: CheckedDocument, index: number): number {
  const claims = document.report.claims;
  const block = claims[index]!.blockStartOffset;
  let first = index;
  while (first > 0 && claims[first - 1]!.blockStartOffset === block) first--;
  let last = index;
  while (last + 1 < claims.length && claims[last + 1]!.blockStartOffset === block) last++;
  return last - first + 1;
}

/** Cites the best backing source after every supported claim that cites nothing; each definition written once. */
export function citeAllEdits(document: CheckedDocument, settings: GroundedSettings): OffsetEdit[] {
  const requests: CitationRequest[] = [];
  document.report.claims.forEach((claim, index) => {
    const best = document.backing[index]?.[0];
    if (best !== undefined && findingCodes(claim).includes('uncited')) requests.push({ claim, sourceId: best });
  });
  return buildCitationEdits(document.text, requests, document.engine, settings.citationStyle, () => existingFootnotesOf(document));
}

/** Whether `context.only` asks for this kind: no filter, the kind itself, or a kind it belongs to (`source` ⊃ `source.x`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return asksFor(only, kind);
}

/** Whether `context.only` names this kind or a kind it belongs to (an explicit filter, not the absence of one). */
function asksFor(only: readonly string[] | undefined, kind: string): boolean {
  return (only ?? []).some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}
