// The subject slot filled by someone else: the claim names who did it ("John Carver decided not to start Ferguson"),
// the passage has the same verb with another name right before it ("… on Sunday Gullit controversially decided not to
// start Ferguson"), and the claim's name is not among that verb's subjects. Summaries that fuse two sentences of a
// passage do this: the words are all backed, one of them from another clause. Read only where the passage's subject
// is a name standing next to the verb (over auxiliaries, adverbs, an age or a bracketed caption word), where the voice
// is the same on both sides, and where the claim's subject is a name of the passage: a pronoun or a description
// before the verb may well be the claim's name, and a reporting verb's subject is often inverted ("…, said Smith").
import { writtenInLowerCase, type Analysis, type Unit } from '../../text/analyze';
import type { Token } from '../../text/tokens';
import type { Alignment } from '../alignment';
import { clauseOf, REPORTING, TENSE_AUXILIARIES, verbalAt, voiceAt } from './clause';
import { placedUnits, type Placed } from './matched';

export interface OtherDoer {
  /** The claim's subject (its name unit). */
  unit: Unit;
  /** The passage's name in that slot. */
  other: string;
}

/** Words between a subject and its verb that leave the subject where it is: auxiliaries, adverbs, negations. */
const BETWEEN = new Set([...TENSE_AUXILIARIES, ...`also now then still already just once never both all each reportedly allegedly
  previously currently later first finally eventually recently apparently himself herself themselves itself`.split(/\s+/).filter(Boolean)]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
/** Caption words a photo's subject carries ("Wright (centre) is", "Saltare, pictured, was"). */
const CAPTION = new Set(['pictured', 'left', 'right', 'centre', 'center', 'above', 'below', 'inset', 'top', 'bottom', 'file']);
/** Words that open a new clause: a name before them is another clause's. */
const CLAUSE_OPENERS = new Set(['that', 'but', 'while', 'when', 'after', 'before', 'because', 'as', 'since',
  'although', 'though', 'if', 'where', 'whereas', 'until', 'so']);
/** How far back the passage's subject phrase is read. */
const REACH = 25;
/** Claim tokens from the finite verb to the first backed word of the predicate ("is *now* a pundit"). */
const PREDICATE_REACH = 3;

export function otherDoer(claim: Analysis, support: Alignment | undefined): OtherDoer | undefined {
  const clause = support && clauseOf(claim);
  if (!support || !clause?.subject || REPORTING.has(claim.tokens[clause.verb].folded)) return undefined;
  const placed = placedUnits(support);
  const from = clause.subject[0];
  let to = clause.subject[1];
  // An adverb the reader took into the phrase ("Smith *controversially* decided") is not its head.
  while (to > from + 1 && skippable(claim.tokens[to - 1])) to--;
  const ev = support.evidence.analysis;
  // A proper name for subject: no determiner or possessive ("the premier league champions", "Tindall's horse").
  if (claim.tokens.slice(Math.max(0, from - 1), to).some((t) => DETERMINERS.has(t.folded)) || /^\s*['’]s\b/.test(claim.text.slice(claim.tokens[to - 1].end))) return undefined;
  // Its last unit is a name as the passage has it: a claim in lower case ("john carver decided") still names Carver.
  const head = placed.filter((p) => p.ua.unit.start >= from && p.ua.unit.end <= to).pop();
  if (!head || head.ua.unit.end !== lastUnitEnd(claim, from, to) || !isName(head, claim, ev)) return undefined;
  // Every name the claim puts before its verb counts as its subject: "June Shannon and her husband Mike Thompson have".
  const subject = placed.filter((p) => p.ua.unit.start >= from && p.ua.unit.end <= clause.verb);
  const anchor = placed.find((p) => p.ua.unit.start >= Math.max(to, clause.verb) && p.ua.unit.start <= clause.verb + PREDICATE_REACH);
  if (!anchor) return undefined;
  const tokens = ev.tokens;
  const verbAt = anchor.at;
  // Same voice on both sides: "Y arrested X" against "X was arrested" is the other voice, read by movedRoles.
  const voice = voiceAt(tokens, verbAt);
  if (voice === undefined || (voice === 'passive') !== clause.passive) return undefined;
  // Over the claim's own words between its verb and the anchor ("is now *a* television pundit").
  let start = verbAt;
  for (let k = anchor.ua.unit.start - 1; k >= clause.finite && start > 0 && tokens[start - 1].folded === claim.tokens[k].folded; k--) start--;
  const filler = nameBefore(ev, start, verbalAt(tokens, verbAt) || tokens.slice(start, verbAt).some((t) => TENSE_AUXILIARIES.has(t.folded)));
  if (!filler) return undefined;
  const keys = new Set(subject.map((p) => ev.units[p.ua.evidenceUnit!].key).concat(subject.map((p) => p.ua.unit.key)));
  if (keys.has(filler.key)) return undefined;
  // The claim's name within the same subject phrase ("Smith and Jones were", "Apple chief Tim Cook said") is its slot.
  if (subjectPhrase(ev, filler.start).some((u) => keys.has(u.key))) return undefined;
  return { unit: head.ua.unit, other: ev.text.slice(tokens[filler.start].start, tokens[filler.end - 1].end) };
}

/** An auxiliary, an adverb or a negation: what may stand between a subject and its verb. */
function skippable(t: Token): boolean {
  return BETWEEN.has(t.folded) || t.negation || /ly$/.test(t.folded);
}

/** A name in the claim, or, in a claim written all in lower case, a name of the passage. */
function isName(head: Placed, claim: Analysis, ev: Analysis): boolean {
  if (head.ua.unit.kind === 'name') return true;
  return writtenInLowerCase(claim.text) && ev.units[head.ua.evidenceUnit!].kind === 'name';
}

/** The end of the claim's last unit within [from, to). */
function lastUnitEnd(claim: Analysis, from: number, to: number): number {
  return claim.units.filter((u) => u.start >= from && u.end <= to).pop()?.end ?? -1;
}

/**
 * The name unit that stands right before the verb at `at`, over auxiliaries, adverbs, ages and caption words. The
 * word at `at` must read as a verb there, or have an auxiliary or a relative pronoun before it: "Party *Vice President*
 * Cabello" is a title, not a predicate.
 */
function nameBefore(ev: Analysis, at: number, verbal: boolean): Unit | undefined {
  const tokens = ev.tokens;
  let k = at - 1;
  // Whether the word after the one reached was skipped as something a comma sets off (an age, a caption, "who").
  let commaSkipped = false;
  while (k >= 0) {
    const t = tokens[k];
    const gap = gapAfter(ev, k);
    if (gap.includes(')')) {
      // A bracketed aside before the verb: skip to its opening.
      while (k >= 0 && !gapAfter(ev, k - 1).includes('(')) k--;
      k--;
      continue;
    }
    if (CAPTION.has(t.folded) && /,/.test(gapAfter(ev, k - 1))) {
      k--;
      commaSkipped = true;
      continue;
    }
    if (skippable(t)) {
      verbal ||= TENSE_AUXILIARIES.has(t.folded);
      k--;
      commaSkipped = false;
      continue;
    }
    // "Saltare, 28, were": an age between commas.
    if (/^\d/.test(t.folded) && /,/.test(gap) && /,/.test(gapAfter(ev, k - 1))) {
      k--;
      commaSkipped = true;
      continue;
    }
    // "Antic, who plays": the relative's antecedent.
    if ((t.folded === 'who' || t.folded === 'which') && /,/.test(gapAfter(ev, k - 1))) {
      verbal = true;
      k--;
      commaSkipped = true;
      continue;
    }
    break;
  }
  // A name that a comma sets off from the verb closes an aside ("Porto, coached by Lopetegui, are"), not the subject.
  if (k < 0 || !verbal || /,/.test(gapAfter(ev, k)) && !commaSkipped || /[.;:!?]/.test(gapAfter(ev, k))) return undefined;
  const unit = ev.units.find((u) => u.start <= k && k < u.end);
  // A possessor names whose thing did it ("Smith's lawyer said"), not the doer; a country is as often an adjective.
  if (!unit || unit.kind !== 'name' || unit.country || /^['’]s/.test(ev.text.slice(tokens[unit.end - 1].end))) return undefined;
  return unit;
}

/** The name units of the phrase that ends at token `end`: back to a clause opener, a verb-like word or a stop. */
function subjectPhrase(ev: Analysis, end: number): Unit[] {
  const tokens = ev.tokens;
  let start = end;
  for (let k = end - 1; k >= 0 && k >= end - REACH; k--) {
    if (ends(tokens[k], ev, k)) break;
    start = k;
  }
  return ev.units.filter((u) => u.kind === 'name' && u.start >= start && u.end <= end + 1);
}

function ends(t: Token, ev: Analysis, k: number): boolean {
  if (CLAUSE_OPENERS.has(t.folded) && !ev.tokens[k + 1]?.capitalized) return true;
  if (/[.;:!?]/.test(gapAfter(ev, k))) return true;
  return TENSE_AUXILIARIES.has(t.folded) || (!t.capitalized && /[a-z]{3,}ed$/.test(t.folded));
}

/** The text between token k and the next one. */
function gapAfter(ev: Analysis, k: number): string {
  const tokens = ev.tokens;
  if (k < 0) return '';
  return ev.text.slice(tokens[k].end, tokens[k + 1]?.start ?? ev.text.length);
}
