// The index cache never changes a verdict: between runs, source files are edited (same size, or a new modification
// time only), added and deleted, and the cache file is truncated, altered and replaced by garbage; every run must give
// exactly what a run without the cache gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createEngine } from '../../server/src/engine';
import { readIndexCache } from '../../server/src/index/indexCache';
import { LibraryCache } from '../../server/src/index/libraryCache';
import { bundledSourcesDir, loadSourceLibrary } from '../../server/src/sources/loadSources';
import { SourceFileCache } from '../../server/src/sources/sourceFileCache';
import { check, postingsTaken } from './cacheCheck';

const ARTICLES: Record<string, string> = {
  'buses.md': '---\nid: buses\ntitle: Council buys buses\n---\nThe city council approved 50 new buses on Monday.\nThe vote was unanimous.\n',
  'pier.md': '---\nid: pier\ntitle: Pier closed\n---\nThe harbour authority closed the northern pier in March after storm damage.\n',
  'notes.txt': 'Museum notes\n\nA spokesman said the museum would reopen in 2024, after repairs.\n',
};

/** A fresh folder of sources, every file dated well in the past (a file modified just now is never cached). */
function sourceFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-cache-sources-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(folder, name), text);
  cpSync(bundledSourcesDir(), join(folder, 'bundled-copy'), { recursive: true });
  for (const name of readdirSync(join(folder, 'bundled-copy'))) {
    // The copies need ids of their own: the bundled sources are in the library too.
    const path = join(folder, 'bundled-copy', name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^id: (.*)$/m, 'id: copy-$1'));
  }
  backdate(folder, ...Object.keys(ARTICLES), ...readdirSync(join(folder, 'bundled-copy')).map((name) => join('bundled-copy', name)));
  return folder;
}

let clock = Date.now() - 3_600_000;
/** Gives each file a modification time of its own, an hour or so ago. */
function backdate(folder: string, ...names: string[]): void {
  for (const name of names) {
    clock += 1_000;
    utimesSync(join(folder, name), new Date(clock), new Date(clock));
  }
}

function cacheFiles(directory: string): string[] {
  return readdirSync(directory).map((name) => join(directory, name));
}

test('a start from the cache file gives the verdicts a start without it gives, and reads no source file', () => {
  const folder = sourceFolder();
  const directory = mkdtempSync(join(tmpdir(), 'grounded-cache-'));
  const expected = check(folder);
  assert.equal(check(folder, new LibraryCache(directory)), expected, 'the run that writes the cache');
  const [file] = cacheFiles(directory);
  assert.ok(file, 'the cache file is written');
  assert.equal(readIndexCache(file, new SourceFileCache()).length, 5 + Object.keys(ARTICLES).length + 5, 'every source is in it');

  // Proof that the files are not read: one changes behind the cache's back (same size, same modification time), and
  // the run still reports what the cache holds.
  const buses = join(folder, 'buses.md');
  const { mtime } = statSync(buses);
  writeFileSync(buses, readFileSync(buses, 'utf8').replace('50', '80'));
  utimesSync(buses, mtime, mtime);
  const cache = new LibraryCache(directory);
  assert.equal(check(folder, cache), expected, 'the run that reads the cache');
  rmSync(folder, { recursive: true });
  rmSync(directory, { recursive: true });
});

/** A start in a new process from the cache in `directory`: whether it took the stored postings, and its report. */
function startInNewProcess(folder: string, directory: string): { stored: boolean; report: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'startFromCache.ts'), folder, directory], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { stored: boolean; report: string };
}

test('a new process takes the index from the cache file when its library is the one the file holds, and builds it when not', () => {
  const folder = sourceFolder();
  const directory = mkdtempSync(join(tmpdir(), 'grounded-cache-'));
  const expected = check(folder);
  check(folder, new LibraryCache(directory));
  assert.deepEqual(startInNewProcess(folder, directory), { stored: true, report: expected });

  // One more source: the library is no longer the file's, and the index is built (the verdicts as without the cache).
  writeFileSync(join(folder, 'talks.md'), '---\nid: talks\ntitle: Talks\n---\nTalks between the government and the opposition resumed in Barbados.\n');
  backdate(folder, 'talks.md');
  assert.deepEqual(startInNewProcess(folder, directory), { stored: false, report: check(folder) });
  // That start wrote the cache anew: the next takes the index from it again.
  assert.deepEqual(startInNewProcess(folder, directory), { stored: true, report: check(folder) });
  rmSync(folder, { recursive: true });
  rmSync(directory, { recursive: true });
});

