// Tallies shared by the report formats and the CLI's exit status.
import type { FileReport } from '../model';
import { isCitationFinding } from './findings';

export interface ReportCounts {
  /** Files that were read and checked. */
  files: number;
  /** Inputs that could not be read (missing, binary, empty…). */
  unreadable: number;
  claims: number;
  supported: number;
  unsupported: number;
  contradicted: number;
  /** Claims citing a source that does not back them, where that is a finding of its own (see isCitationFinding). */
  citationMismatches: number;
  skipped: number;
}

const ZERO: ReportCounts = {
  files: 0,
  unreadable: 0,
  claims: 0,
  supported: 0,
  unsupported: 0,
  contradicted: 0,
  citationMismatches: 0,
  skipped: 0,
};

export function countReport(report: FileReport): ReportCounts {
  if (report.error !== undefined) return { ...ZERO, unreadable: 1 };
  const counts = { ...ZERO, files: 1, claims: report.claims.length, skipped: report.skipped.length };
  for (const claim of report.claims) {
    counts[claim.verdict] += 1;
    if (isCitationFinding(claim)) counts.citationMismatches += 1;
  }
  return counts;
}

export function countReports(reports: readonly FileReport[]): ReportCounts {
  const total = { ...ZERO };
  for (const counts of reports.map(countReport)) {
    for (const key of Object.keys(total) as (keyof ReportCounts)[]) total[key] += counts[key];
  }
  return total;
}

/** `1 claim`, `2 claims`: the reports are read by people first. */
export function plural(count: number, singular: string, pluralForm = singular + 's'): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
