// Opposed frames: phrases that say opposite things of what follows them, which no single-word antonym catches ("agreed
// to talks" against "ruled out any talks", "attended the summit" against "turned down an invitation to the summit",
// "was ready to speak" against "refused to speak"). The reviewed list lives in server/data/opposites-supplement.txt.
import type { Analysis } from '../../text/analyze';
import { opposedFrames } from '../../text/lexicon';
import type { UnitAlignment } from '../alignment';
import { closestBackedNeighbours, type TokenRange } from '../slots';
import { THRESHOLDS } from '../thresholds';
import { negatedBefore } from './negation';
import type { PolarityConflict } from './polarity';

/**
 * A frame of the claim whose opposite the evidence states where the claim's neighbouring words place it, both read
 * with the same polarity ("did not rule out talks" does not oppose "agreed to talks").
 */
export function frameConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis): PolarityConflict | undefined {
  for (const { own, opposite, at } of framesOf(claim)) {
    // The claim word that carries the frame: its first content word ("agreed", "ready", "attended").
    const holder = units.find((ua) => ua.unit.kind === 'word' && ua.unit.start >= at && ua.unit.start < at + own.length);
    if (!holder || holder.conflict) continue;
    const near = closestBackedNeighbours(holder, units, ev);
    // The claim's own word in place too ("did not accept an invitation to attend" against "declined an invitation to
    // attend"): the frame's opposite is about something else.
    if (holder.score >= THRESHOLDS.closeMatch && holder.evidenceUnit !== undefined && overlaps(ev.units[holder.evidenceUnit].start, 1, near)) continue;
    for (let found = occurrence(ev, opposite, 0); found >= 0; found = occurrence(ev, opposite, found + 1)) {
      if (!overlaps(found, opposite.length, near) || negatedBefore(claim, at) !== negatedBefore(ev, found)) continue;
      return {
        holder,
        antonym: true,
        conflict: { slot: 'polarity', claim: textOf(claim, at, own.length), source: textOf(ev, found, opposite.length) },
      };
    }
  }
  return undefined;
}

interface ClaimFrame {
  own: readonly string[];
  opposite: readonly string[];
  /** The token where the claim states `own`. */
  at: number;
}

// The claim's frames are the same for every piece of evidence it is aligned with: read once per claim.
const claimFrames = new WeakMap<Analysis, ClaimFrame[]>();

function framesOf(claim: Analysis): ClaimFrame[] {
  let found = claimFrames.get(claim);
  if (!found) {
    found = [];
    for (const [own, opposite] of opposedFrames()) {
      const at = occurrence(claim, own, 0);
      if (at >= 0) found.push({ own, opposite, at });
    }
    claimFrames.set(claim, found);
  }
  return found;
}

/** The first token at or after `from` where the stems of `words` follow one another, or -1. */
function occurrence(analysis: Analysis, words: readonly string[], from: number): number {
  const { tokens } = analysis;
  for (let i = from; i + words.length <= tokens.length; i++) {
    let k = 0;
    while (k < words.length && tokens[i + k].stem === words[k]) k++;
    if (k === words.length) return i;
  }
  return -1;
}

function overlaps(start: number, length: number, ranges: TokenRange[]): boolean {
  return ranges.some(([from, to]) => start < to && start + length > from);
}

function textOf(analysis: Analysis, start: number, length: number): string {
  return analysis.text.slice(analysis.tokens[start].start, analysis.tokens[start + length - 1].end);
}
