// Decision thresholds, fitted on the development claims only (scripts/eval.ts reports held-out figures).
export const THRESHOLDS = {
  /** Weighted share of a claim's details one piece of evidence must back for `supported`. */
  support: 0.75,
  /** The share of the other details that must be backed before a conflicting detail reads as `contradicted`. */
  contradiction: 0.7,
};
