// Where candidate passages come from. The engine retrieves with its embedded index (index/passageIndex.ts) by
// default; a library too large for memory lives in PostgreSQL (retrieval/postgres/) and is asked once per draft.
// Either way the verdict is made here, locally: the engine aligns, re-ranks and decides on what came back exactly as
// it does on its own index's candidates.
//
// A remote retrieval answers a batch of queries (all the claims of one draft) in one round trip with a
// RetrievalBatch: each query's top passages by BM25 over the WHOLE library, the library-wide figures BM25 and the
// claim weights need (passage count, mean length, document frequencies, which words are names), and the full text of
// every source a candidate comes from (the verifier reads a candidate's neighbouring sentence, other sentences of the
// same article for a number stated elsewhere, and what the article mentions at all).
import type { QueryTerm } from '../index/passageIndex';
import type { Source } from '../model';

/** One query of a batch: a claim sentence's BM25 terms (the verifier's own: see retrieval/queries.ts). */
export interface RetrievalQuery {
  terms: QueryTerm[];
  /** How many passages to return. */
  k: number;
  /** Search these sources only (a claim checked against what it cites). */
  onlySources?: readonly string[];
}

/** A candidate passage, as the database returns it. */
export interface Candidate {
  sourceId: string;
  /** Position of the passage among its source's passages. */
  passageIndex: number;
  /** 1-based line in the source file. */
  line: number;
  text: string;
  /** The sentences just before and after it in the same source, when there are. */
  previous?: string;
  next?: string;
  /** BM25 over the whole library (the engine re-ranks by its own reading). */
  score: number;
}

/** The library-wide figures that BM25 and the claim weights rest on. */
export interface CorpusStats {
  passages: number;
  /** Sum of the passages' lengths in content words. */
  totalLength: number;
  /** Document frequency (passages) of every stem asked about; a stem absent from the map occurs nowhere. */
  documentFrequency: Map<string, number>;
  /** The stems asked about that the library has seen capitalised inside a sentence (names). */
  names: Set<string>;
}

export interface RetrievalBatch {
  stats: CorpusStats;
  /** Per query, in the order asked: best first. */
  candidates: Candidate[][];
  /** Every source a candidate comes from, and every cited source asked about, whole. */
  sources: Source[];
  /** Citation labels (ids, URLs) the retrieval's library resolved: label → source id. */
  citations: Map<string, string>;
}

/** What a draft's check asks a remote library for, all at once. */
export interface RetrievalRequest {
  queries: RetrievalQuery[];
  /** Stems whose document frequency and name status the verifier will ask about (claim words and their synonyms). */
  stems: string[];
  /** Citation ids and URLs the draft uses that the local library does not resolve. */
  citationKeys: string[];
  citationUrls: string[];
}

export interface RemoteRetrieval {
  /** For messages: "PostgreSQL at host:5432/db". */
  readonly description: string;
  /** One round trip. Rejects with a RetrievalError when the library cannot be reached or answers wrongly. */
  retrieve(request: RetrievalRequest): Promise<RetrievalBatch>;
  /** Ends the connections. */
  close(): Promise<void>;
}

/** A library that could not be asked: never read as "no evidence" (that would call every claim unsupported). */
export class RetrievalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetrievalError';
  }
}
