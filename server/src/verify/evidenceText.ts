// Evidence as the checker reads it: one source sentence, or two adjacent ones when neither alone backs a claim.
import type { PassageIndex } from '../index/passageIndex';
import type { Analysis } from '../text/analyze';
import type { EvidenceText } from './align';

const PAIRED_CANDIDATES = 6;

export function evidenceTexts(index: PassageIndex, candidateIds: number[]): EvidenceText[] {
  const seen = new Set<string>();
  const texts: EvidenceText[] = [];
  const addText = (ids: (number | undefined)[]) => {
    if (ids.some((id) => id === undefined)) return;
    const key = ids.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    texts.push({
      sourceId: index.passages[ids[0]!].sourceId,
      passageIds: ids as number[],
      analysis: ids.length === 1 ? index.analysis(ids[0]!) : index.joinedAnalysis(ids as number[], joinAnalyses),
    });
  };
  for (const id of candidateIds) addText([id]);
  // Pairs only around the best few candidates: further down the list a pair rarely wins and costs an alignment each.
  for (const id of candidateIds.slice(0, PAIRED_CANDIDATES)) {
    addText([id, index.neighbour(id, 1)]);
    addText([index.neighbour(id, -1), id]);
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
