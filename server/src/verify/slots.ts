// Where in the evidence a claim unit would sit: beside the evidence words its claim neighbours matched. Conflicts
// look for a different value there, and a replacement word is read from there.
import type { Analysis, Unit } from '../text/analyze';
import type { UnitAlignment } from './alignment';
import { THRESHOLDS } from './thresholds';

/** A token range [from, to) of the evidence. */
export type TokenRange = [number, number];

/** How many tokens beyond an anchor a slot reaches when the anchor is on one side only. */
const SLOT_WINDOW = 3;
/** A slot wider than this is a clause, not the place of one word. */
const WIDEST_SLOT = SLOT_WINDOW + 2;
/** How many claim tokens may stand between a unit and the neighbour that anchors it (a stop word or two). */
const ANCHOR_GAP = 2;
/** How many claim units a backed neighbour may lie away (an antonym's or a negated word's anchor). */
const NEIGHBOUR_REACH = 3;

export function within(unit: Unit, [from, to]: TokenRange): boolean {
  return unit.start >= from && unit.end <= to;
}

/** Where in the evidence the claim's unit would sit: next to the evidence words its neighbours matched. */
export function evidenceSlot(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): TokenRange | undefined {
  const index = all.indexOf(ua);
  const left = findAnchor(all, index, -1);
  const right = findAnchor(all, index, 1);
  if (left === undefined && right === undefined) return undefined;
  let from = left !== undefined ? ev.units[left].end : Math.max(0, ev.units[right!].start - SLOT_WINDOW);
  let to = right !== undefined ? ev.units[right].start : Math.min(ev.tokens.length, ev.units[left!].end + SLOT_WINDOW);
  // A slot never reaches into the neighbouring sentence of a two-sentence piece of evidence.
  if (left !== undefined) {
    for (let i = from; i < to; i++) if (ev.tokens[i].sentenceInitial) to = i;
  } else {
    for (let i = to; i > from; i--) if (ev.tokens[i]?.sentenceInitial) from = i;
  }
  if (to - from > WIDEST_SLOT || to <= from) return undefined;
  return [from, to];
}

/**
 * A phrase's break between two evidence tokens: a comma, colon, semicolon, bracket, dash or stop. A name beyond one
 * belongs to another phrase ("relegation, Clark was keen"; "County police, the 26-year-old").
 */
const PHRASE_BREAK = /[,;:()[\]–—.!?]|\s-\s/;

/**
 * The slot, kept to the anchor's phrase when only one side anchors it: a window reaching past a break finds a value
 * of another phrase, not another value of this one. A break counts only when the words between it and the anchor
 * are not the claim's own between the detail and its anchor ("stated in the Miami Herald, that negotiations" is
 * still the slot of "told the Washington Post that negotiations"). A slot anchored on both sides is left whole (an
 * age between commas, "Bueno, 27, said", is the slot's own value).
 */
export function evidencePhraseSlot(ua: UnitAlignment, all: UnitAlignment[], claim: Analysis, ev: Analysis): TokenRange | undefined {
  const slot = evidenceSlot(ua, all, ev);
  if (!slot) return undefined;
  const index = all.indexOf(ua);
  const left = findAnchor(all, index, -1);
  const right = findAnchor(all, index, 1);
  if (left !== undefined && right !== undefined) return slot;
  const breakBefore = (i: number) => i > 0 && PHRASE_BREAK.test(ev.text.slice(ev.tokens[i - 1].end, ev.tokens[i].start));
  const words = (tokens: { folded: string }[]) => tokens.map((t) => t.folded).join(' ');
  let [from, to] = slot;
  if (left !== undefined) {
    const claimGap = words(claim.tokens.slice(all[index - 1].unit.end, ua.unit.start));
    for (let i = from; i < to; i++) if (breakBefore(i) && words(ev.tokens.slice(from, i)) !== claimGap) to = i;
  } else {
    const claimGap = words(claim.tokens.slice(ua.unit.end, all[index + 1].unit.start));
    for (let i = to; i > from; i--) if (breakBefore(i) && words(ev.tokens.slice(i, to)) !== claimGap) from = i;
  }
  return to > from ? [from, to] : undefined;
}

/** Token ranges of the evidence within a few words, on either side, of the words the unit's claim neighbours matched. */
export function nearAnchors(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): TokenRange[] {
  const index = all.indexOf(ua);
  const ranges: TokenRange[] = [];
  for (const step of [-1, 1] as const) {
    const anchor = findAnchor(all, index, step);
    if (anchor === undefined) continue;
    const unit = ev.units[anchor];
    ranges.push([Math.max(0, unit.start - SLOT_WINDOW), Math.min(ev.tokens.length, unit.end + SLOT_WINDOW)]);
  }
  return ranges;
}

/** The nearest backed claim unit on each side of `ua` (skipping a few unbacked ones), with its claim-side gap. */
export function backedNeighbours(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): { unit: Unit; gap: number }[] {
  const index = all.indexOf(ua);
  const found: { unit: Unit; gap: number }[] = [];
  for (const step of [-1, 1] as const) {
    for (let k = index + step, seen = 0; k >= 0 && k < all.length && seen < NEIGHBOUR_REACH; k += step, seen++) {
      const neighbour = all[k];
      if (!pinned(neighbour)) continue;
      found.push({ unit: ev.units[neighbour.evidenceUnit!], gap: claimGap(ua, neighbour, step) });
      break;
    }
  }
  return found;
}

/** Token ranges of the evidence around what the claim word's neighbours matched. */
export function closestBackedNeighbours(ua: UnitAlignment, all: UnitAlignment[], ev: Analysis): TokenRange[] {
  return backedNeighbours(ua, all, ev).map(({ unit, gap }) => {
    // As far from the anchor as the claim word is from its neighbour, and a few words more.
    const reach = gap + SLOT_WINDOW + 1;
    return [Math.max(0, unit.start - reach), Math.min(ev.tokens.length, unit.end + reach)];
  });
}

/** The evidence unit the claim unit right beside `index` (on the `step` side) matched closely, if it stands near. */
function findAnchor(all: UnitAlignment[], index: number, step: -1 | 1): number | undefined {
  const neighbour = all[index + step];
  if (!neighbour || !pinned(neighbour)) return undefined;
  return claimGap(all[index], neighbour, step) <= ANCHOR_GAP ? neighbour.evidenceUnit : undefined;
}

/** A claim unit matched closely enough to tell where its neighbours would sit in the evidence. */
function pinned(ua: UnitAlignment): boolean {
  return ua.score >= THRESHOLDS.closeMatch && ua.evidenceUnit !== undefined;
}

/** Claim tokens between a unit and its neighbour on the `step` side. */
function claimGap(ua: UnitAlignment, neighbour: UnitAlignment, step: -1 | 1): number {
  return step < 0 ? ua.unit.start - neighbour.unit.end : neighbour.unit.start - ua.unit.end;
}
