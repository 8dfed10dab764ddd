// Checks a claim (one or more sentences) against the passage index.
import type { ClaimVerdict } from '../model';
import type { PassageIndex } from '../index/passageIndex';
import { assessSentence, claimSentences, type AssessOptions } from './assess';
import { decide } from './decide';

export type VerifyOptions = AssessOptions;

export function verifyClaim(text: string, index: PassageIndex, options: VerifyOptions = {}): ClaimVerdict {
  return decide(claimSentences(text).map((sentence) => assessSentence(sentence, index, options)), index);
}
