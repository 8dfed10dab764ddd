// A claim that is not a sentence — no finite verb, or a verb with no subject — states nothing a source can back, however
// many of its words the passage has ("a new plan for the city centre"; "was arrested on Monday").
import type { Analysis } from '../../text/analyze';
import { anyClauseOf } from './clause';

export function isFragment(claim: Analysis): boolean {
  const clause = anyClauseOf(claim);
  return !clause || !clause.subject;
}
