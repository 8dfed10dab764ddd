// Findings → LSP diagnostics: one per finding, on the claim sentence, with the evidence line as related information.
// No `data` payload: the quick fixes are computed from the server's own check of the document (codeActions.ts), and
// a document can publish thousands of diagnostics at every keystroke. Nothing here words a message: the findings
// module does.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import { sourceOf } from '../findings/checkedDraft';
import type { Severity } from '../findings/codes';
import { claimFindings, type Finding, type FindingOptions } from '../findings/findings';
import { codeHref } from '../findings/links';
import type { Evidence } from '../model';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { CheckedDocument } from './checkedDocument';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// The related-information message quotes the passage; a whole paragraph would swamp the problems list.
const PASSAGE_PREVIEW_CHARS = 160;

/** The diagnostics of a document's findings (those published: findingWindow.ts). */
export function diagnosticsOf(document: CheckedDocument, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(document, finding));
}

/** The diagnostics of one claim (what a code action for that claim fixes): the same as its publication gives. */
export function claimDiagnostics(document: CheckedDocument, index: number, options: FindingOptions): Diagnostic[] {
  return diagnosticsOf(document, claimFindings(document, index, options));
}

function toDiagnostic(document: CheckedDocument, finding: Finding): Diagnostic {
  const { claim, code } = finding;
  const focus = code === 'contradicted' ? claim.conflict?.source : undefined;
  const related = finding.evidence ? relatedInformation(document.engine, finding.evidence, focus) : undefined;
  return {
    range: claim.range,
    severity: SEVERITY[finding.severity],
    code,
    codeDescription: { href: codeHref(code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related ? { relatedInformation: [related] } : {}),
  };
}

function relatedInformation(engine: Engine, evidence: Evidence, focus: string | undefined): DiagnosticRelatedInformation | undefined {
  const source = sourceOf(engine, evidence.sourceId);
  if (!source?.path) return undefined;
  const line = Math.max(0, evidence.line - 1);
  const preview = passagePreview(evidence.text, focus);
  return {
    location: {
      uri: fileUri(source.path),
      range: { start: { line, character: 0 }, end: { line, character: lineLength(engine, source.path, line) } },
    },
    message: `"${source.title}", line ${evidence.line}: ${preview}`,
  };
}

/** The passage, or a window of it that shows `focus` (the conflicting words) when the passage is too long to show whole. */
export function passagePreview(text: string, focus?: string): string {
  if (text.length <= PASSAGE_PREVIEW_CHARS) return text;
  const at = focus ? text.indexOf(focus) : -1;
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor((PASSAGE_PREVIEW_CHARS - focus!.length) / 2));
  start = Math.min(start, text.length - PASSAGE_PREVIEW_CHARS);
  // Start and end on word boundaries.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + PASSAGE_PREVIEW_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

// Every publication names the same few source files again, and converting a path is not free.
const fileUris = new Map<string, string>();

function fileUri(path: string): string {
  let uri = fileUris.get(path);
  if (uri === undefined) fileUris.set(path, (uri = pathToFileURL(path).href));
  return uri;
}

// Line lengths of source files, so the related location covers the evidence line exactly. Kept per engine: a reload
// (after the files changed) starts afresh.
const lineLengths = new WeakMap<Engine, Map<string, number[]>>();

function lineLength(engine: Engine, path: string, line: number): number {
  let byPath = lineLengths.get(engine);
  if (!byPath) lineLengths.set(engine, (byPath = new Map()));
  let lengths = byPath.get(path);
  if (!lengths) {
    try {
      lengths = readFileSync(path, 'utf8').split(/\r\n|\r|\n/).map((text) => text.length);
    } catch {
      lengths = [];
    }
    byPath.set(path, lengths);
  }
  return lengths[line] ?? 0;
}
