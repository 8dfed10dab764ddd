// The contradiction rule's threshold, set on the development claims only (scripts/eval.ts reports held-out figures).
// Support is decided by the learned model and its coverage floor (server/data/verdict-model.json).
export const THRESHOLDS = {
  /** The share of the other details that must be backed before a conflicting detail reads as `contradicted`. */
  contradiction: 0.7,
};
