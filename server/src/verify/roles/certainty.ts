// Certainty overstated: the claim says a thing will (definitely) happen where its passage says it may. Every word of
// "Guevara will definitely join the talks" is backed by "Guevara … suggesting he may join the talks" but the hedge,
// and the hedge is what the source says: a claim surer than its source is not backed by it. The other way round ("may
// join" where the source says "will join") claims less than the source and stays supported.
import type { Analysis } from '../../text/analyze';
import type { Alignment } from '../alignment';
import { placedUnits } from './matched';

export interface Overstated {
  /** The claim's word of certainty ("will", "definitely"). */
  word: string;
  /** The passage's hedge before the same verb ("may"). */
  hedge: string;
}

/** Words that state a thing as certain or as what will happen. */
const CERTAIN = new Set(['will', 'shall', 'definitely', 'certainly', 'surely', 'undoubtedly']);
/** Words that state it as possible only. "can" and "would" are left out: ability and reported future, not doubt. */
const POSSIBLE = new Set(['may', 'might', 'could', 'possibly', 'perhaps', 'maybe']);
/** How near the verb a modal or adverb stands: "will definitely not join", "may yet join". */
const REACH = 3;
/** A word read as "will" the noun ("the will of the people", "his will") rather than the modal. */
const BEFORE_NOUN = new Set(['the', 'a', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'political', 'free', 'good']);

export function overstatedCertainty(claim: Analysis, support: Alignment | undefined): Overstated | undefined {
  if (!support) return undefined;
  const placed = placedUnits(support);
  const evidence = support.evidence.analysis.tokens;
  const tokens = claim.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!CERTAIN.has(tokens[i].folded) || (i > 0 && BEFORE_NOUN.has(tokens[i - 1].folded))) continue;
    // The first backed word after it, within reach: the verb the certainty is about.
    const verb = placed.find((p) => p.ua.unit.start > i && p.ua.unit.start <= i + REACH);
    if (!verb) continue;
    const before = evidence.slice(Math.max(0, verb.at - REACH), verb.at).map((t) => t.folded);
    const hedge = before.find((w) => POSSIBLE.has(w));
    if (hedge && !before.some((w) => CERTAIN.has(w))) return { word: tokens[i].raw, hedge };
  }
  return undefined;
}
