// A start in a new process (no stem numbered yet, as the CLI and the language server start) from the index cache in
// `directory`: prints whether the index took its posting lists from the cache file, and what the check reports.
// Run by indexCache.test.ts: `node --import tsx startFromCache.ts FOLDER DIRECTORY`.
import { LibraryCache } from '../../server/src/index/libraryCache';
import { rememberedPostings } from '../../server/src/index/postings';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { check } from './cacheCheck';

const [folder, directory] = process.argv.slice(2);
const cache = new LibraryCache(directory);
const folders = { dirs: [folder], includeBundled: true };
cache.prepare(folders);
const stored = rememberedPostings(loadSourceLibrary({ ...folders, cache: cache.files }).sources) !== undefined;
console.log(JSON.stringify({ stored, report: check(folder, cache) }));
