// A number the best passage lacks may stand elsewhere in the same article, tied to the same thing: "Copeland, 31," in
// the first paragraph, the stabbing three paragraphs down. Such a number counts as backed when the other passage
// states it right beside the same word as the claim does, in the same way: both set off by a comma ("Copeland, 31,")
// or both run on ("31 times"). A number with no such tie (a figure from another part of the story) stays missing;
// dates are not carried over at all, since "in 2009" beside any word ties too loosely.
import type { PassageIndex } from '../index/passageIndex';
import { partitionPoint } from '../index/partitionPoint';
import { CLAUSE_BREAK, type Analysis, type Unit } from '../text/analyze';
import { summarize } from './align';
import type { Alignment, DetailElsewhere, UnitAlignment } from './alignment';
import { NUMBER_SCORES } from './conflicts/numbers';
import { bestMatch } from './match';
import { THRESHOLDS } from './thresholds';

/** Backed, but a step removed from the passage that backs the rest. */
const ELSEWHERE_SCORE = 0.8;
/** At most this many claim tokens between the detail and the word that ties it. */
const CLAIM_GAP = 2;
/** At most this many tokens between the detail and the tying word in the other passage. */
const EVIDENCE_GAP = 3;

/** Finds, once per claim, the other passages of an article that state a number beside one of its tying words. */
export class ElsewhereFinder {
  private readonly found = new Map<string, number[]>();

  constructor(private readonly claim: Analysis, private readonly index: PassageIndex, private readonly ties: (unit: Unit) => boolean) {}

  /** The alignment with its missing numbers backed elsewhere in the article, where they can be. */
  apply(alignment: Alignment): Alignment {
    if (alignment.missingDetails.length === 0 || alignment.conflicts.length > 0) return alignment;
    const own = new Set(alignment.evidence.passageIds);
    const units = alignment.units.map((ua) => ({ ...ua }));
    const backed: DetailElsewhere[] = [];
    for (const ua of units) {
      if (ua.unit.kind !== 'number' || ua.score >= THRESHOLDS.backed || ua.conflict) continue;
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
        // The same amount or a compatible one, not the same value in other units.
        if (match.score < NUMBER_SCORES.compatible || match.index === undefined) continue;
        if (anchors.some((anchor) => standsBeside(anchor, passage.units[match.index!], passage))) ids.push(id);
      }
      this.found.set(key, ids);
    }
    return ids;
  }

  /** The source's passages that have one of the tying words itself, in order: only they are read. */
  private passagesNaming(anchors: Tie[], sourceId: string): number[] {
    const [first, end] = this.index.passageRange(sourceId);
    const ids = new Set<number>();
    for (const anchor of anchors) {
      const postings = this.index.passagesWith(anchor.key);
      for (let i = partitionPoint(postings.length, (k) => postings[k] < first); i < postings.length && postings[i] < end; i++) ids.add(postings[i]);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The claim's content words or names right beside the detail, and whether punctuation sets the detail off. */
  private tyingNeighbours(ua: UnitAlignment, units: UnitAlignment[]): Tie[] {
    const at = units.indexOf(ua);
    const result: Tie[] = [];
    const before = units[at - 1]?.unit;
    const after = units[at + 1]?.unit;
    if (before && ua.unit.start - before.end <= CLAIM_GAP && this.ties(before)) {
      result.push({ key: before.key, setOff: setOff(this.claim, before, ua.unit) });
    }
    if (after && after.start - ua.unit.end <= CLAIM_GAP && this.ties(after)) {
      result.push({ key: after.key, setOff: setOff(this.claim, ua.unit, after) });
    }
    return result;
  }
}

interface Tie {
  key: string;
  /** A comma or bracket stands between the detail and the word. */
  setOff: boolean;
}

/** Whether punctuation that closes a phrase stands between two units (in text order). */
function setOff(analysis: Analysis, first: Unit, second: Unit): boolean {
  return CLAUSE_BREAK.test(analysis.text.slice(analysis.tokens[first.end - 1].end, analysis.tokens[second.start].start));
}

function standsBeside(tie: Tie, detail: Unit, passage: Analysis): boolean {
  return passage.units.some((u) => {
    if (u.key !== tie.key || (u.kind !== 'word' && u.kind !== 'name')) return false;
    if (u.end <= detail.start) return detail.start - u.end <= EVIDENCE_GAP && setOff(passage, u, detail) === tie.setOff;
    return u.start >= detail.end && u.start - detail.end <= EVIDENCE_GAP && setOff(passage, detail, u) === tie.setOff;
  });
}
