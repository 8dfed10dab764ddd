// Where the writer works in each document, as far as the server can tell: the line of their last edit, hover, code
// action (VS Code asks for code actions as the cursor moves) or completion. It places the window of published findings
// of a document with more than `grounded.maxFindingsPerDocument` (findingWindow.ts), and asks for the window to be
// published again when the writer leaves it.

import { linesOf } from '../findings/checkedDraft';
import { claimFindingCounts, claimFindings, type Finding, type FindingOptions } from '../findings/findings';
import type { CheckedDocument } from './checkedDocument';
import { findingWindow, needsNewWindow, type FindingWindow } from './findingWindow';

interface Published {
  text: string;
  window: Omit<FindingWindow<unknown>, 'shown'>;
}

export class WritingFocus {
  private readonly lines = new Map<string, number>();
  private readonly published = new Map<string, Published>();

  /** `moved(uri)` is called when the writer left a document's window: its findings should be published again. */
  constructor(private readonly moved: (uri: string) => void) {}

  /** The writer is at `line` of the document (a request's position). */
  at(uri: string, line: number): void {
    this.lines.set(uri, line);
    const published = this.published.get(uri);
    if (published && needsNewWindow(published.window, line)) this.moved(uri);
  }

  /**
   * The findings of a check to publish: all, or the cap's worth nearest the writer (whose last edit counts as where
   * they are). Only those are worded. A claim giving two findings is shown whole or not at all.
   */
  publishedFindings(document: CheckedDocument, options: FindingOptions, cap: number): { findings: Finding[]; unlisted: number } {
    const claims = document.report.claims;
    // One entry per finding: its claim's index.
    const counts = claimFindingCounts(document, options);
    const entries: number[] = [];
    for (let index = 0; index < counts.length; index++) {
      for (let n = counts[index]!; n > 0; n--) entries.push(index);
    }
    const before = this.published.get(document.uri);
    if (entries.length > cap && before && before.text !== document.text) {
      this.lines.set(document.uri, linesOf(document).positionAt(firstDifference(before.text, document.text)).line);
    }
    const window = findingWindow(entries, (index) => claims[index].range.start.line, this.lines.get(document.uri) ?? 0, cap);
    const { shown, ...extent } = window;
    this.published.set(document.uri, { text: document.text, window: extent });
    const findings: Finding[] = [];
    for (let i = 0; i < shown.length; i++) {
      const index = shown[i];
      if (index === shown[i - 1]) continue;
      // A claim cut by the window's edge is left out whole.
      const cutAtStart = i === 0 && window.start > 0 && entries[window.start - 1] === index;
      let count = 1;
      while (shown[i + count] === index) count++;
      const whole = claimFindings(document, index, options);
      if (!cutAtStart && whole.length === count) findings.push(...whole);
    }
    return { findings, unlisted: entries.length - findings.length };
  }

  /** How many findings the document's last publication left unlisted. */
  unlistedIn(uri: string): number {
    return this.published.get(uri)?.window.unlisted ?? 0;
  }

  forget(uri: string): void {
    this.lines.delete(uri);
    this.published.delete(uri);
  }
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
