// The data that flows through the engine, one way: Markdown → claims → passages → verdicts → views.
// Positions are LSP positions (0-based line, UTF-16 character) so every view can use them unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

// ---- Markdown in --------------------------------------------------------------------------------

export type CitationKind = 'footnote' | 'pandoc' | 'link';

export interface Citation {
  kind: CitationKind;
  /** The footnote label, the Pandoc key, or the link URL, as written. */
  label: string;
  /** The source the citation resolves to, when it names a known source id or URL. */
  sourceId?: string;
  range: Range;
}

export interface ClaimSentence {
  /** Plain text of the sentence: Markdown markup and citation markers removed, link text kept. */
  text: string;
  /** The part of `text` that states the fact, when the writer's framing comes first ("As we saw, …"). */
  fact?: string;
  /** The sentence in the original document, citation markers included. */
  range: Range;
  /** UTF-16 offsets of `range` in the original document. */
  startOffset: number;
  endOffset: number;
  /** UTF-16 offset of the start of the block (paragraph, list item, cell) holding the sentence. */
  blockStartOffset: number;
  citations: Citation[];
}

export type SkipReason = 'question' | 'opinion' | 'prediction' | 'framing' | 'no-content';

export interface SkippedSentence {
  text: string;
  range: Range;
  reason: SkipReason;
}

export interface DraftClaims {
  claims: ClaimSentence[];
  skipped: SkippedSentence[];
}

// ---- Sources -------------------------------------------------------------------------------------

export interface SourceMetadata {
  id: string;
  title: string;
  outlet?: string;
  author?: string;
  dateline?: string;
  date?: string;
  url?: string;
}

export interface Passage {
  sourceId: string;
  /** 1-based line in the source file. */
  line: number;
  /** One sentence of reporting, verbatim. */
  text: string;
  /** Position of the passage among its source's passages; adjacent passages differ by one. */
  index: number;
  /** Index of the paragraph (source line) the sentence belongs to. */
  paragraph: number;
}

export interface Source extends SourceMetadata {
  /** Absolute path of the file the source was read from. */
  path: string;
  bundled: boolean;
  passages: Passage[];
  /** 1-based lines kept in the file but never used as evidence, with the rule that excluded each. */
  excluded: { line: number; rule: string }[];
}

export interface SourceProblem {
  path: string;
  message: string;
}

/** A bibliography entry (CSL-JSON or BibTeX in a source folder) that names no source file: it has no text. */
export interface EntryWithoutText {
  /** The entry's id or citation key. */
  id: string;
  title?: string;
  /** The bibliography file. */
  path: string;
}

export interface SourceLibrary {
  sources: Source[];
  problems: SourceProblem[];
  /** Entries of the folders' bibliographies with no source file: listed as "no text", never evidence. */
  withoutText?: EntryWithoutText[];
}

// ---- Verdicts ------------------------------------------------------------------------------------

export type Verdict = 'supported' | 'unsupported' | 'contradicted';

export interface Evidence {
  sourceId: string;
  line: number;
  text: string;
  score: number;
}

/** A detail of the claim that conflicts with the same slot in the evidence. */
export interface Conflict {
  slot: 'number' | 'date' | 'weekday' | 'time' | 'person' | 'place' | 'organisation' | 'name' | 'role' | 'polarity';
  /** The words of the claim (draft) at fault. */
  claim: string;
  /** The words the source has in that slot. */
  source: string;
  sourceId: string;
}

export interface ClaimVerdict {
  verdict: Verdict;
  confidence: number;
  evidence: Evidence[];
  /** One line, naming the detail at fault when the verdict is not `supported`. */
  reason: string;
  conflict?: Conflict;
  /**
   * Claim words no passage backs (for `unsupported`); for `supported`, the content words neither the backing passage
   * nor the sentence beside it backs (what the `unbacked-detail` finding names).
   */
  unbacked?: string[];
}

export interface CitationMismatch {
  /** Source ids the claim cites. */
  cited: string[];
  /** A source that backs the claim instead, if any. */
  backedBy?: string;
  message: string;
}

export interface CheckedClaim extends ClaimSentence, ClaimVerdict {
  citationMismatch?: CitationMismatch;
}

/** A source ranked for one sentence, for picking a citation by hand (see Engine.rankSources). */
export interface RankedSource {
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  /** How well the source backs the sentence, 0–1. */
  score: number;
  verdict: Verdict;
  /** Best passage: 1-based line in the source file, and its text. */
  line: number;
  passage: string;
  /** The sentence already cites this source (such sources are listed after the others). */
  cited?: boolean;
}

/** A claim the engine failed on (a bug): not checked, named, and the draft's other claims checked all the same. */
export interface UncheckedSentence {
  text: string;
  range: Range;
  error: string;
}

export interface FileReport {
  path: string;
  claims: CheckedClaim[];
  skipped: SkippedSentence[];
  /** Claims the engine failed on; absent when there are none. */
  unchecked?: UncheckedSentence[];
  /** A problem reading the file (missing, binary, empty…); when set, nothing was checked. */
  error?: string;
}
