// BM25's formulas, shared by the index's exhaustive search, its pruned search (maxScore.ts) and the bounds that
// pruning rests on: the same expressions everywhere, so a passage's score is the same double whichever path found it.

/** BM25's term-frequency saturation and length normalisation (retrieval/postgres scores with the same). */
export const K1 = 1.2;
export const B = 0.75;

/** BM25's inverse document frequency. */
export function bm25Idf(df: number, passages: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/** A passage's length normalisation: the part of a term's score that depends on the passage alone. */
export function lengthNorm(length: number, averageLength: number): number {
  return K1 * (1 - B + B * length / averageLength);
}

/** One term's part of a passage's score: `idf` (times the term's query weight), its count in the passage, the passage's lengthNorm. */
export function termScore(idf: number, tf: number, norm: number): number {
  return idf * tf * (K1 + 1) / (tf + norm);
}
