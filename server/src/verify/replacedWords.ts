// A claim word the evidence has another word in place of: "revenue from gold sales" against "revenue from the sale of
// oil", "sale of gold" against "sale of oil", "the bridge inspectors" against "the road inspectors". The same slot holds
// another filler, so the passage does not back the claim however much of the rest it covers (the coverage floor lets
// a third of a claim's details go unbacked; this one is not left out, it is said otherwise). Not a contradiction:
// "gold" and "oil" are no values of one typed slot (a number, a date, a name) whose difference the label rules call a
// conflict. The claim is unsupported, and its reason names both words.
//
// Only the modifier of a head noun both sides share is read, only a noun, and only where a noun phrase opens before it
// ("from gold sales", not "Affidavit states"). Measured on the fitting data (SummEdits' other domains, the FRANK and
// SummEdits news fit splits) and read on the human-written CNN/DM highlights: a slot read anywhere between two matched
// neighbours, or with describing words ("the ailing start-up" against "the troubled start-up": a paraphrase the
// lexicon lacks), or without the phrase opening, turned more supported sentences into unsupported ones than it caught.
import { writtenInLowerCase, type Analysis, type Unit } from '../text/analyze';
import type { Alignment, UnitAlignment } from './alignment';
import { spanText } from './spans';
import { THRESHOLDS } from './thresholds';
import { isContentWord } from './unbackedDetails';

/** Determiners that may stand between "of" and the noun it introduces ("the sale of the oil"). */
const DETERMINERS = new Set(['the', 'a', 'an']);
/**
 * What opens a noun phrase: a modifier comes right after one ("from gold sales", "the bridge inspectors"). Without it
 * a word before another is as often a subject before its verb ("Affidavit states") or a verb before its object.
 */
const PHRASE_OPENERS = new Set(`the a an its their his her our this that these those from of in on for with by at to into
  about over under after before`.split(/\s+/).filter(Boolean));
/** Endings of adjectives and participles ("troubled", "ailing", "precarious", "defective"): not a noun modifier. */
const DESCRIBING_ENDING = /(ed|ing|ous|ive|ful|less|al|ic|able|ible|ent|ant|ary|ory|ish|ile|y)$/;

/** The evidence word that stands where the claim's unbacked content word would, if the slot holds one. */
export function replacedWord(ua: UnitAlignment, alignment: Alignment, claim: Analysis): string | undefined {
  if (ua.unit.kind !== 'word' || ua.score >= THRESHOLDS.backed || ua.conflict || !isContentWord(ua, claim)) return undefined;
  const ev = alignment.evidence.analysis;
  const used = new Set(alignment.units.filter((u) => u.score > 0 && u.evidenceUnit !== undefined).map((u) => u.evidenceUnit!));
  const other = modifierOfSharedHead(ua, alignment.units, claim, ev, used) ?? otherNamePart(ua, alignment.units, claim, ev, used);
  return other && spanText(ev, other);
}

/**
 * In a claim written all in lower case (a tokenised summary), names are words: "frank jordan" against "Louis Jordan",
 * "the chinese grand prix" against "the Malaysian Grand Prix". The claim word beside a word the passage has as a name,
 * where the passage has another name in its place, is that name's part said otherwise (a claim in capitals has it
 * read as a name, and the name rules judge it).
 */
function otherNamePart(ua: UnitAlignment, all: UnitAlignment[], claim: Analysis, ev: Analysis, used: Set<number>): Unit | undefined {
  if (!writtenInLowerCase(claim.text)) return undefined;
  const at = all.indexOf(ua);
  for (const step of [1, -1] as const) {
    const neighbour = all[at + step];
    if (!neighbour || !isPinned(neighbour)) continue;
    const adjacent = step > 0 ? neighbour.unit.start === ua.unit.end : neighbour.unit.end === ua.unit.start;
    const name = ev.units[neighbour.evidenceUnit!];
    if (!adjacent || name.kind !== 'name') continue;
    const token = step > 0 ? name.start - 1 : name.end;
    const other = ev.units.findIndex((u) => (step > 0 ? u.end - 1 : u.start) === token && u.kind === 'name' && !u.country);
    // Side by side in the passage too, with nothing but a space between: one name's parts.
    if (other >= 0 && !used.has(other) && /^\s+$/.test(ev.text.slice(ev.tokens[step > 0 ? token : name.end - 1].end, ev.tokens[step > 0 ? name.start : token].start))) return ev.units[other];
  }
  return undefined;
}

/**
 * The claim word modifies a head noun right after it ("gold sales") and the evidence gives that head another noun
 * modifier: before it ("oil sales") or after it with "of" ("sale of oil"). Read from "sale of gold" too.
 */
function modifierOfSharedHead(ua: UnitAlignment, all: UnitAlignment[], claim: Analysis, ev: Analysis, used: Set<number>): Unit | undefined {
  const at = all.indexOf(ua);
  const next = all[at + 1];
  if (next && isPinned(next) && next.unit.start === ua.unit.end) {
    const word = claim.tokens[ua.unit.start];
    // A possessor ("the organization's sales") owns the head rather than saying which one it is.
    const possessive = /^['’]s/.test(claim.text.slice(word.end));
    if (next.unit.kind !== 'word' || possessive || !opensPhraseBefore(claim, ua.unit) || describes(word.folded)) return undefined;
    return modifierOf(ev.units[next.evidenceUnit!], ev, used);
  }
  const previous = all[at - 1];
  if (!previous || !isPinned(previous)) return undefined;
  const between = claim.tokens.slice(previous.unit.end, ua.unit.start).map((t) => t.folded);
  if (between[0] !== 'of' || !between.slice(1).every((word) => DETERMINERS.has(word))) return undefined;
  return modifierOf(ev.units[previous.evidenceUnit!], ev, used);
}

/** The unmatched noun right before a head noun, or after it past "of" and a determiner. */
function modifierOf(head: Unit, ev: Analysis, used: Set<number>): Unit | undefined {
  const unmatchedAt = (token: number) => ev.units.find((u, i) => u.start === token && !used.has(i) && u.kind === 'word');
  const before = unmatchedAt(head.start - 1);
  if (before) return describes(ev.tokens[before.start].folded) || !opensPhraseBefore(ev, before) ? undefined : before;
  let token = head.end;
  if (ev.tokens[token]?.folded !== 'of') return undefined;
  token++;
  while (ev.tokens[token] && DETERMINERS.has(ev.tokens[token].folded)) token++;
  return unmatchedAt(token);
}

function opensPhraseBefore(analysis: Analysis, unit: Unit): boolean {
  const previous = analysis.tokens[unit.start - 1];
  return previous !== undefined && PHRASE_OPENERS.has(previous.folded);
}

function describes(word: string): boolean {
  return DESCRIBING_ENDING.test(word);
}

/** A claim unit matched closely enough to tell where its neighbours stand in the evidence. */
function isPinned(ua: UnitAlignment): boolean {
  return ua.score >= THRESHOLDS.closeMatch && ua.evidenceUnit !== undefined;
}
