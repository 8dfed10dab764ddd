// What the index needs of a source's passages: each passage's content stems (numbered, see stemIds.ts) with their
// counts, its length in content words, and the stems the source capitalises inside a sentence (names). Tokenising
// the passages is most of the cost of indexing a library, so this is computed once per passages array, remembered
// beside it, and stored in the index cache (indexCache.ts): an unchanged source file is never tokenised again.

import type { Passage } from '../model';
import { tokenize } from '../text/tokens';
import { stemId } from './stemIds';

/** Numbers in a typed array wide enough for them: the index cache stores each column in the narrowest one. */
export type NumberArray = Uint8Array | Uint16Array | Uint32Array;

export interface PassageTerms {
  /** Passage p's stems are `stems[starts[p]] … stems[starts[p + 1] - 1]`, in order of first occurrence; length passages + 1. */
  starts: Uint32Array;
  stems: NumberArray;
  /** How often each of those stems occurs in its passage. */
  counts: NumberArray;
  /** Each passage's length in content words (stop words left out), as BM25 counts it. */
  lengths: Uint32Array;
  /** The stems seen capitalised, not first in a sentence, in any of the passages. */
  names: NumberArray;
}

// Keyed by the passages array, which a source keeps for life: the loader's cache hands out copies of a source (its
// metadata may be filled in from a bibliography) that share the one array.
const termsOfPassages = new WeakMap<readonly Passage[], PassageTerms>();

/** The passages' terms, computed on first use. */
export function termsOf(passages: readonly Passage[]): PassageTerms {
  let terms = termsOfPassages.get(passages);
  if (!terms) {
    terms = analysePassageTerms(passages);
    termsOfPassages.set(passages, terms);
  }
  return terms;
}

/** Terms read back from the index cache, for the passages they were computed from. */
export function rememberTerms(passages: readonly Passage[], terms: PassageTerms): void {
  termsOfPassages.set(passages, terms);
}

function analysePassageTerms(passages: readonly Passage[]): PassageTerms {
  const starts = new Uint32Array(passages.length + 1);
  const lengths = new Uint32Array(passages.length);
  const stems: number[] = [];
  const counts: number[] = [];
  const names = new Set<number>();
  passages.forEach((passage, p) => {
    const countOfStem = new Map<number, number>();
    let length = 0;
    for (const token of tokenize(passage.text)) {
      if (token.stop) continue;
      length++;
      const id = stemId(token.stem);
      countOfStem.set(id, (countOfStem.get(id) ?? 0) + 1);
      if (token.capitalized && !token.sentenceInitial) names.add(id);
    }
    for (const [id, count] of countOfStem) {
      stems.push(id);
      counts.push(count);
    }
    lengths[p] = length;
    starts[p + 1] = stems.length;
  });
  return { starts, stems: Uint32Array.from(stems), counts: Uint32Array.from(counts), lengths, names: Uint32Array.from(names) };
}
