// One checked version of an editor document: the draft's findings material (findings/checkedDraft.ts) plus what ties
// it to the editor — the document and version it was checked at, and the library it was checked against.

import type { CheckedDraft } from '../findings/checkedDraft';
import type { DocumentReading } from './scheduler';

export interface CheckedDocument extends CheckedDraft {
  uri: string;
  /** The document version checked; undefined for a file read from disk (not open in the editor). */
  version: number | undefined;
  libraryVersion: number;
  /** False for a document that is not a draft: nothing of it was checked, and it shows no findings. */
  draft: boolean;
  /** Set (to its size in UTF-8 bytes) when the document was not checked for being over `grounded.maxFileSize`. */
  tooLarge?: number;
  /** The draft's claims as read and checked, for reading only the edited blocks of the next version. */
  reading?: DocumentReading;
}
