// The findings' fixes → code actions: the quick fixes of the claims in a range, and the source action citing every
// supported, uncited claim of the document at once. Every edit names the document version it was computed for;
// "Accept this claim" edits the project config file instead of the draft, and the citing ones also rewrite the
// bibliography file the project config names, when it is out of date.
//
// A request costs what its range holds, not what the document holds: only the claims in the range are looked at
// (found by binary search), their diagnostics alone are built, and what the edits need from the whole document (its
// line index, its footnote definitions, its structure for "Ignore") is computed once per checked version. The
// whole-document "Cite all" is built only when asked for: a source-action request, or an explicit (invoked) one — not
// for the lightbulb VS Code asks for as the cursor moves.

import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { claimIndexesIn, linesOf } from '../findings/checkedDraft';
import type { CitationFormat } from '../findings/codes';
import type { FindingOptions } from '../findings/findings';
import { citeAllEdits, fixesFor, type Fix } from '../findings/fixes';
import type { OffsetEdit } from '../findings/edits';
import type { CheckedDocument } from './checkedDocument';
import type { FileChanges } from './fileEdit';
import { claimDiagnostics } from './diagnostics';
import { documentWorkspaceEdit, toTextEdits } from './edits';

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
  findingOptions: FindingOptions;
  citationFormat: CitationFormat;
  supportsDocumentChanges: boolean;
  /** The workspace edit recording a sentence as accepted in the project config; undefined where none can be written. */
  acceptEdit?: (sentence: string) => WorkspaceEdit | undefined;
  /** The changes bringing the project's bibliography file up to date; undefined when there are none to make. */
  bibliographyChanges?: () => FileChanges | undefined;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const { document } = request;
  const lines = linesOf(document);
  const actions: CodeAction[] = [];
  const edit = (edits: OffsetEdit[]) =>
    documentWorkspaceEdit(document.uri, document.version, toTextEdits(document.text, edits, lines), request.supportsDocumentChanges);
  // Asked for once, and only when a citing action is offered.
  let bibliography: { changes: FileChanges | undefined } | undefined;
  const citingEdit = (edits: OffsetEdit[]): WorkspaceEdit => {
    const workspaceEdit = edit(edits);
    bibliography ??= { changes: request.bibliographyChanges?.() };
    if (bibliography.changes && workspaceEdit.documentChanges) workspaceEdit.documentChanges.push(...bibliography.changes);
    return workspaceEdit;
  };

  if (wants(request.only, CodeActionKind.QuickFix)) {
    for (const index of claimIndexesIn(document, request.start, request.end)) {
      const diagnostics = claimDiagnostics(document, index, request.findingOptions);
      const resolved = (fix: Fix): Diagnostic[] => diagnostics.filter((d) => fix.resolves.includes(d.code as Fix['resolves'][number]));
      for (const fix of fixesFor(document, index, request.citationFormat)) {
        const workspaceEdit = fix.kind === 'accept' ? request.acceptEdit?.(fix.acceptedSentence!) : fix.kind === 'cite' ? citingEdit(fix.edits) : edit(fix.edits);
        // Ignoring or accepting a claim that shows nothing (its findings are off) would only add noise.
        if (!workspaceEdit || ((fix.kind === 'ignore' || fix.kind === 'accept') && diagnostics.length === 0)) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: resolved(fix),
          ...(fix.preferred ? { isPreferred: true } : {}),
          edit: workspaceEdit,
        });
      }
    }
  }

  if (wants(request.only, CITE_ALL_KIND) && (asksFor(request.only, CITE_ALL_KIND) || request.triggerKind !== CodeActionTriggerKind.Automatic)) {
    const citeAll = citeAllEdits(document, request.citationFormat);
    if (citeAll.length > 0) actions.push({ title: 'Cite all supported claims', kind: CITE_ALL_KIND, edit: citingEdit(citeAll) });
  }
  return actions;
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