test('edited, added and deleted source files are read again: never a stale verdict', () => {
  const folder = sourceFolder();
  const directory = mkdtempSync(join(tmpdir(), 'grounded-cache-'));
  const memory = new LibraryCache(undefined);
  const runs = (): void => {
    const expected = check(folder);
    assert.equal(check(folder, new LibraryCache(directory)), expected, 'a new process with the cache file');
    assert.equal(check(folder, memory), expected, 'the language server, reloading with what it analysed before');
  };
  runs();

  // Same size, a new modification time: "50" becomes "80", and the claim is contradicted.
  const buses = join(folder, 'buses.md');
  writeFileSync(buses, readFileSync(buses, 'utf8').replace('50', '80'));
  backdate(folder, 'buses.md');
  assert.match(check(folder), /"verdict":"contradicted"/);
  runs();

  // A new size, the same modification time as before the edit.
  const pier = join(folder, 'pier.md');
  const pierTime = new Date(clock - 60_000);
  utimesSync(pier, pierTime, pierTime);
  runs();
  writeFileSync(pier, readFileSync(pier, 'utf8').replace('northern pier', 'northern pier and the ferry terminal'));
  utimesSync(pier, pierTime, pierTime);
  runs();

  // Added, then deleted.
  writeFileSync(join(folder, 'talks.md'), '---\nid: talks\ntitle: Talks\n---\nTalks between the government and the opposition resumed in Barbados.\n');
  backdate(folder, 'talks.md');
  runs();
  unlinkSync(join(folder, 'notes.txt'));
  runs();
  // This process numbered the deleted file's stems, which the file no longer holds: its lists are renumbered, and taken.
  assert.ok(postingsTaken(folder, directory));

  // Edited just now (the modification time may not yet tell it from the next edit): read, and not remembered.
  writeFileSync(buses, readFileSync(buses, 'utf8').replace('80', '50'));
  runs();
  assert.equal(memory.files.entry(buses), undefined);
  rmSync(folder, { recursive: true });
  rmSync(directory, { recursive: true });
});

test('a truncated, altered or foreign cache file is ignored and written anew, never trusted', () => {
  const folder = sourceFolder();
  const directory = mkdtempSync(join(tmpdir(), 'grounded-cache-'));
  const expected = check(folder);
  check(folder, new LibraryCache(directory));
  const [file] = cacheFiles(directory);
  const whole = readFileSync(file);

  const damaged: Record<string, Buffer> = {
    truncated: whole.subarray(0, Math.floor(whole.length / 2)),
    'cut to the header': whole.subarray(0, 20),
    empty: Buffer.alloc(0),
    garbage: Buffer.from('{"not": "a cache"}\n'.repeat(100)),
  };
  // Bytes flipped in the header, the checksum, the stems and the texts.
  for (const at of [3, 20, 100, Math.floor(whole.length / 2), whole.length - 5]) {
    const flipped = Buffer.from(whole);
    flipped[at] ^= 0x41;
    damaged[`byte ${at} flipped`] = flipped;
  }
  for (const [what, bytes] of Object.entries(damaged)) {
    writeFileSync(file, bytes);
    assert.equal(readIndexCache(file, new SourceFileCache()).length, 0, `${what}: nothing read`);
    assert.equal(check(folder, new LibraryCache(directory)), expected, `${what}: the verdicts`);
    assert.ok(readIndexCache(file, new SourceFileCache()).length > 0, `${what}: the file is written anew`);
  }
  rmSync(folder, { recursive: true });
  rmSync(directory, { recursive: true });
});

test('a cache folder that cannot be written is named; the sources load all the same', () => {
  const folder = sourceFolder();
  const blocker = join(mkdtempSync(join(tmpdir(), 'grounded-cache-')), 'a-file');
  writeFileSync(blocker, 'not a folder');
  const cache = new LibraryCache(join(blocker, 'cache'));
  const folders = { dirs: [folder], includeBundled: true };
  cache.prepare(folders);
  const library = loadSourceLibrary({ ...folders, cache: cache.files });
  createEngine(library);
  assert.match(cache.persist(folders, library) ?? '', /not a folder/);
  assert.equal(cache.persist(folders, library), undefined, 'named once, not at every load');
  assert.equal(JSON.stringify(library.sources), JSON.stringify(loadSourceLibrary(folders).sources));
  rmSync(folder, { recursive: true });
});
