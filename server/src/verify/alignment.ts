// What an alignment of a claim with a piece of evidence holds: each detail of the claim backed (and how well),
// missing, or in conflict. align.ts builds it.
import type { Conflict } from '../model';
import type { Analysis, Unit } from '../text/analyze';
import type { MatchMemo } from './match';

/** One or two adjacent source sentences read as one text. */
export interface EvidenceText {
  sourceId: string;
  passageIds: number[];
  analysis: Analysis;
  /** For two sentences read as one: each sentence's own analysis, which `analysis` joins. */
  parts?: Analysis[];
}

export interface AlignmentContext {
  /** How much a claim word tells (inverse document frequency over the library). */
  weightOf(unit: Unit): number;
  /** In how many passages the evidence's article names this stem (a name backed by coreference). */
  sourceMentions(sourceId: string, stem: string): number;
  /** The claim's matches, remembered across the evidence it is aligned with. */
  matches: MatchMemo;
}

/** A conflict within one piece of evidence, before the verdict names its source. */
export type EvidenceConflict = Omit<Conflict, 'sourceId'>;

export interface UnitAlignment {
  unit: Unit;
  weight: number;
  /** 0 (missing) … 1 (same word or value). */
  score: number;
  /** Index of the evidence unit it matched. */
  evidenceUnit?: number;
  conflict?: EvidenceConflict;
  coreferenced?: boolean;
  /** Backed by the negated opposite: "did not accept" by "declined". */
  negatedAntonym?: boolean;
}

export interface Alignment {
  evidence: EvidenceText;
  units: UnitAlignment[];
  /** Weighted share of the claim's details that the evidence backs. */
  coverage: number;
  /** The same, leaving out the details in conflict. */
  coverageBesidesConflicts: number;
  conflicts: UnitAlignment[];
  /** Names, numbers and dates of the claim that the evidence neither backs nor contradicts. */
  missingDetails: UnitAlignment[];
  /** Names backed only because the evidence's article names them once elsewhere: enough to support, too weak to tie
   * a conflicting detail to the same event (a name the article keeps returning to is its subject, and strong enough). */
  coreferenced: UnitAlignment[];
  /** Details backed by another passage of the same article, where they stand beside the same word as in the claim. */
  detailsElsewhere?: DetailElsewhere[];
}

export interface DetailElsewhere {
  unit: UnitAlignment;
  passageId: number;
}
