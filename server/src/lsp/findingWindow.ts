// Which of a document's findings are published. All of them, up to `grounded.maxFindingsPerDocument`; beyond that
// (a book-length draft checked against unrelated sources can give tens of thousands, and LSP publishes a document's
// diagnostics whole, at every check) the cap's worth nearest the line the writer is at, in document order. The
// window follows the writer: it moves when they work near its edge (needsNewWindow).

export interface FindingWindow<T> {
  shown: T[];
  /** The index of the first shown finding. */
  start: number;
  /** Findings not published. */
  unlisted: number;
  /** The lines the first and last shown findings start on. */
  firstLine: number;
  lastLine: number;
  /** Whether the window reaches the document's first and last finding (then working beyond it never moves it). */
  atStart: boolean;
  atEnd: boolean;
}

/** `findings` in document order; `lineOf` gives the line a finding starts on. */
export function findingWindow<T>(findings: readonly T[], lineOf: (finding: T) => number, focusLine: number, cap: number): FindingWindow<T> {
  const all = findings.length <= cap;
  const start = all ? 0 : Math.max(0, Math.min(firstAtOrAfter(findings, lineOf, focusLine) - Math.floor(cap / 2), findings.length - cap));
  const shown = all ? [...findings] : findings.slice(start, start + cap);
  return {
    shown,
    start,
    unlisted: findings.length - shown.length,
    firstLine: shown.length ? lineOf(shown[0]) : 0,
    lastLine: shown.length ? lineOf(shown[shown.length - 1]) : 0,
    atStart: start === 0,
    atEnd: start + shown.length === findings.length,
  };
}

/**
 * Whether the writer, now at `focusLine`, has left the middle half of the window: then a window centred on them
 * again is published, so they never work where findings are missing.
 */
export function needsNewWindow(window: Omit<FindingWindow<unknown>, 'shown'>, focusLine: number): boolean {
  if (window.unlisted === 0) return false;
  const quarter = Math.floor((window.lastLine - window.firstLine) / 4);
  const low = window.atStart ? Number.NEGATIVE_INFINITY : window.firstLine + quarter;
  const high = window.atEnd ? Number.POSITIVE_INFINITY : window.lastLine - quarter;
  return focusLine < low || focusLine > high;
}

function firstAtOrAfter<T>(findings: readonly T[], lineOf: (finding: T) => number, line: number): number {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lineOf(findings[middle]) < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
