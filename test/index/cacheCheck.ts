// One check of a draft against a source folder, with or without the index cache, as the cache tests compare them
// (in the test's process, and in a new one: startFromCache.ts).
import { createEngine } from '../../server/src/engine';
import { LibraryCache } from '../../server/src/index/libraryCache';
import { rememberedPostings } from '../../server/src/index/postings';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const DRAFT = [
  'The city council approved 50 new buses on Monday.',
  'The harbour authority closed the northern pier in March.',
  'Talks between the government and the opposition resumed in Barbados.',
  'A spokesman said the museum would reopen in 2024.',
].join('\n\n');

/** What a check reports: the library's sources (with their passages) and every claim's verdict, evidence and reason. */
export function check(folder: string, cache?: LibraryCache): string {
  const folders = { dirs: [folder], includeBundled: true };
  cache?.prepare(folders);
  const library = loadSourceLibrary({ ...folders, ...(cache ? { cache: cache.files } : {}) });
  const engine = createEngine(library, { cacheVerdicts: false });
  cache?.persist(folders, library);
  const report = engine.checkDraft(DRAFT, 'draft.md');
  return JSON.stringify({ sources: library.sources, problems: library.problems, claims: report.claims });
}

/** A load of the folder through a new read of the cache file in `directory`: whether its index takes the file's postings. */
export function postingsTaken(folder: string, directory: string): boolean {
  const cache = new LibraryCache(directory);
  const folders = { dirs: [folder], includeBundled: true };
  cache.prepare(folders);
  return rememberedPostings(loadSourceLibrary({ ...folders, cache: cache.files }).sources) !== undefined;
}
