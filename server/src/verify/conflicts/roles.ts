// A title that conflicts with the one the sources give the same person: "Treasury Secretary Wilbur Ross" where the
// sources say "Commerce Secretary Wilbur Ross". The rest of the claim may rest on another sentence, so the title is
// looked up wherever the library names the person.
import type { Conflict } from '../../model';
import type { PassageIndex } from '../../index/passageIndex';
import type { Analysis, Unit } from '../../text/analyze';
import type { Alignment } from '../alignment';
import { spanText, tokenText } from '../spans';
import { THRESHOLDS } from '../thresholds';

export interface RoleConflict {
  conflict: Conflict;
  /** The passage that gives the other title. */
  passageId: number;
  /** The claim's unit in conflict. */
  unit: Unit;
}

/** The name words that follow a title word: "Secretary Wilbur Ross" after "Treasury". */
const TAIL = 2;
const MAX_PASSAGES = 200;

export function findRoleConflict(claim: Analysis, best: Alignment | undefined, index: PassageIndex): RoleConflict | undefined {
  if (!best) return undefined;
  const units = best.units;
  for (let i = 0; i + TAIL < units.length; i++) {
    const title = units[i];
    if (title.unit.kind !== 'name') continue;
    if (title.score >= THRESHOLDS.backed) {
      const lesser = lesserRole(claim, best, i, index);
      if (lesser) return lesser;
      continue;
    }
    const tail = units.slice(i + 1, i + 1 + TAIL + 1).filter((u, k, all) => u.unit.kind === 'name' && (k === 0 || all[k - 1].unit.end === u.unit.start));
    if (tail.length < TAIL || tail[0].unit.start !== title.unit.end) continue;
    const keys = tail.map((u) => u.unit.key);
    // The person's rarest name word narrows the search; a name in thousands of passages is looked up in a few.
    const rarest = keys.reduce((a, b) => (index.passagesWith(b).length < index.passagesWith(a).length ? b : a));
    for (const id of index.passagesWith(rarest).slice(0, MAX_PASSAGES)) {
      const sourceId = index.passages[id].sourceId;
      if (index.sourceMentions(sourceId, title.unit.key) > 0) continue;
      const passage = index.analysis(id);
      const at = findSequence(passage.units, keys);
      const other = at > 0 ? passage.units[at - 1] : undefined;
      if (!other || other.kind !== 'name' || other.end !== passage.units[at].start || other.key === title.unit.key) continue;
      return {
        conflict: { slot: 'role', claim: spanText(claim, title.unit), source: spanText(passage, other), sourceId },
        passageId: id,
        unit: title.unit,
      };
    }
  }
  return undefined;
}

/**
 * The claim's title matches, but the passage qualifies it: "Socialist Party President Diosdado Cabello" where the
 * passage says "Socialist Party Vice President Diosdado Cabello". A vice, deputy, former or acting holder is not the
 * holder.
 */
function lesserRole(claim: Analysis, best: Alignment, at: number, index: PassageIndex): RoleConflict | undefined {
  const title = best.units[at];
  const tail = best.units.slice(at + 1, at + 1 + TAIL);
  if (tail.length < TAIL || tail.some((u) => u.unit.kind !== 'name' || u.score < 1 || u.evidenceUnit === undefined)) return undefined;
  if (tail[0].unit.start !== title.unit.end || title.evidenceUnit === undefined) return undefined;
  const ev = best.evidence.analysis;
  const evTitle = ev.units[title.evidenceUnit];
  if (evTitle.end !== ev.units[tail[0].evidenceUnit!].start) return undefined;
  const qualifier = ev.tokens[evTitle.start - 1];
  if (!qualifier || !ROLE_QUALIFIERS.has(qualifier.folded)) return undefined;
  if (claim.tokens[title.unit.start - 1]?.folded === qualifier.folded) return undefined;
  const source = tokenText(ev, evTitle.start - 1, evTitle.end);
  const passageId = best.evidence.passageIds.find((id) => index.passages[id].text.includes(source)) ?? best.evidence.passageIds[0];
  return { conflict: { slot: 'role', claim: spanText(claim, title.unit), source, sourceId: best.evidence.sourceId }, passageId, unit: title.unit };
}

const ROLE_QUALIFIERS = new Set(['vice', 'deputy', 'former', 'acting', 'interim', 'assistant', 'ex']);

function findSequence(units: Unit[], keys: string[]): number {
  for (let i = 0; i + keys.length <= units.length; i++) {
    if (keys.every((key, k) => units[i + k].key === key && (k === 0 || units[i + k - 1].end === units[i + k].start))) return i;
  }
  return -1;
}
