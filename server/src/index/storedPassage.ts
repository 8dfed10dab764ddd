// A passage read back from the index cache, its text left in the cache file's bytes and decoded when asked for. A
// start from the cache made a string of every passage (250,000 at 10,000 articles), most never read again: their
// making, and the garbage collections that moved them, were most of the start's time, and they filled the heap.

import type { Passage } from '../model';

/** The passages' texts of one cache file: UTF-8 bytes, and where each passage's text ends. */
export interface PassageTexts {
  bytes: Buffer;
  ends: Uint32Array;
}

export class StoredPassage implements Passage {
  constructor(
    readonly sourceId: string,
    readonly line: number,
    readonly index: number,
    readonly paragraph: number,
    private readonly texts: PassageTexts,
    /** The passage's number in the file: its text is bytes[ends[at - 1] … ends[at]). */
    private readonly at: number,
  ) {}

  get text(): string {
    return this.texts.bytes.toString('utf8', this.at === 0 ? 0 : this.texts.ends[this.at - 1], this.texts.ends[this.at]);
  }

  /** As a passage read from its file serialises: the same fields in the same order. */
  toJSON(): Passage {
    return { sourceId: this.sourceId, line: this.line, text: this.text, index: this.index, paragraph: this.paragraph };
  }
}
