// The exit statuses are part of the CLI's contract (CI scripts test them), so they and the rule that picks
// between "clean" and "findings" live in one place.
import type { ReportCounts } from '../formats/counts';

export const EXIT = {
  ok: 0,
  /** A finding at or above --fail-on. */
  findings: 1,
  /** A usage error, or an input or --sources folder that could not be read. */
  inputError: 2,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

export const FAIL_LEVELS = ['contradicted', 'unsupported', 'error', 'warning', 'none'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

/**
 * By kind: contradicted > unsupported, a citation mismatch weighing as much as an unsupported claim. By severity (as
 * the project config sets them): error > warning. A finding switched off or accepted is no finding, and fails nothing.
 */
export function reachesFailLevel(counts: ReportCounts, failOn: FailLevel): boolean {
  const { findings } = counts;
  switch (failOn) {
    case 'none':
      return false;
    case 'contradicted':
      return findings.contradicted > 0;
    case 'unsupported':
      return findings.contradicted + findings.unsupported + findings['citation-mismatch'] > 0;
    case 'error':
      return counts.errors > 0;
    case 'warning':
      return counts.errors + counts.warnings > 0;
  }
}

/**
 * Unreadable inputs (and claims the engine failed on) outrank findings: a report that skipped a file or a claim must
 * not pass as clean or as merely failing.
 */
export function exitStatusFor(counts: ReportCounts, failOn: FailLevel): ExitStatus {
  if (counts.unreadable > 0 || counts.unchecked > 0) return EXIT.inputError;
  return reachesFailLevel(counts, failOn) ? EXIT.findings : EXIT.ok;
}
