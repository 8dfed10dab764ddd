// The sources most relevant to one sentence, for picking a citation by hand: the sources of the best-matching
// passages, each then verified alone so its verdict and best passage are its own. Sources the sentence already cites
// are marked, and listed after the others: citing them again would do nothing.

import type { PassageIndex, QueryTerm } from './passageIndex';
import type { ClaimVerdict, RankedSource, Verdict } from '../model';
import { tokenize } from '../text/tokens';

/** Passages searched for candidate sources (retrieval/remoteLibrary.ts asks a database for as many). */
export const CANDIDATE_PASSAGES = 80;
const MAX_SOURCES = 10;
// Backing sources first (they can be cited), then the others by how much of the sentence they cover.
const VERDICT_ORDER: Record<Verdict, number> = { supported: 0, unsupported: 1, contradicted: 1 };

/** The search that finds the candidate sources: every content word of the sentence, alike. */
export function rankingTerms(sentence: string): QueryTerm[] {
  return [...new Set(tokenize(sentence).filter((token) => !token.stop).map((token) => token.stem))].map((stem) => ({ stem, weight: 1 }));
}

/** `verifyAlone` verifies the sentence against one source (the engine's cached verification). */
export function rankSources(
  index: PassageIndex,
  sentence: string,
  cited: ReadonlySet<string>,
  verifyAlone: (sourceId: string) => ClaimVerdict,
): RankedSource[] {
  const terms = rankingTerms(sentence);
  const candidates: string[] = [];
  for (const { id } of index.search(terms, CANDIDATE_PASSAGES)) {
    const sourceId = index.passages[id]!.sourceId;
    if (!candidates.includes(sourceId)) candidates.push(sourceId);
    if (candidates.length === MAX_SOURCES) break;
  }

  const ranked: RankedSource[] = [];
  for (const sourceId of candidates) {
    const source = index.sources.get(sourceId);
    const verdict = verifyAlone(sourceId);
    const best = verdict.evidence[0];
    if (!source || !best) continue;
    ranked.push({
      id: sourceId,
      title: source.title,
      ...(source.outlet !== undefined ? { outlet: source.outlet } : {}),
      ...(source.date !== undefined ? { date: source.date } : {}),
      score: best.score,
      verdict: verdict.verdict,
      line: best.line,
      passage: best.text,
      ...(cited.has(sourceId) ? { cited: true } : {}),
    });
  }
  return ranked.sort((a, b) => Number(a.cited ?? false) - Number(b.cited ?? false) || VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || b.score - a.score);
}
