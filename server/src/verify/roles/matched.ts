// The claim units an alignment backs, each with the evidence token it stands on: what the order and role features
// compare.
import type { Alignment, UnitAlignment } from '../alignment';
import { THRESHOLDS } from '../thresholds';

export interface Placed {
  ua: UnitAlignment;
  /** Token index of the evidence unit it matched. */
  at: number;
  /** Token index just past that evidence unit. */
  end: number;
}

/** The backed units in claim order, with their place in the evidence (names backed only by coreference have none). */
export function placedUnits(best: Alignment): Placed[] {
  const evidenceUnits = best.evidence.analysis.units;
  const placed: Placed[] = [];
  for (const ua of best.units) {
    if (ua.score < THRESHOLDS.backed || ua.evidenceUnit === undefined || ua.coreferenced) continue;
    const unit = evidenceUnits[ua.evidenceUnit];
    if (unit) placed.push({ ua, at: unit.start, end: unit.end });
  }
  return placed;
}
