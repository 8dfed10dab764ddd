// A claim detail conflicts when the evidence holds a different value of the same kind in the same slot: one file
// per kind of detail.
import type { Analysis } from '../../text/analyze';
import type { EvidenceConflict, UnitAlignment } from '../alignment';
import { THRESHOLDS } from '../thresholds';
import { dateConflict, timeConflict, weekdayConflict, yearConflict } from './dates';
import { personNameConflict } from './names';
import { numberConflict } from './numbers';
import { countryConflict } from './places';
import { superlativeConflict } from './polarity';
import { conflictSearch } from './search';

/** The conflict of one claim detail with the evidence units no claim unit matched (`used` holds those matched). */
export function findConflict(ua: UnitAlignment, all: UnitAlignment[], claim: Analysis, ev: Analysis, used: Set<number>,
  articleNamesIt: boolean): EvidenceConflict | undefined {
  if (!mayConflict(ua)) return undefined;
  const search = conflictSearch(ua, all, claim, ev, used);
  switch (ua.unit.kind) {
    case 'number': return numberConflict(search);
    case 'date': return dateConflict(search);
    case 'year': return yearConflict(search);
    case 'weekday': return weekdayConflict(search);
    case 'time': return timeConflict(search);
    case 'name': return ua.unit.country ? countryConflict(search, articleNamesIt) : personNameConflict(search);
    case 'word': return superlativeConflict(search);
  }
}

/** A number or name the evidence backs, even loosely, is in no conflict; a word only as an unbacked superlative. */
function mayConflict(ua: UnitAlignment): boolean {
  switch (ua.unit.kind) {
    case 'word': return ua.unit.superlative && ua.score < THRESHOLDS.backed;
    case 'number':
    case 'name': return !(ua.score > 0);
    default: return true;
  }
}
