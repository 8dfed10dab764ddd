// The rules a claim must pass before the learned model may call it supported, shared by decide() and the trainer (so the
// model learns among exactly the claims it will judge): every name, number and date backed; no word the source says
// otherwise; a sentence, not a fragment; the passage's roles, not other ones, for the words it backs; and no more
// certainty than the passage has.
import type { Unit } from '../text/analyze';
import { backsEveryDetail, type SentenceAssessment } from './assess';
import { replacedWord } from './replacedWords';
import { overstatedCertainty, type Overstated } from './roles/certainty';
import { movedRoles } from './roles/movedRoles';
import { otherDoer, type OtherDoer } from './roles/otherDoer';
import { isFragment } from './roles/wellFormed';

/** What the structure of a sentence does wrong against its best conflict-free evidence. */
export type StructuralFault =
  | { kind: 'fragment'; sentence: SentenceAssessment }
  | { kind: 'roles'; sentence: SentenceAssessment; moved: Unit[] }
  | { kind: 'doer'; sentence: SentenceAssessment; doer: OtherDoer }
  | { kind: 'certainty'; sentence: SentenceAssessment; overstated: Overstated };

/** Whether every sentence passes the rules (the coverage floor and the model come after). */
export function passesRules(checkable: SentenceAssessment[]): boolean {
  return checkable.every(backsEveryDetail) && !checkable.some(saysOtherWord) && structuralFault(checkable) === undefined;
}

/** The first sentence that is a fragment, or whose support has its roles the other way round. */
export function structuralFault(checkable: SentenceAssessment[]): StructuralFault | undefined {
  for (const sentence of checkable) {
    if (isFragment(sentence.claim)) return { kind: 'fragment', sentence };
    const moved = movedRoles(sentence.claim, sentence.support);
    if (moved.length) return { kind: 'roles', sentence, moved };
    const doer = otherDoer(sentence.claim, sentence.support);
    if (doer) return { kind: 'doer', sentence, doer };
    const overstated = overstatedCertainty(sentence.claim, sentence.support);
    if (overstated) return { kind: 'certainty', sentence, overstated };
  }
  return undefined;
}

/** Whether the sentence's support has another word where the claim has one of its own (replacedWords.ts). */
function saysOtherWord(assessment: SentenceAssessment): boolean {
  const support = assessment.support!;
  return support.units.some((ua) => replacedWord(ua, support, assessment.claim) !== undefined);
}
