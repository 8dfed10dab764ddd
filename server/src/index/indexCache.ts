// The index cache on disk: one file per library (its folders and whether it holds the bundled sources) in the folder
// the host names (the CLI's --cache, the editor's storage folder), holding each source file's analysis — its source
// and its passages' numbered stems (passageTerms.ts) — under the file's path, size and modification time. A start
// reads it into a SourceFileCache, and the loader takes every unchanged file from there instead of reading and
// tokenising it.
//
// Never trusted: the file starts with a magic string and a CRC-32 of the rest, and it must name this engine's
// version (the package's, this format's, and the running build's own size and time, so a rebuilt bundle whose
// tokeniser changed cannot read stems an older one wrote). A file that fails any check, is truncated or will not
// deserialise is ignored whole, and rewritten after the load. Written to a temporary file, then renamed over the old
// one, so a reader never sees half a file.
//
// The format is a few long columns (the numbers in typed arrays, the texts as UTF-8) laid out for reading in place
// (columnFile.ts): a start takes views of the file's buffer, and the passages' texts are decoded when read
// (storedPassage.ts). Measured on the 10,000-article library: see the README's performance section.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { version as packageVersion } from '../../../package.json';
import { describeFsError } from '../files/readTextFile';
import { writeAtomically } from '../files/writeAtomically';
import { finishNow } from '../workInSteps';
import type { Passage, Source, SourceMetadata } from '../model';
import type { CachedSourceFile, SourceFileCache } from '../sources/sourceFileCache';
import { decodeColumns, encodeColumns, type Column } from './columnFile';
import { rememberTerms, termsOf } from './passageTerms';
import { postingsInSteps, rememberPostings, type Postings } from './postings';
import { StoredPassage, type PassageTexts } from './storedPassage';
import { stemCount as stemCountOfProcess, stemId, stemOf } from './stemIds';

/** Raised whenever what is stored changes shape or meaning: an older file is then ignored. */
const CACHE_FORMAT = 2;
// Sixteen bytes, and four of checksum: the columns after them start at a multiple of four, as their views need.
const MAGIC = Buffer.from('GROUNDED-INDEX2\n', 'latin1');
const DIGEST_BYTES = 4;
const METADATA_KEYS = ['outlet', 'author', 'dateline', 'date', 'url'] as const;

/** A source file's own values; its passages and terms are in the columns of StoredCache, in file order. */
interface StoredSource {
  path: string;
  size: number;
  mtimeMs: number;
  bundled: boolean;
  titleStated: boolean;
  metadata: SourceMetadata;
  passages: number;
  excluded: number;
  names: number;
}

/** The header's values: every source's own values, and what the columns need to be read. */
interface StoredHeader {
  engine: string;
  sources: StoredSource[];
  rules: string[];
}

/**
 * Every source's values in a few long columns, so that reading them is taking views of the file rather than making a
 * million small objects (measured: three times faster to load than one object of typed arrays per source).
 */
interface StoredColumns {
  /** The stems the sources' terms number, in the file's own numbering, in UTF-8: stem k is line k. */
  stems: Uint8Array;
  /** The passages' texts in a row, in UTF-8, and where each ends. */
  texts: Uint8Array;
  textEnds: Uint32Array;
  /** Per passage: its line, its paragraph, its content words, how many distinct stems it has. */
  lines: Column;
  paragraphs: Column;
  lengths: Column;
  stemCounts: Column;
  /** Per stem of a passage: the stem (file numbering) and how often it occurs. */
  stemIds: Column;
  stemTfs: Column;
  /** Per source, its `names` stems in a row. */
  names: Column;
  /** Per excluded line: the line and its rule (an index into `rules`). */
  excludedLines: Column;
  excludedRules: Column;
  /** The index's posting lists over the file's passages in order, by stem (file numbering): see postings.ts. */
  postingStarts: Uint32Array;
  postingIds: Uint32Array;
  postingTfs: Column;
}

const COLUMN_NAMES = ['stems', 'texts', 'textEnds', 'lines', 'paragraphs', 'lengths', 'stemCounts', 'stemIds', 'stemTfs', 'names', 'excludedLines', 'excludedRules', 'postingStarts', 'postingIds', 'postingTfs'] as const;

