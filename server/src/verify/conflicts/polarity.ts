// Reversed polarity: a "not" on one side only (negation.ts), an antonym in place of the claim's word (antonyms.ts),
// an opposed frame in place of the claim's phrase (frames.ts), or another superlative in a superlative's slot.
import type { Analysis } from '../../text/analyze';
import type { EvidenceConflict, UnitAlignment } from '../alignment';
import { antonymConflict } from './antonyms';
import { frameConflict } from './frames';
import { negationConflict } from './negation';
import { otherValue, type ConflictSearch } from './search';

export type PolarityConflict =
  | {
      /** The claim word in conflict. */
      holder: UnitAlignment;
      /** The evidence has the word's antonym, not the word. */
      antonym?: boolean;
      /** Other claim words of the same conflict (an opposed frame's). */
      also?: UnitAlignment[];
      conflict: EvidenceConflict;
    }
  /** A reversed polarity too uncertain to be a contradiction: the word is only not backed. */
  | { holder: UnitAlignment; unbackedOnly: true };

/**
 * Marks the first reversed polarity as the claim's conflict. A word in its antonym's place is not backed, even by a
 * synonym elsewhere; a negated word still matched.
 */
export function markPolarityConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis): void {
  const polarity = negationConflict(units, claim, ev) ?? antonymConflict(units, claim, ev) ?? frameConflict(units, claim, ev);
  if (!polarity) return;
  if ('unbackedOnly' in polarity) {
    polarity.holder.score = 0;
    return;
  }
  for (const ua of [polarity.holder, ...(polarity.also ?? [])]) {
    ua.conflict = polarity.conflict;
    if (polarity.antonym) ua.score = 0;
  }
}

/** "the largest" against "the smallest": another superlative in the superlative's slot. */
export function superlativeConflict(search: ConflictSearch): EvidenceConflict | undefined {
  return otherValue(search, 'polarity', (u) => u.superlative, 'inSlot');
}
