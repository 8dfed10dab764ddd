// Dates and times: how well two dates match, and another date, year, weekday or time of day in the evidence as a
// conflict ("on Monday" against "on Tuesday").
import type { Conflict } from '../../model';
import type { Unit } from '../../text/analyze';
import type { EvidenceConflict } from '../alignment';
import { otherValue, type ConflictSearch, type Place } from './search';

/** "on August 5" adds a day to "in August": a detail the evidence does not back (the month is right, hence not 0). */
const ADDED_DAY_SCORE = 0.4;

/** Match of two dates: 0 when month, day or year differ. */
export function dateScore(a: Unit, b: Unit): number {
  const [x, y] = [a.date!, b.date!];
  if (x.month !== y.month) return 0;
  if (x.day !== undefined && y.day !== undefined && x.day !== y.day) return 0;
  if (x.year !== undefined && y.year !== undefined && x.year !== y.year) return 0;
  return x.day !== undefined && y.day === undefined ? ADDED_DAY_SCORE : 1;
}

/** Another date anywhere in the evidence. */
export function dateConflict(search: ConflictSearch): EvidenceConflict | undefined {
  return otherValue(search, 'date', (u) => u.kind === 'date' && dateScore(search.ua.unit, u) === 0, 'anywhere');
}

/** Another year, in the year's slot only. */
export function yearConflict(search: ConflictSearch): EvidenceConflict | undefined {
  return otherOfKind(search, 'date', 'inSlot');
}

export function weekdayConflict(search: ConflictSearch): EvidenceConflict | undefined {
  return otherOfKind(search, 'weekday', 'anywhere');
}

export function timeConflict(search: ConflictSearch): EvidenceConflict | undefined {
  return otherOfKind(search, 'time', 'anywhere');
}

/** Another value of the claim unit's own kind. */
function otherOfKind(search: ConflictSearch, slot: Conflict['slot'], place: Place): EvidenceConflict | undefined {
  const unit = search.ua.unit;
  return otherValue(search, slot, (u) => u.kind === unit.kind && u.key !== unit.key, place);
}
