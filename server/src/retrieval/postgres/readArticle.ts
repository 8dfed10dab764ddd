// One source file made ready for the archive: read, hashed, parsed by the library's loader and tokenised, its passages
// written out as COPY rows. Everything here is the same work for any file, with no database: `grounded index` runs it
// in worker threads (ingestWorkers.ts) so a large ingest reads on several cores while the database writes.
import { createHash } from 'node:crypto';
import { DEFAULT_MAX_FILE_BYTES, readRegularFile } from '../../files/readTextFile';
import type { Source, SourceProblem } from '../../model';
import { sourceFromBytes } from '../../sources/loadSources';
import { tokenize } from '../../text/tokens';
import { copyField, textArray } from './copyIn';
import { stemsVector } from './schema';

export interface ArticleJob {
  path: string;
  /** The digest of its folder's bibliography entries ('' when none), hashed with the file. */
  digest: string;
  /** The hash the archive holds for this path: when the file still hashes to it, nothing more is read. */
  knownHash?: string;
}

/** A source without its passages' text: what the sources table and the bibliography step need of it. */
export type SourceHeader = Omit<Source, 'passages'>;

export interface PreparedArticle {
  source: SourceHeader;
  passages: number;
  /**
   * The passages as COPY rows without their first field (the source's key, known once the source is inserted): each
   * row begins with a tab and ends with a newline.
   */
  rows: string;
  /** Each content stem, and the number of passages holding it (for the terms' document frequency). */
  stems: string[];
  stemPassages: number[];
  /** Each stem capitalised inside a sentence, and the number of passages where it is. */
  names: string[];
  namePassages: number[];
  /** The passages' lengths in content words, summed. */
  totalLength: number;
  titleStated: boolean;
}

export type ArticleRead =
  | { hash: string; unchanged: true }
  | { hash: string; problem: SourceProblem }
  | { hash: string; article: PreparedArticle };

export function readArticle(job: ArticleJob): ArticleRead {
  // Read once, as the loader reads a file (a regular file, within the size limit), then hashed and parsed.
  const file = readRegularFile(job.path, DEFAULT_MAX_FILE_BYTES);
  if ('error' in file) return { hash: '', problem: { path: job.path, message: file.error } };
  const hash = createHash('sha256').update(file.bytes).update(job.digest).digest('hex');
  if (job.knownHash === hash) return { hash, unchanged: true };
  const read = sourceFromBytes(job.path, file.bytes, false);
  if ('message' in read) return { hash, problem: read };
  const { passages, ...source } = read.source;
  return { hash, article: { source, passages: passages.length, ...passageRows(passages), titleStated: read.titleStated } };
}

/** As index/passageIndex.ts counts: content words only; a name is a word capitalised inside a sentence. */
function passageRows(passages: Source['passages']): Pick<PreparedArticle, 'rows' | 'stems' | 'stemPassages' | 'names' | 'namePassages' | 'totalLength'> {
  let rows = '';
  let totalLength = 0;
  const df = new Map<string, number>();
  const nameCounts = new Map<string, number>();
  for (const passage of passages) {
    const counts = new Map<string, number>();
    const names = new Set<string>();
    const initials = new Set<string>();
    let length = 0;
    for (const token of tokenize(passage.text)) {
      if (token.capitalized && token.sentenceInitial) initials.add(token.stem);
      if (token.stop) continue;
      length++;
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      if (token.capitalized && !token.sentenceInitial) names.add(token.stem);
    }
    rows += `\t${passage.index}\t${passage.line}\t${passage.paragraph}\t${copyField(passage.text)}\t${length}\t${copyField(stemsVector(counts))}\t${copyField(textArray(names))}\t${copyField(textArray(initials))}\n`;
    totalLength += length;
    for (const stem of counts.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
    for (const stem of names) nameCounts.set(stem, (nameCounts.get(stem) ?? 0) + 1);
  }
  return { rows, stems: [...df.keys()], stemPassages: [...df.values()], names: [...nameCounts.keys()], namePassages: [...nameCounts.values()], totalLength };
}

/** An article's COPY rows with its source's key as their first field. */
export function rowsWithKey(article: PreparedArticle, key: string): string {
  return article.rows === '' ? '' : key + article.rows.replaceAll('\n\t', `\n${key}\t`);
}
