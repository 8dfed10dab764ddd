// The BM25 query a claim sentence makes, worked out before retrieval so one batch can carry all of a draft's claims.
// It must be the verifier's own query (verify/assess.ts, queryTerms): a snapshot answers a search it was not asked for
// only approximately. Names and words query alike, so the query does not depend on which words the library knows as
// names (the one thing about a claim's reading that needs the library).
import type { QueryTerm } from '../index/passageIndex';
import { analyze } from '../text/analyze';
import { synonymsOf } from '../text/lexicon';
import { tokenize } from '../text/tokens';
import { claimSentences } from '../verify/assess';
import { WEIGHTS } from '../verify/thresholds';

/** Candidates per claim sentence: verify/assess.ts's CANDIDATES. */
export const CLAIM_CANDIDATES = 6;

export interface SentenceQuery {
  terms: QueryTerm[];
  /** Every stem of the sentence and its query: the verifier asks their document frequency and name status. */
  stems: string[];
}

/** One query per sentence of a claim (a draft's claim is one sentence). */
export function claimQueries(claim: string): SentenceQuery[] {
  return claimSentences(claim).map((sentence) => {
    const units = analyze(sentence, () => false).units;
    const terms = new Map<string, number>();
    for (const unit of units) {
      if (unit.kind !== 'word' && unit.kind !== 'name') continue;
      terms.set(unit.key, 1);
      for (const synonym of synonymsOf(unit.key)) if (!terms.has(synonym)) terms.set(synonym, WEIGHTS.synonymQuery);
    }
    const stems = new Set(terms.keys());
    for (const token of tokenize(sentence)) stems.add(token.stem);
    return { terms: [...terms].map(([stem, weight]) => ({ stem, weight })), stems: [...stems] };
  });
}

/** A stable key for a query: its terms and weights in order, and how many passages it wants. */
export function queryKey(terms: readonly QueryTerm[], k: number): string {
  return `${k}\u0001${terms.map((t) => `${t.stem}\u0002${t.weight}`).join('\u0001')}`;
}
