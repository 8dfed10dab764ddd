// The machine report (`--format json`), described by report.schema.json. Objects are built field by field so the
// key order is fixed and engine-internal fields (offsets, block starts) never leak into a public format.
// Optional fields left `undefined` are dropped by JSON.stringify, so absent means absent, never `null`.
import { displayPath } from '../files/displayPath';
import type { Finding } from '../findings/findings';
import type { CheckedClaim, Citation, Evidence, Range, SkippedSentence, Source, SourceLibrary } from '../model';
import type { FileResult } from './fileResult';

export const JSON_REPORT_VERSION = 1;

export interface JsonFormatOptions {
  /** Source paths inside this folder are written relative to it. */
  baseDir: string;
}

export function formatJson(results: readonly FileResult[], library: SourceLibrary, options: JsonFormatOptions): string {
  const document = {
    version: JSON_REPORT_VERSION,
    sources: library.sources.map((source) => jsonSource(source, options.baseDir)),
    files: results.map(jsonFile),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

function jsonSource(source: Source, baseDir: string) {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    dateline: source.dateline,
    date: source.date,
    url: source.url,
    path: displayPath(source.path, baseDir),
    bundled: source.bundled,
    passages: source.passages.length,
  };
}

function jsonFile({ report, findings }: FileResult) {
  return {
    path: report.path,
    claims: report.claims.map(jsonClaim),
    skipped: report.skipped.map(jsonSkipped),
    ...(report.error === undefined ? { findings: findings.map(jsonFinding) } : {}),
    unchecked: report.unchecked?.map((sentence) => ({ text: sentence.text, range: jsonRange(sentence.range), error: sentence.error })),
    error: report.error,
  };
}

function jsonFinding(finding: Finding) {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range: jsonRange(finding.claim.range),
    evidence: finding.evidence && { sourceId: finding.evidence.sourceId, line: finding.evidence.line },
    backingSources: [...finding.backingSources],
  };
}

/** Exported for the `score` command, which prints verdicts in the same shape. */
export function jsonEvidence(evidence: readonly Evidence[]) {
  return evidence.map((e) => ({ sourceId: e.sourceId, line: e.line, text: e.text, score: round(e.score) }));
}

function jsonClaim(claim: CheckedClaim) {
  return {
    text: claim.text,
    ...(claim.fact !== undefined ? { fact: claim.fact } : {}),
    range: jsonRange(claim.range),
    verdict: claim.verdict,
    confidence: round(claim.confidence),
    evidence: jsonEvidence(claim.evidence),
    citations: claim.citations.map(jsonCitation),
    reason: claim.reason,
    conflict: claim.conflict && {
      slot: claim.conflict.slot,
      claim: claim.conflict.claim,
      source: claim.conflict.source,
      sourceId: claim.conflict.sourceId,
    },
    unbacked: claim.unbacked && [...claim.unbacked],
    citationMismatch: claim.citationMismatch && {
      cited: [...claim.citationMismatch.cited],
      backedBy: claim.citationMismatch.backedBy,
      message: claim.citationMismatch.message,
    },
  };
}

function jsonCitation(citation: Citation) {
  return {
    kind: citation.kind,
    label: citation.label,
    sourceId: citation.sourceId,
    range: jsonRange(citation.range),
  };
}

function jsonSkipped(skipped: SkippedSentence) {
  return { text: skipped.text, range: jsonRange(skipped.range), reason: skipped.reason };
}

function jsonRange(range: Range) {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** Scores are heuristics: three decimals keep reports readable and diffs quiet. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
