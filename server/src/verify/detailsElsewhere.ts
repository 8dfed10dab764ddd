// A number or date the best passage lacks may stand elsewhere in the same article, tied to the same thing: "Copeland,
// 31," in the first paragraph, the stabbing three paragraphs down. Such a detail counts as backed when the other
// passage states it right beside a word the claim also has right beside it (the same word, not a synonym). A detail with no such tie (a figure
// from another part of the story) stays missing.
import type { PassageIndex } from '../index/passageIndex';
import type { Analysis, Unit } from '../text/analyze';
import { bestMatch, summarize, type Alignment, type DetailElsewhere, type UnitAlignment } from './align';

/** Backed, but a step removed from the passage that backs the rest. */
const ELSEWHERE_SCORE = 0.8;
/** At most this many claim tokens between the detail and the word that ties it. */
const CLAIM_GAP = 2;
/** At most this many tokens between the detail and the tying word in the other passage. */
const EVIDENCE_GAP = 3;

/** Finds, once per claim, the other passages of an article that state a detail beside one of its tying words. */
export class ElsewhereFinder {
  private readonly found = new Map<string, number[]>();

  constructor(private readonly index: PassageIndex, private readonly ties: (unit: Unit) => boolean) {}

  /** The alignment with its missing numbers and dates backed elsewhere in the article, where they can be. */
  apply(alignment: Alignment): Alignment {
    if (alignment.missingDetails.length === 0 || alignment.conflicts.length > 0) return alignment;
    const own = new Set(alignment.evidence.passageIds);
    const units = alignment.units.map((ua) => ({ ...ua }));
    const backed: DetailElsewhere[] = [];
    for (const ua of units) {
      if (ua.unit.kind === 'word' || ua.unit.kind === 'name' || ua.score >= 0.5 || ua.conflict) continue;
      const passageId = this.passagesWith(ua, units, alignment.evidence.sourceId).find((id) => !own.has(id));
      if (passageId === undefined) continue;
      ua.score = ELSEWHERE_SCORE;
      backed.push({ unit: ua, passageId });
    }
    return backed.length ? summarize(alignment.evidence, units, backed) : alignment;
  }

  private passagesWith(ua: UnitAlignment, units: UnitAlignment[], sourceId: string): number[] {
    const key = `${sourceId}\n${ua.unit.start}`;
    let ids = this.found.get(key);
    if (!ids) {
      ids = [];
      const anchors = this.tyingNeighbours(ua, units);
      for (const id of this.passagesNaming(anchors, sourceId)) {
        const passage = this.index.analysis(id);
        const match = bestMatch(ua.unit, passage);
        if (match.score < 0.5 || match.index === undefined) continue;
        if (anchors.some((anchor) => standsBeside(anchor, passage.units[match.index!], passage))) ids.push(id);
      }
      this.found.set(key, ids);
    }
    return ids;
  }

  /** The source's passages that have one of the tying words itself, in order: only they are read. */
  private passagesNaming(anchors: Unit[], sourceId: string): number[] {
    const [first, end] = this.index.passageRange(sourceId);
    const ids = new Set<number>();
    for (const anchor of anchors) {
      const postings = this.index.passagesWith(anchor.key);
      for (let i = lowerBound(postings, first); i < postings.length && postings[i] < end; i++) ids.add(postings[i]);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The claim's content words or names right beside the detail. */
  private tyingNeighbours(ua: UnitAlignment, units: UnitAlignment[]): Unit[] {
    const at = units.indexOf(ua);
    const result: Unit[] = [];
    const before = units[at - 1]?.unit;
    const after = units[at + 1]?.unit;
    if (before && ua.unit.start - before.end <= CLAIM_GAP && this.ties(before)) result.push(before);
    if (after && after.start - ua.unit.end <= CLAIM_GAP && this.ties(after)) result.push(after);
    return result;
  }
}

/** The first position in an ascending list whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function standsBeside(anchor: Unit, detail: Unit, passage: Analysis): boolean {
  return passage.units.some((u) => (u.kind === 'word' || u.kind === 'name') &&
    (u.end <= detail.start ? detail.start - u.end <= EVIDENCE_GAP : u.start >= detail.end && u.start - detail.end <= EVIDENCE_GAP) &&
    u.key === anchor.key);
}
