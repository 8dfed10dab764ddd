// Evidence as the checker reads it: one source sentence, or two adjacent ones when neither alone backs a claim.
import type { PassageIndex } from '../index/passageIndex';
import type { Analysis } from '../text/analyze';
import type { EvidenceText } from './alignment';

/** Each candidate sentence on its own. */
export function singleEvidence(index: PassageIndex, candidateIds: number[]): EvidenceText[] {
  return [...new Set(candidateIds)].map((id) => ({ sourceId: index.passages[id].sourceId, passageIds: [id], analysis: index.analysis(id) }));
}

/** Each of these sentences read together with the sentence before it and with the one after it. */
export function pairedEvidence(index: PassageIndex, centreIds: number[]): EvidenceText[] {
  const seen = new Set<string>();
  const texts: EvidenceText[] = [];
  const addPair = (first: number | undefined, second: number | undefined) => {
    if (first === undefined || second === undefined) return;
    const key = `${first},${second}`;
    if (seen.has(key)) return;
    seen.add(key);
    texts.push({
      sourceId: index.passages[first].sourceId,
      passageIds: [first, second],
      analysis: index.joinedAnalysis([first, second], joinAnalyses),
      parts: [index.analysis(first), index.analysis(second)],
    });
  };
  for (const id of centreIds) {
    addPair(id, index.neighbour(id, 1));
    addPair(index.neighbour(id, -1), id);
  }
  return texts;
}

export function joinAnalyses(parts: Analysis[]): Analysis {
  const joined: Analysis = { text: '', tokens: [], units: [] };
  for (const part of parts) {
    const offset = joined.text.length ? joined.text.length + 1 : 0;
    const tokenShift = joined.tokens.length;
    joined.text = joined.text ? `${joined.text} ${part.text}` : part.text;
    for (const token of part.tokens) joined.tokens.push({ ...token, start: token.start + offset, end: token.end + offset });
    for (const unit of part.units) joined.units.push({ ...unit, start: unit.start + tokenShift, end: unit.end + tokenShift });
  }
  return joined;
}
