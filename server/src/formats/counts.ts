// Tallies shared by the report formats and the CLI's exit status.
import { FINDING_CODES, type FindingCode } from '../findings/codes';
import type { FileResult } from './fileResult';

export interface ReportCounts {
  /** Files that were read and checked. */
  files: number;
  /** Inputs that could not be read (missing, binary, empty…). */
  unreadable: number;
  /** Claims the engine failed on (a bug): not checked. */
  unchecked: number;
  claims: number;
  supported: number;
  unsupported: number;
  contradicted: number;
  skipped: number;
  /** Findings by code (a finding whose severity is `off`, or of an accepted claim, is not one). */
  findings: Record<FindingCode, number>;
  /** Findings by severity. */
  errors: number;
  warnings: number;
}

function zero(): ReportCounts {
  return {
    files: 0,
    unreadable: 0,
    unchecked: 0,
    claims: 0,
    supported: 0,
    unsupported: 0,
    contradicted: 0,
    skipped: 0,
    findings: Object.fromEntries(FINDING_CODES.map((code) => [code, 0])) as Record<FindingCode, number>,
    errors: 0,
    warnings: 0,
  };
}

export function countReport({ report, findings }: FileResult): ReportCounts {
  const counts = zero();
  if (report.error !== undefined) return { ...counts, unreadable: 1 };
  counts.files = 1;
  counts.claims = report.claims.length;
  counts.skipped = report.skipped.length;
  counts.unchecked = report.unchecked?.length ?? 0;
  for (const claim of report.claims) counts[claim.verdict] += 1;
  for (const finding of findings) {
    counts.findings[finding.code] += 1;
    if (finding.severity === 'error') counts.errors += 1;
    if (finding.severity === 'warning') counts.warnings += 1;
  }
  return counts;
}

export function countReports(results: readonly FileResult[]): ReportCounts {
  const total = zero();
  for (const counts of results.map(countReport)) {
    for (const key of ['files', 'unreadable', 'unchecked', 'claims', 'supported', 'unsupported', 'contradicted', 'skipped', 'errors', 'warnings'] as const) {
      total[key] += counts[key];
    }
    for (const code of FINDING_CODES) total.findings[code] += counts.findings[code];
  }
  return total;
}

/** `1 claim`, `2 claims`: the reports are read by people first. */
export function plural(count: number, singular: string, pluralForm = singular + 's'): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
