// The BM25 query of a claim sentence: each word and name at full weight, then its synonyms at a lower one, in the
// order first met. The verifier (assess.ts) and a remote library's batch (retrieval/queries.ts) must ask the very same.
import type { QueryTerm } from '../index/passageIndex';
import type { Unit } from '../text/analyze';
import { lexiconSize, lexiconStem, synonymIdsOf } from '../text/lexicon';
import { WEIGHTS } from './thresholds';

// Which lexicon stems the query being built holds, and at which position: marked with the number of the query, so
// nothing is cleared between queries and no map of strings is built per sentence (a claim's words bring two dozen
// synonyms, each looked up and inserted).
let marks: Uint32Array | undefined;
let positions: Uint32Array | undefined;
let queryNumber = 0;

/** The query terms of a sentence's units. */
export function queryTerms(units: readonly Unit[]): QueryTerm[] {
  if (!marks || queryNumber === 0xffffffff) {
    marks = new Uint32Array(lexiconSize());
    positions = new Uint32Array(lexiconSize());
    queryNumber = 0;
  }
  const query = ++queryNumber;
  const terms: QueryTerm[] = [];
  // Stems the lexicon lacks (most names) are no synonym of anything: only another unit can repeat one.
  let unlisted: Set<string> | undefined;
  for (const unit of units) {
    if (unit.kind !== 'word' && unit.kind !== 'name') continue;
    // A stem met again keeps its first position; as a word or name of the sentence it weighs in full.
    if (unit.lex >= 0) {
      if (marks[unit.lex] === query) terms[positions![unit.lex]].weight = 1;
      else {
        marks[unit.lex] = query;
        positions![unit.lex] = terms.length;
        terms.push({ stem: unit.key, weight: 1 });
      }
    } else if (!unlisted?.has(unit.key)) {
      (unlisted ??= new Set()).add(unit.key);
      terms.push({ stem: unit.key, weight: 1 });
    }
    for (const synonym of synonymIdsOf(unit.lex)) {
      if (marks[synonym] === query) continue;
      marks[synonym] = query;
      positions![synonym] = terms.length;
      terms.push({ stem: lexiconStem(synonym), weight: WEIGHTS.synonymQuery });
    }
  }
  return terms;
}
