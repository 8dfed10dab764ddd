// "Use the source's …": where the conflicting words of a contradicted claim are in the document, and what replaces
// them. Only details with a clear replacement (numbers, dates, names) qualify; a polarity or role conflict needs
// rewording, not a substitution.

import type { CheckedClaim, Conflict, Range } from '../model';
import type { LineIndex } from '../markdown/positions';

const REPLACEABLE_SLOTS: ReadonlySet<Conflict['slot']> = new Set([
  'number', 'date', 'weekday', 'time', 'person', 'place', 'organisation', 'name',
]);

export interface ConflictReplacement {
  startOffset: number;
  endOffset: number;
  range: Range;
  /** The draft's words being replaced, and the source's words replacing them. */
  claimWords: string;
  text: string;
}

/**
 * The edit that puts the source's words in place of the draft's. Words shared by both sides are left alone ("more
 * than 70" → "more than 50" replaces just "70"). The words must occur exactly once inside the sentence, as whole
 * words: anything else would be a guess about which occurrence is meant.
 */
export function conflictReplacement(text: string, claim: CheckedClaim, lines: LineIndex): ConflictReplacement | undefined {
  const conflict = claim.conflict;
  if (claim.verdict !== 'contradicted' || !conflict || !REPLACEABLE_SLOTS.has(conflict.slot)) return undefined;
  if (conflict.claim.trim() === '' || conflict.source.trim() === '' || conflict.claim === conflict.source) return undefined;

  const candidates = [narrowToDifference(conflict.claim, conflict.source), { from: conflict.claim, to: conflict.source }];
  for (const { from, to } of candidates) {
    const at = singleWholeWordOccurrence(text, from, claim.startOffset, claim.endOffset);
    if (at !== undefined) {
      const endOffset = at + from.length;
      return { startOffset: at, endOffset, range: lines.rangeAt(at, endOffset), claimWords: from, text: to };
    }
  }
  return undefined;
}

/** Drops the words both phrases start and end with. */
function narrowToDifference(claimWords: string, sourceWords: string): { from: string; to: string } {
  const a = claimWords.trim().split(/\s+/);
  const b = sourceWords.trim().split(/\s+/);
  let head = 0;
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - 1 - head && tail < b.length - 1 - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from: a.slice(head, a.length - tail).join(' '), to: b.slice(head, b.length - tail).join(' ') };
}

function singleWholeWordOccurrence(text: string, words: string, start: number, end: number): number | undefined {
  if (words === '') return undefined;
  let found: number | undefined;
  for (let at = text.indexOf(words, start); at !== -1 && at + words.length <= end; at = text.indexOf(words, at + 1)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + words.length])) continue;
    if (found !== undefined) return undefined;
    found = at;
  }
  return found;
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}