/** The engine the cache belongs to: files another one wrote are ignored. */
export function engineVersion(): string {
  return `${packageVersion}/${CACHE_FORMAT}/${buildStamp()}`;
}

/** The running code's own file (the bundle, in a package): rebuilding it changes its size or time. */
function buildStamp(): string {
  try {
    const stats = statSync(__filename);
    return `${stats.size}@${stats.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

/** The cache file of a library, named by what the library is made of. */
export function indexCachePath(directory: string, dirs: readonly string[], includeBundled: boolean): string {
  const library = createHash('sha256').update(JSON.stringify({ dirs, includeBundled })).digest('hex').slice(0, 16);
  return join(directory, `sources-${library}.grounded-index`);
}

/**
 * Adds the file's entries to `cache`, and returns them. A missing, foreign, corrupt or truncated file adds none (it
 * is rewritten after the load).
 */
export function readIndexCache(path: string, cache: SourceFileCache): CachedSourceFile[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return [];
  }
  const stored = checkedContent(bytes);
  const entries = stored && restore(stored.header, stored.columns);
  if (!entries) return [];
  for (const entry of entries) cache.add(entry);
  return entries;
}

/** Writes the entries as the library's cache file; the problem when it cannot be written. */
export function writeIndexCache(path: string, directory: string, entries: readonly CachedSourceFile[]): string | undefined {
  const { header, columns } = storedCache(entries);
  const file = encodeColumns(header, columns as unknown as Record<string, Column>, MAGIC.length + DIGEST_BYTES);
  MAGIC.copy(file);
  file.writeUInt32LE(crc32(file.subarray(MAGIC.length + DIGEST_BYTES)), MAGIC.length);
  try {
    mkdirSync(directory, { recursive: true });
    writeAtomically(path, file);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? 'read-only file system' : describeFsError(error);
  }
}

/** The stored cache when the bytes are a whole, unaltered file this engine wrote. */
function checkedContent(file: Buffer): { header: StoredHeader; columns: StoredColumns } | undefined {
  if (file.length < MAGIC.length + DIGEST_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  // The columns are views of the file's buffer and need it to start at a multiple of four (a large file read whole
  // has a buffer of its own, which does).
  const bytes = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  if (crc32(payload) !== bytes.readUInt32LE(MAGIC.length)) return undefined;
  const decoded = decodeColumns(payload);
  if (!decoded || !isStoredHeader(decoded.value)) return undefined;
  const { columns } = decoded;
  if (!COLUMN_NAMES.every((name) => columns.has(name))) return undefined;
  const stored = Object.fromEntries(columns) as unknown as StoredColumns;
  const wide = [stored.textEnds, stored.postingStarts, stored.postingIds];
  if (!wide.every((column) => column instanceof Uint32Array) || !(stored.texts instanceof Uint8Array) || !(stored.stems instanceof Uint8Array)) return undefined;
  return { header: decoded.value, columns: stored };
}

function storedCache(entries: readonly CachedSourceFile[]): { header: StoredHeader; columns: StoredColumns } {
  // Each column is filled into a typed array of its final length: building them as arrays of numbers first cost a
  // few hundred megabytes at 10,000 articles, just as the first start had filled the heap.
  const termsOfEntry = entries.map((entry) => termsOf(entry.source.passages));
  const total = (count: (entry: CachedSourceFile, k: number) => number): number => entries.reduce((sum, entry, k) => sum + count(entry, k), 0);
  const passageCount = total((entry) => entry.source.passages.length);
  const stemCount = total((_, k) => termsOfEntry[k].stems.length);
  const nameCount = total((_, k) => termsOfEntry[k].names.length);
  const excludedCount = total((entry) => entry.source.excluded.length);
  const columns = {
    lines: new Uint32Array(passageCount),
    paragraphs: new Uint32Array(passageCount),
    lengths: new Uint32Array(passageCount),
    stemCounts: new Uint32Array(passageCount),
    stemIds: new Uint32Array(stemCount),
    stemTfs: new Uint32Array(stemCount),
    names: new Uint32Array(nameCount),
    excludedLines: new Uint32Array(excludedCount),
    excludedRules: new Uint32Array(excludedCount),
  };
  // The file numbers only the stems its sources use, from 0: the process's numbering holds every stem it ever met.
  const localOfProcess = new Int32Array(stemCountOfProcess()).fill(-1);
  const stems: string[] = [];
  const local = (id: number): number => {
    if (localOfProcess[id] === -1) {
      localOfProcess[id] = stems.length;
      stems.push(stemOf(id));
    }
    return localOfProcess[id];
  };
  // The texts written straight into one buffer of their final length, not a buffer per passage joined after.
  const texts = Buffer.allocUnsafe(entries.reduce((sum, entry) => entry.source.passages.reduce((bytes, passage) => bytes + Buffer.byteLength(passage.text), sum), 0));
  const textEnds = new Uint32Array(passageCount);
  const passageStarts = new Uint32Array(passageCount + 1);
  let textBytes = 0;
  const rules: string[] = [];
  let passageAt = 0;
  let stemAt = 0;
  let nameAt = 0;
  let excludedAt = 0;
  const sources = entries.map((entry, e): StoredSource => {
    const { source } = entry;
    const terms = termsOfEntry[e];
    source.passages.forEach((passage, p) => {
      textBytes += texts.write(passage.text, textBytes, 'utf8');
      textEnds[passageAt] = textBytes;
      columns.lines[passageAt] = passage.line;
      columns.paragraphs[passageAt] = passage.paragraph;
      columns.lengths[passageAt] = terms.lengths[p];
      columns.stemCounts[passageAt] = terms.starts[p + 1] - terms.starts[p];
      passageStarts[passageAt + 1] = passageStarts[passageAt] + columns.stemCounts[passageAt];
      passageAt++;
    });
    for (let k = 0; k < terms.stems.length; k++, stemAt++) {
      columns.stemIds[stemAt] = local(terms.stems[k]);
      columns.stemTfs[stemAt] = terms.counts[k];
    }
    for (let k = 0; k < terms.names.length; k++) columns.names[nameAt++] = local(terms.names[k]);
    for (const { line, rule } of source.excluded) {
      if (!rules.includes(rule)) rules.push(rule);
      columns.excludedLines[excludedAt] = line;
      columns.excludedRules[excludedAt++] = rules.indexOf(rule);
    }
    const metadata: SourceMetadata = { id: source.id, title: source.title };
    for (const key of METADATA_KEYS) if (source[key] !== undefined) metadata[key] = source[key];
    return {
      path: entry.path,
      size: entry.size,
      mtimeMs: entry.mtimeMs,
      bundled: entry.bundled,
      titleStated: entry.titleStated,
      metadata,
      passages: source.passages.length,
      excluded: source.excluded.length,
      names: terms.names.length,
    };
  });
  const postings = finishNow(postingsInSteps([{ starts: passageStarts, stems: columns.stemIds, counts: columns.stemTfs }], stems.length));
  return {
    header: { engine: engineVersion(), sources, rules },
    columns: {
      stems: Buffer.from(stems.join('\n'), 'utf8'),
      texts,
      textEnds,
      lines: narrowest(columns.lines),
      paragraphs: narrowest(columns.paragraphs),
      lengths: narrowest(columns.lengths),
      stemCounts: narrowest(columns.stemCounts),
      stemIds: narrowest(columns.stemIds),
      stemTfs: narrowest(columns.stemTfs),
      names: narrowest(columns.names),
      excludedLines: narrowest(columns.excludedLines),
      excludedRules: narrowest(columns.excludedRules),
      postingStarts: postings.starts,
      postingIds: postings.ids,
      postingTfs: narrowest(postings.tfs as Uint32Array),
    },
  };
}

function narrowest(values: Uint32Array): Column {
  const max = largest(values);
  return max <= 0xff ? Uint8Array.from(values) : max <= 0xffff ? Uint16Array.from(values) : values;
}

/**
 * The stored sources as cache entries, their stems in this process's numbering; undefined when the columns do not
 * hold together (the file is then not what this code wrote, and none of it is used).
 */
function restore(header: StoredHeader, stored: StoredColumns): CachedSourceFile[] | undefined {
  const passageCount = header.sources.reduce((sum, source) => sum + source.passages, 0);
  const perPassage = [stored.lines, stored.paragraphs, stored.lengths, stored.stemCounts, stored.textEnds];
  if (perPassage.some((column) => column.length !== passageCount)) return undefined;
  if (stored.stemTfs.length !== stored.stemIds.length || stored.excludedRules.length !== stored.excludedLines.length) return undefined;
  if (sum(stored.stemCounts) !== stored.stemIds.length) return undefined;
  if (header.sources.reduce((total, source) => total + source.names, 0) !== stored.names.length) return undefined;
  if (header.sources.reduce((total, source) => total + source.excluded, 0) !== stored.excludedLines.length) return undefined;
  const stemText = Buffer.from(stored.stems.buffer, stored.stems.byteOffset, stored.stems.byteLength).toString('utf8');
  const stemTable = stemText === '' ? [] : stemText.split('\n');
  if (largest(stored.stemIds) >= stemTable.length || largest(stored.names) >= stemTable.length) return undefined;
  if (stored.excludedRules.some((rule) => rule >= header.rules.length)) return undefined;
  for (let p = 0; p < passageCount; p++) {
    if (stored.textEnds[p] < (p === 0 ? 0 : stored.textEnds[p - 1]) || stored.textEnds[p] > stored.texts.length) return undefined;
  }
  if (!postingsHoldTogether(stored, stemTable.length, passageCount)) return undefined;
  // Numbered in the file's order: in a process that has numbered no stem yet (a start) the file's numbers are the
  // process's own, and its columns serve as they are, neither copied nor widened.
  const processIds = stemTable.map(stemId);
  const sameNumbers = processIds.every((id, k) => id === k);
  const stemIds = sameNumbers ? stored.stemIds : renumber(stored.stemIds, processIds);
  const names = sameNumbers ? stored.names : renumber(stored.names, processIds);
  const counts = stored.stemTfs;
  const texts: PassageTexts = { bytes: Buffer.from(stored.texts.buffer, stored.texts.byteOffset, stored.texts.byteLength), ends: stored.textEnds };

  const entries: CachedSourceFile[] = [];
  const passagesOfEntries: Passage[][] = [];
  let passage = 0;
  let stem = 0;
  let name = 0;
  let excluded = 0;
  for (const fileSource of header.sources) {
    const id = fileSource.metadata.id;
    const starts = new Uint32Array(fileSource.passages + 1);
    const lengths = new Uint32Array(fileSource.passages);
    const passages: Passage[] = new Array<Passage>(fileSource.passages);
    for (let index = 0; index < fileSource.passages; index++) {
      const at = passage + index;
      starts[index + 1] = starts[index] + stored.stemCounts[at];
      lengths[index] = stored.lengths[at];
      passages[index] = new StoredPassage(id, stored.lines[at], index, stored.paragraphs[at], texts, at);
    }
    passage += fileSource.passages;
    passagesOfEntries.push(passages);
    const stemEnd = stem + starts[fileSource.passages];
    rememberTerms(passages, { starts, stems: stemIds.subarray(stem, stemEnd), counts: counts.subarray(stem, stemEnd), lengths, names: names.subarray(name, name + fileSource.names) });
    stem = stemEnd;
    name += fileSource.names;
    const source: Source = {
      ...fileSource.metadata,
      path: fileSource.path,
      bundled: fileSource.bundled,
      passages,
      excluded: Array.from({ length: fileSource.excluded }, (_, k) => ({ line: stored.excludedLines[excluded + k], rule: header.rules[stored.excludedRules[excluded + k]] })),
    };
    excluded += fileSource.excluded;
    entries.push({ path: fileSource.path, size: fileSource.size, mtimeMs: fileSource.mtimeMs, bundled: fileSource.bundled, source, titleStated: fileSource.titleStated });
  }
  // Numbered as the process numbers them, the postings serve an index of these sources as they are; else each stem's
  // list moves, whole, to its place in the process's numbering (the language server has numbered stems before).
  const postings = sameNumbers ? { starts: stored.postingStarts, ids: stored.postingIds, tfs: stored.postingTfs } : renumberPostings(stored, processIds);
  if (!postings) return undefined;
  rememberPostings(passagesOfEntries, postings, postings.starts.length - 1);
  return entries;
}

/** The postings by this process's stem numbers; undefined when two of the file's stems are one (no file this code wrote). */
function renumberPostings(stored: StoredColumns, processIds: readonly number[]): Postings | undefined {
  const limit = stemCountOfProcess();
  const starts = new Uint32Array(limit + 1);
  const seen = new Uint8Array(limit);
  for (let k = 0; k < processIds.length; k++) {
    if (seen[processIds[k]]++ !== 0) return undefined;
    starts[processIds[k] + 1] = stored.postingStarts[k + 1] - stored.postingStarts[k];
  }
  for (let stem = 0; stem < limit; stem++) starts[stem + 1] += starts[stem];
  const { postingIds, postingTfs } = stored;
  const ids = new Uint32Array(postingIds.length);
  const tfs = postingTfs instanceof Uint8Array ? new Uint8Array(ids.length) : postingTfs instanceof Uint16Array ? new Uint16Array(ids.length) : new Uint32Array(ids.length);
  for (let k = 0; k < processIds.length; k++) {
    const from = stored.postingStarts[k];
    const to = stored.postingStarts[k + 1];
    ids.set(postingIds.subarray(from, to), starts[processIds[k]]);
    tfs.set(postingTfs.subarray(from, to), starts[processIds[k]]);
  }
  return { starts, ids, tfs };
}

/** Whether the postings are lists of every stem, ascending passage ids below `passageCount`, one per stem a passage has. */
function postingsHoldTogether(stored: StoredColumns, stemCount: number, passageCount: number): boolean {
  const { postingStarts: starts, postingIds: ids } = stored;
  if (starts.length !== stemCount + 1 || starts[0] !== 0 || starts[stemCount] !== ids.length) return false;
  if (ids.length !== stored.stemIds.length || stored.postingTfs.length !== ids.length) return false;
  for (let stem = 0; stem < stemCount; stem++) {
    if (starts[stem + 1] < starts[stem]) return false;
    for (let k = starts[stem]; k < starts[stem + 1]; k++) if (ids[k] >= passageCount || (k > starts[stem] && ids[k] <= ids[k - 1])) return false;
  }
  return true;
}

function sum(column: Column): number {
  let total = 0;
  for (let k = 0; k < column.length; k++) total += column[k];
  return total;
}

function largest(column: Column): number {
  let max = -1;
  for (let k = 0; k < column.length; k++) if (column[k] > max) max = column[k];
  return max;
}

/** The file's stem numbers as this process's. */
function renumber(ids: Column, processIds: readonly number[]): Uint32Array {
  const result = new Uint32Array(ids.length);
  for (let k = 0; k < ids.length; k++) result[k] = processIds[ids[k]];
  return result;
}

function isStoredHeader(value: unknown): value is StoredHeader {
  if (!isRecord(value) || value.engine !== engineVersion() || !Array.isArray(value.sources)) return false;
  return Array.isArray(value.rules) && value.rules.every((rule) => typeof rule === 'string') && value.sources.every(isStoredSource);
}

function isStoredSource(value: unknown): value is StoredSource {
  if (!isRecord(value) || !isRecord(value.metadata)) return false;
  const { metadata } = value;
  return typeof value.path === 'string' && typeof value.size === 'number' && typeof value.mtimeMs === 'number'
    && typeof value.bundled === 'boolean' && typeof value.titleStated === 'boolean'
    && typeof metadata.id === 'string' && typeof metadata.title === 'string'
    && METADATA_KEYS.every((key) => metadata[key] === undefined || typeof metadata[key] === 'string')
    && [value.passages, value.excluded, value.names].every((count) => Number.isInteger(count) && (count as number) >= 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
