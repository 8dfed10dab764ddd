// The search every kind of conflict shares: another value of the claim detail's kind, among the evidence units no
// claim unit matched, anywhere in the evidence or only in the detail's place.
import type { Conflict } from '../../model';
import type { Analysis, Unit } from '../../text/analyze';
import type { EvidenceConflict, UnitAlignment } from '../alignment';
import { evidencePhraseSlot, evidenceSlot, nearAnchors, within, type TokenRange } from '../slots';
import { spanText } from '../spans';

export interface ConflictSearch {
  /** The claim detail, among all the claim's unit alignments. */
  ua: UnitAlignment;
  all: UnitAlignment[];
  claim: Analysis;
  ev: Analysis;
  /** The evidence units some claim unit matched (by index): only the others can hold another value. */
  used: ReadonlySet<number>;
}

export interface IndexedUnit {
  unit: Unit;
  /** Its index among the evidence's units. */
  index: number;
}

/**
 * Where another value must stand to conflict: anywhere, in the detail's slot (between the evidence words its claim
 * neighbours matched), in that slot short of a phrase break when one side only anchors it, or within a few words of
 * those words (when word order may differ).
 */
export type Place = 'anywhere' | 'inSlot' | 'inPhrase' | 'nearAnchors';

export function conflictSearch(ua: UnitAlignment, all: UnitAlignment[], claim: Analysis, ev: Analysis, used: Set<number>): ConflictSearch {
  return { ua, all, claim, ev, used };
}

/** The first unmatched evidence unit that passes `test`, in the given place. */
export function findUnmatched(search: ConflictSearch, test: (unit: Unit) => boolean, place: Place): IndexedUnit | undefined {
  // The place is worked out only once a unit passes the test (most evidence has no other value of the kind at all),
  // and the cheap test comes before the lookup of matched units. Both are pure, so the first hit is the same.
  let ranges: TokenRange[] | undefined | null = null;
  const { units } = search.ev;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index];
    if (!test(unit) || search.used.has(index)) continue;
    if (ranges === null) ranges = rangesOf(search, place);
    if (!ranges || ranges.some((range) => within(unit, range))) return { unit, index };
  }
  return undefined;
}

/** The claim detail in conflict with another value (by `test`) in the given place, each quoted as written. */
export function otherValue(search: ConflictSearch, slot: Conflict['slot'], test: (unit: Unit) => boolean, place: Place): EvidenceConflict | undefined {
  const hit = findUnmatched(search, test, place);
  return hit && { slot, claim: spanText(search.claim, search.ua.unit), source: spanText(search.ev, hit.unit) };
}

/** The evidence ranges a place allows; none for anywhere. */
function rangesOf(search: ConflictSearch, place: Place): TokenRange[] | undefined {
  switch (place) {
    case 'anywhere':
      return undefined;
    case 'inSlot': {
      const slot = evidenceSlot(search.ua, search.all, search.ev);
      return slot ? [slot] : [];
    }
    case 'inPhrase': {
      const slot = evidencePhraseSlot(search.ua, search.all, search.claim, search.ev);
      return slot ? [slot] : [];
    }
    case 'nearAnchors':
      return nearAnchors(search.ua, search.all, search.ev);
  }
}
