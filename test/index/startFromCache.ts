// A start in a new process (no stem numbered yet, as the CLI starts) from the index cache in
// `directory`: prints whether the index took its posting lists from the cache file, and what the check reports.
// Run by indexCache.test.ts: `node --import tsx startFromCache.ts FOLDER DIRECTORY`.
import { LibraryCache } from '../../server/src/index/libraryCache';
import { check, postingsTaken } from './cacheCheck';

const [folder, directory] = process.argv.slice(2);
const stored = postingsTaken(folder, directory);
console.log(JSON.stringify({ stored, report: check(folder, new LibraryCache(directory)) }));
