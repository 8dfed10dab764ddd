// The archive's sources a retrieval already holds, by their key. An archive never changes a source row's passages or
// metadata (a changed file is removed and inserted again, under a new key; an unchanged one is only touched), so a
// source held is asked for without its text, and the same Source object serves every check: its passages are
// tokenised once (index/passageTerms.ts remembers their terms beside the passages array), where building each round
// trip's snapshot from fresh objects tokenised them all again, most of a claim's round trip.
//
// The key and the content hash together name a source: an archive dropped and ingested again starts its keys afresh,
// and a held key whose hash, id or path differs is a stale entry (the retrieval then asks again, holding nothing).
import type { Source } from '../../model';

/** Enough for a long draft's sources (a 2,000-word draft brings in a few hundred) several times over. */
const HELD_SOURCES = 4_000;

export class HeldSources {
  private readonly held = new Map<string, { hash: string; source: Source }>();

  constructor(private readonly limit = HELD_SOURCES) {}

  /** The keys held, for the statement to leave their text out. */
  keys(): string[] {
    return [...this.held.keys()];
  }

  /** The held source of this key when it is the one named (same hash, id and path), else undefined. */
  get(key: string, hash: string, id: string, path: string): Source | undefined {
    const entry = this.held.get(key);
    if (!entry || entry.hash !== hash || entry.source.id !== id || entry.source.path !== path) return undefined;
    // The least recently used go first: met again, it moves to the end.
    this.held.delete(key);
    this.held.set(key, entry);
    return entry.source;
  }

  add(key: string, hash: string, source: Source): void {
    this.held.delete(key);
    this.held.set(key, { hash, source });
    if (this.held.size > this.limit) this.held.delete(this.held.keys().next().value!);
  }

  clear(): void {
    this.held.clear();
  }
}
