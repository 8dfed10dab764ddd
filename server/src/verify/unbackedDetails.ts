// The words of a supported claim the writer should look at: the coverage floor lets a supported claim leave up to a
// third of its weighted details unbacked ("she spent the weekend at the coast with her sisters" against "she spent the
// weekend painting"), so those words are named (the `unbacked-detail` finding). To name only what matters, a word is
// listed when it is a content word (a name, a number or date, a noun, verb or adjective; not an adverb, a preposition,
// a quantifier or a word as general as "time") and neither the backing passage nor the sentence beside it backs it
// (a writer who draws on two adjacent sentences has not added anything).
import type { PassageIndex } from '../index/passageIndex';
import type { Analysis } from '../text/analyze';
import { lexiconId } from '../text/lexicon';
import { stemWord } from '../text/stem';
import type { Alignment, UnitAlignment } from './alignment';
import { bestMatch } from './match';
import { THRESHOLDS } from './thresholds';

/** At most this many words are named, the heaviest (the message counts the rest). */
const NAMED_AT_MOST = 4;

// Function words the stop list lets through (it keeps a few of them for other rules), and nouns so general that they
// state nothing on their own ("at the same time", "the fourth time since 2012").
const NOT_CONTENT = new Set(
  `despite although though however because unless whereas instead either nor several many much every another across
  along around behind beyond near without like unlike amid throughout beside besides except including regarding
  concerning thus hence therefore meanwhile otherwise indeed perhaps maybe almost nearly soon often always sometimes
  yesterday today tomorrow something anything everything someone anyone everyone else less least time way thing`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words in -ly that are adjectives, not adverbs made of one ("a deadly attack", "weekly talks"). */
const LY_ADJECTIVES = new Set('deadly costly elderly friendly weekly monthly daily yearly quarterly lonely lively timely'.split(' '));
/** The shortest base of an adverb in -ly: "quick-ly", not "al-ly" or "rep-ly". */
const ADVERB_BASE_LENGTH = 4;

/** The claim's content words that the supporting evidence and its neighbouring sentences leave unbacked. */
export function unbackedDetailsOf(support: Alignment, claim: Analysis, index: PassageIndex): UnitAlignment[] {
  const unbacked = support.units.filter((ua) => ua.score < THRESHOLDS.backed && !ua.conflict && isContentWord(ua, claim));
  if (unbacked.length === 0) return [];
  const neighbours = neighboursOf(support.evidence.passageIds, index).map((id) => index.analysis(id));
  return unbacked
    .filter((ua) => !neighbours.some((passage) => bestMatch(ua.unit, passage).score >= THRESHOLDS.backed))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, NAMED_AT_MOST)
    .sort((a, b) => a.unit.start - b.unit.start);
}

/** A name, number or date, or a word that states something: not a light, function or very general word, nor an adverb. */
export function isContentWord(ua: UnitAlignment, claim: Analysis): boolean {
  if (ua.unit.kind !== 'word') return true;
  // A light word (reporting, hedging) or one most passages have tells too little to name.
  if (ua.weight < THRESHOLDS.namedWeight) return false;
  const folded = claim.tokens[ua.unit.start].folded;
  return !NOT_CONTENT.has(folded) && !isAdverb(folded);
}

/** An adverb made of an adjective the lexicon knows: "secretly", "directly". */
function isAdverb(folded: string): boolean {
  if (!folded.endsWith('ly') || LY_ADJECTIVES.has(folded)) return false;
  const base = folded.slice(0, -2);
  return base.length >= ADVERB_BASE_LENGTH && lexiconId(stemWord(base)) >= 0;
}

/** The sentences just before and just after the evidence, within its source. */
function neighboursOf(passageIds: number[], index: PassageIndex): number[] {
  const before = index.neighbour(passageIds[0], -1);
  const after = index.neighbour(passageIds[passageIds.length - 1], 1);
  return [before, after].filter((id): id is number => id !== undefined);
}
