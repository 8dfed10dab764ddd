// Numbers: how well two amounts match, and another amount in the evidence as a conflict ("12 people" against
// "15 people"). Durations compare in days ("two weeks" = "14 days").
import type { Unit } from '../../text/analyze';
import { relation } from '../../text/lexicon';
import { numbersAgree } from '../../text/numbers';
import type { EvidenceConflict } from '../alignment';
import { otherValue, type ConflictSearch } from './search';

/** What a number's match is worth (see SCORES in ../thresholds.ts for words). */
export const NUMBER_SCORES = {
  same: 1,
  /** The evidence allows the claim's amount without stating it ("more than 50" for "more than 40"). */
  compatible: 0.8,
  /** The same value of another unit ("5 miles" for "5 people"): perhaps another thing counted; just enough to back. */
  otherUnit: 0.5,
};

/** Match of two numbers. */
export function numberScore(a: Unit, b: Unit): number {
  const agreement = amountsAgree(a, b);
  if (agreement === 'different' || agreement === 'incomparable') return 0;
  const [x, y] = [a.number!, b.number!];
  const durations = x.days !== undefined && y.days !== undefined;
  if (!durations && x.unitStems.length && y.unitStems.length && !unitsOverlap(a, b) && !x.ordinal) return NUMBER_SCORES.otherUnit;
  return agreement === 'same' ? NUMBER_SCORES.same : NUMBER_SCORES.compatible;
}

/**
 * Another amount of the same quantity anywhere in the evidence (the same unit, a share, a duration), else another
 * amount in the number's slot.
 */
export function numberConflict(search: ConflictSearch): EvidenceConflict | undefined {
  const unit = search.ua.unit;
  const different = (u: Unit) => u.kind === 'number' && amountsAgree(unit, u) === 'different';
  return otherValue(search, 'number', (u) => different(u) && sameQuantity(unit, u), 'anywhere') ??
    otherValue(search, 'number', different, 'inSlot');
}

/** Two amounts that count the same thing wherever they stand: of one unit, two shares, or two durations. */
function sameQuantity(a: Unit, b: Unit): boolean {
  return unitsOverlap(a, b) || a.number!.share || (a.number!.days !== undefined && b.number!.days !== undefined);
}

/** Durations compare in days ("two weeks" = "14 days"), other amounts by value. */
function amountsAgree(a: Unit, b: Unit): 'same' | 'compatible' | 'different' | 'incomparable' {
  const [x, y] = [a.number!, b.number!];
  if (x.share !== y.share) return 'incomparable';
  if (x.days !== undefined && y.days !== undefined) return numbersAgree({ ...x, value: x.days }, { ...y, value: y.days });
  return numbersAgree(x, y);
}

/** Whether two amounts have the same unit, or units the lexicon relates ("people" and "persons"). */
function unitsOverlap(a: Unit, b: Unit): boolean {
  for (const x of a.number!.unitStems) {
    for (const y of b.number!.unitStems) {
      if (x === y) return true;
      const r = relation(x, y);
      if (r === 'synonym' || r === 'related') return true;
    }
  }
  return false;
}
