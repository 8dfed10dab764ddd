// The BM25 query a claim sentence makes, worked out before retrieval so one batch can carry all of a draft's claims.
// It is the verifier's own query (verify/queryTerms.ts): a snapshot answers a search it was not asked for
// only approximately. Names and words query alike, so the query does not depend on which words the library knows as
// names (the one thing about a claim's reading that needs the library).
import type { QueryTerm } from '../index/passageIndex';
import { analyze } from '../text/analyze';
import { tokenize } from '../text/tokens';
import { claimSentences } from '../verify/assess';
import { queryTerms } from '../verify/queryTerms';

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
    const terms = queryTerms(analyze(sentence, () => false).units);
    const stems = new Set(terms.map((term) => term.stem));
    for (const token of tokenize(sentence)) stems.add(token.stem);
    return { terms, stems: [...stems] };
  });
}

/** A stable key for a query: its terms and weights in order, and how many passages it wants. */
export function queryKey(terms: readonly QueryTerm[], k: number): string {
  return `${k}\u0001${terms.map((t) => `${t.stem}\u0002${t.weight}`).join('\u0001')}`;
}
