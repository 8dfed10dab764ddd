// The text of claim and evidence units, quoted as written.
import type { Analysis, Unit } from '../text/analyze';

/** The text of a unit, or of the units from `first` to `last` (inclusive). */
export function spanText(analysis: Analysis, first: Unit, last: Unit = first): string {
  return tokenText(analysis, first.start, last.end);
}

/** The text of the tokens [start, end). */
export function tokenText(analysis: Analysis, start: number, end: number): string {
  return analysis.text.slice(analysis.tokens[start].start, analysis.tokens[end - 1].end);
}
