// The checker's shared tuning numbers, each named once. The contradiction threshold was set on the development claims
// only (scripts/eval.ts reports held-out figures); support is decided by the learned model and its coverage floor
// (server/data/verdict-model.json). A number that tunes one rule only stays beside that rule (conflicts/numbers.ts).

/** What a claim word's match in the evidence is worth, from 0 (missing) to 1 (the same word or value). */
export const SCORES = {
  /** A synonym or a multi-word verb ("step down" = "resign"): as good as the word, short of a sense it may not share. */
  synonym: 0.9,
  /** A related form ("Venezuelan" for "Venezuela"), or a negated antonym ("did not accept" = "declined"). */
  related: 0.85,
  /** A verb's hypernym: the same said more vaguely, just enough to count as backed. */
  hypernym: 0.5,
  /** A name the evidence's article names in another passage: probably the same one, just enough to count as backed. */
  coreference: 0.5,
};

export const THRESHOLDS = {
  /** The least score of a backed detail: a hypernym or a coreference (0.5) backs one, a date short of its day (0.4) does not. */
  backed: 0.5,
  /** The least score of a match that pins a word to its place in the evidence: a related form, not a hypernym. */
  closeMatch: SCORES.related,
  /** The share of the other details that must be backed before a conflicting detail reads as `contradicted`. */
  contradiction: 0.7,
  /** Coverage that counts as all of the claim: a weighted sum of scores of 1 may fall short of 1 by rounding. */
  complete: 0.999,
  /** How much more of a claim conflicting evidence must back to outweigh conflict-free support: more than a light word. */
  conflictMargin: 0.05,
  /** The least weight of a word worth naming as unbacked: not a light word (0.3) nor one most passages have. */
  namedWeight: 1,
};

/** How much a claim unit tells: the inverse document frequency of its stem, within bounds per kind. */
export const WEIGHTS = {
  /** Reporting, hedging and degree words ("said", "expected", "widely") tell little of what happened. */
  lightWord: 0.3,
  /** Even the commonest content word tells something; the rarest does not outweigh a name. */
  word: { least: 0.5, most: 4 },
  /** A name is what a claim is about, and the heaviest of its units. */
  name: { least: 2, most: 5 },
  /** Numbers, dates and times: a detail that must be right, whatever its frequency. */
  detail: 2.5,
  /** A WordNet synonym of a claim word, as a search term: it finds paraphrases but is not what the claim says. */
  synonymQuery: 0.4,
};
