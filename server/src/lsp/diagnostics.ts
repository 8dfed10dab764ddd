// Verdicts → LSP diagnostics: one per finding (a claim may give its verdict's and a citation-mismatch), on the claim
// sentence, with the evidence line as related information and the data the quick fixes need.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import type { CheckedClaim, Evidence } from '../model';
import { DIAGNOSTIC_SOURCE, type DiagnosticCode, type DiagnosticData, type GroundedSettings, type SeveritySetting } from '../protocol';
import { findingCodes, linesOf, sourceOf, titleOf, type CheckedDocument } from './checkedDocument';
import { conflictReplacement } from './replacement';

/** The README explains each code under a heading of the same name; defined once, linked from every diagnostic. */
export const README_URL = 'https://github.com/grounded-writing/grounded/blob/main/README.md';

export function codeHref(code: DiagnosticCode): string {
  return `${README_URL}#${code}`;
}

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const MAX_UNBACKED_WORDS = 4;
// The related-information message quotes the passage; a whole paragraph would swamp the problems list.
const PASSAGE_PREVIEW_CHARS = 160;

export function diagnosticsFor(document: CheckedDocument, settings: GroundedSettings): Diagnostic[] {
  const lines = linesOf(document);
  return document.report.claims.flatMap((_claim, index) => claimDiagnostics(document, index, settings, lines));
}

/** The diagnostics of one claim (what a code action for that claim fixes): the same as `diagnosticsFor` gives it. */
export function claimDiagnostics(document: CheckedDocument, index: number, settings: GroundedSettings, lines = linesOf(document)): Diagnostic[] {
  const claim = document.report.claims[index];
  if (!claim) return [];
  const diagnostics: Diagnostic[] = [];
  for (const code of findingCodes(claim)) {
    const severity = settings.severity[code];
    if (severity === 'off') continue;
    const evidence = evidenceFor(code, claim);
    const replacement = code === 'contradicted' ? conflictReplacement(document.text, claim, lines) : undefined;
    const data: DiagnosticData = {
      code,
      version: document.version ?? 0,
      claimText: claim.text,
      backingSources: document.backing[index] ?? [],
      ...(replacement ? { replacement: { range: replacement.range, text: replacement.text } } : {}),
      blockStart: lines.positionAt(claim.blockStartOffset),
    };
    const focus = code === 'contradicted' ? claim.conflict?.source : undefined;
    const related = evidence ? relatedInformation(document.engine, evidence, focus) : undefined;
    diagnostics.push({
      range: claim.range,
      severity: SEVERITY[severity],
      code,
      codeDescription: { href: codeHref(code) },
      source: DIAGNOSTIC_SOURCE,
      message: messageFor(code, claim, document.engine),
      ...(related ? { relatedInformation: [related] } : {}),
      data,
    });
  }
  return diagnostics;
}

export function messageFor(code: DiagnosticCode, claim: CheckedClaim, engine: Engine): string {
  switch (code) {
    case 'contradicted': {
      const conflict = claim.conflict;
      if (!conflict) return claim.reason || 'Contradicted by the sources.';
      return `Contradicted by "${titleOf(engine, conflict.sourceId)}": sources say "${conflict.source}", the draft says "${conflict.claim}".`;
    }
    case 'unsupported': {
      // When nothing matches at all the engine lists every word; the first few make the point.
      const unbacked = (claim.unbacked ?? []).slice(0, MAX_UNBACKED_WORDS);
      return unbacked.length > 0 ? `Unsupported: no source backs ${unbacked.map((word) => `"${word}"`).join(', ')}.` : 'Unsupported: no source backs this claim.';
    }
    case 'uncited': {
      const backer = claim.evidence[0]?.sourceId;
      return backer ? `Supported by "${titleOf(engine, backer)}" but not cited.` : 'Supported but not cited.';
    }
    case 'citation-mismatch':
      return claim.citationMismatch?.message || 'The cited source does not back this claim.';
  }
}

/** The passage that explains a finding: the conflicting one, the nearest one, or the one that backs the claim. */
export function evidenceFor(code: DiagnosticCode, claim: CheckedClaim): Evidence | undefined {
  switch (code) {
    case 'contradicted': {
      const conflict = claim.conflict;
      if (!conflict) return claim.evidence[0];
      const fromSource = claim.evidence.filter((evidence) => evidence.sourceId === conflict.sourceId);
      const words = conflict.source.toLowerCase();
      return fromSource.find((evidence) => evidence.text.toLowerCase().includes(words)) ?? fromSource[0] ?? claim.evidence[0];
    }
    case 'citation-mismatch': {
      const backedBy = claim.citationMismatch?.backedBy;
      return backedBy === undefined ? undefined : claim.evidence.find((evidence) => evidence.sourceId === backedBy);
    }
    default:
      return claim.evidence[0];
  }
}

function relatedInformation(engine: Engine, evidence: Evidence, focus: string | undefined): DiagnosticRelatedInformation | undefined {
  const source = sourceOf(engine, evidence.sourceId);
  if (!source?.path) return undefined;
  const line = Math.max(0, evidence.line - 1);
  const preview = passagePreview(evidence.text, focus);
  return {
    location: {
      uri: pathToFileURL(source.path).href,
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
