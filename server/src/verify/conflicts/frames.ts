// Opposed frames: phrases that say opposite things of what follows them, which no single-word antonym catches ("agreed
// to talks" against "ruled out any talks", "attended the summit" against "turned down an invitation to the summit",
// "was ready to speak" against "refused to speak"). The reviewed list lives in server/data/opposites-supplement.txt.
import type { Analysis } from '../../text/analyze';
import { opposedFrames } from '../../text/lexicon';
import type { UnitAlignment } from '../alignment';
import { closestBackedNeighbours, type TokenRange } from '../slots';
import { THRESHOLDS } from '../thresholds';
import { negatedBefore } from './negation';
import type { PolarityConflict } from './polarity';

/**
 * A frame of the claim whose opposite the evidence states where the claim's neighbouring words place it, both read
 * with the same polarity ("did not rule out talks" does not oppose "agreed to talks").
 */
export function frameConflict(units: UnitAlignment[], claim: Analysis, ev: Analysis): PolarityConflict | undefined {
  for (const frame of framesOf(claim)) {
    const { opposite, at, end } = frame;
    // The claim word that carries the frame: its first content word ("agreed", "ready", "attended").
    const holder = units.find((ua) => ua.unit.kind === 'word' && ua.unit.start >= at && ua.unit.start < end);
    if (!holder || holder.conflict) continue;
    const near = closestBackedNeighbours(holder, units, ev);
    // The claim's own word in place too ("did not accept an invitation to attend" against "declined an invitation to
    // attend"): the frame's opposite is about something else.
    if (holder.score >= THRESHOLDS.closeMatch && holder.evidenceUnit !== undefined && overlaps(ev.units[holder.evidenceUnit].start, 1, near)) continue;
    for (let found = occurrence(ev, opposite, 0); found >= 0; found = occurrence(ev, opposite, found + 1)) {
      if (!overlaps(found, opposite.length, near) || negatedBefore(claim, at) !== negatedBefore(ev, found)) continue;
      return {
        holder,
        // The frame's other words ("behind bars" of "put … behind bars") are the same conflict, not missing words;
        // the object between them is the claim's own detail.
        also: units.filter((ua) => ua !== holder && ua.score < THRESHOLDS.closeMatch && inFrame(ua.unit.start, frame)),
        antonym: true,
        conflict: { slot: 'polarity', claim: textOf(claim, at, end - at), source: textOf(ev, found, opposite.length) },
      };
    }
  }
  return undefined;
}

interface ClaimFrame {
  opposite: readonly string[];
  /** The tokens [at, end) where the claim states its side of the frame. */
  at: number;
  end: number;
  /** Where the frame's words after the first start (past a verb's object; `at + 1` when none stands between). */
  rest: number;
}

/** Whether the token is one of the frame's own words: its first, or one from `rest` on. */
function inFrame(token: number, { at, end, rest }: ClaimFrame): boolean {
  return token === at || (token >= rest && token < end);
}

/** How many words of an object may stand between a verb and the rest of its frame: "put Freddy Guevara behind bars". */
const OBJECT_GAP = 4;

/** The stop words an object may hold: determiners and pronouns ("put him behind bars", "closed the door"). */
const OBJECT_WORDS = new Set('the a an this that these those his her its their our my your him them me us it'.split(' '));

// The claim's frames are the same for every piece of evidence it is aligned with: read once per claim.
const claimFrames = new WeakMap<Analysis, ClaimFrame[]>();

function framesOf(claim: Analysis): ClaimFrame[] {
  let found = claimFrames.get(claim);
  if (!found) {
    found = [];
    const byFirst = framesByFirstStem();
    const { tokens } = claim;
    // Hundreds of frames, most claims none of their first words: each token looks up the frames it may start.
    for (let at = 0; at < tokens.length; at++) {
      const frames = byFirst.get(tokens[at].stem);
      if (!frames) continue;
      let gap = -1;
      for (const [own, opposite] of frames) {
        let end = follows(claim, own, 1, at + 1) ? at + own.length : -1;
        if (end < 0 && own.length > 1) end = frameEnd(claim, own, at, gap < 0 ? (gap = objectGap(claim, at)) : gap);
        if (end >= 0) found.push({ opposite, at, end, rest: end - own.length + 1 });
      }
    }
    found.sort((a, b) => a.at - b.at);
    claimFrames.set(claim, found);
  }
  return found;
}

let firstStems: Map<string, (readonly [string[], string[]])[]> | undefined;

function framesByFirstStem(): Map<string, (readonly [string[], string[]])[]> {
  if (!firstStems) {
    firstStems = new Map();
    for (const frame of opposedFrames()) {
      const list = firstStems.get(frame[0][0]);
      if (list) list.push(frame);
      else firstStems.set(frame[0][0], [frame]);
    }
  }
  return firstStems;
}

/**
 * How many words after the verb at `at` may be its object before the rest of a frame: content words, determiners
 * and pronouns within one phrase. A preposition or a verb's helper starts another phrase ("facing fines of up to" is
 * no "face up"); so does punctuation.
 */
function objectGap(analysis: Analysis, at: number): number {
  const { tokens } = analysis;
  if (tokens[at].stop) return 0;
  let gap = 0;
  while (gap < OBJECT_GAP && at + gap + 2 < tokens.length) {
    const word = tokens[at + gap + 1];
    if (!joined(analysis, at + gap) || (word.stop && !OBJECT_WORDS.has(word.folded)) || word.stem === tokens[at].stem) break;
    gap++;
  }
  // The rest of the frame must follow the object within the phrase too.
  while (gap > 0 && !joined(analysis, at + gap)) gap--;
  return gap;
}

/** Whether nothing but a space (or a hyphen or apostrophe) stands between token `i` and the next. */
function joined({ tokens, text }: Analysis, i: number): boolean {
  const from = tokens[i].end;
  const to = tokens[i + 1].start;
  // Mostly one space: no slice, no regular expression.
  if (to - from === 1 && text.charCodeAt(from) === 32) return true;
  return !/[^\s\p{L}\p{N}'’-]/u.test(text.slice(from, to));
}

/** Where the frame `words` that starts at `at` ends with 1 to `gap` object words after its first, or -1. */
function frameEnd(analysis: Analysis, words: readonly string[], at: number, gap: number): number {
  for (let g = 1; g <= gap; g++) if (follows(analysis, words, 1, at + g + 1)) return at + g + words.length;
  return -1;
}

/** Whether the stems of `words` from index `k` on follow one another from token `from`. */
function follows(analysis: Analysis, words: readonly string[], k: number, from: number): boolean {
  const { tokens } = analysis;
  if (from + words.length - k > tokens.length) return false;
  for (let i = k; i < words.length; i++) if (tokens[from + i - k].stem !== words[i]) return false;
  return true;
}

/** The first token at or after `from` where the stems of `words` follow one another, or -1. */
function occurrence(analysis: Analysis, words: readonly string[], from: number): number {
  for (let i = from; i + words.length <= analysis.tokens.length; i++) if (follows(analysis, words, 0, i)) return i;
  return -1;
}

function overlaps(start: number, length: number, ranges: TokenRange[]): boolean {
  return ranges.some(([from, to]) => start < to && start + length > from);
}

function textOf(analysis: Analysis, start: number, length: number): string {
  return analysis.text.slice(analysis.tokens[start].start, analysis.tokens[start + length - 1].end);
}
