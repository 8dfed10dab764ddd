// `npm run bench:scale`: retrieval and checking against a library of 10,000 articles (issue 2: "retrieval must stay
// fast as the library grows"), then the library's start from files on disk (issue 11): without and with the index
// cache, the resident memory, a reload after one file changed in a 20,000-article library, and the language server's
// first diagnostics over a 1,000-article folder, cold and with the cache. The articles are synthetic: the bundled
// articles' sentences, reshuffled, with their names and numbers varied so the index holds many distinct terms, as a
// real archive would (scripts/syntheticArticles.ts).
//
// Each start is measured in a new process (a bundle of this script run with BENCH_ROLE=start), as a user meets it:
// nothing analysed in memory before.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createEngine } from '../server/src/engine';
import { LibraryCache } from '../server/src/index/libraryCache';
import { PassageIndex } from '../server/src/index/passageIndex';
import { LibrarySet } from '../server/src/lsp/librarySet';
import { normalizeSettings } from '../server/src/lsp/settings';
import type { Source } from '../server/src/model';
import { loadSourceLibrary, sourceFromText } from '../server/src/sources/loadSources';
import { LspClient } from '../test/lsp/harness';
import { syntheticArticles, writeSyntheticArticles } from './syntheticArticles';

const ARTICLES = Number(process.env.ARTICLES ?? 10_000);
const SERVER_ARTICLES = 1_000;
const root = join(__dirname, '..');

if (process.env.BENCH_ROLE === 'start') {
  measureStart(process.argv.slice(2));
} else {
  void main();
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at start`);

  const bundled = loadSourceLibrary({ dirs: [], includeBundled: true });
  const synthetic: Source[] = [];
  const started = performance.now();
  let a = 0;
  for (const lines of syntheticArticles(ARTICLES)) synthetic.push(sourceFromText(`synthetic-${a++}`, lines.join('\n')));
  const library = { sources: [...bundled.sources, ...synthetic], problems: [] };
  const indexStart = performance.now();
  const engine = createEngine(library, { cacheVerdicts: false });
  const indexMs = performance.now() - indexStart;
  const claims = readFileSync(join(root, '..', 'shared', 'eval', 'claims-dev.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
  for (const claim of claims) engine.checkClaim(claim);
  // A claim's check is retrieval (the index's BM25 searches) and verification (aligning the claim with what they
  // found): the searches are timed apart by wrapping the one method they all go through.
  let searching = 0;
  const search = PassageIndex.prototype.search;
  PassageIndex.prototype.search = function (this: PassageIndex, ...args: Parameters<typeof search>) {
    const t = performance.now();
    try {
      return search.apply(this, args);
    } finally {
      searching += performance.now() - t;
    }
  };
  const times: number[] = [];
  const retrieval: number[] = [];
  const verification: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const claim of claims) {
      searching = 0;
      const t = performance.now();
      engine.checkClaim(claim);
      const ms = performance.now() - t;
      times.push(ms);
      retrieval.push(searching);
      verification.push(ms - searching);
    }
  }
  PassageIndex.prototype.search = search;
  const figures = (values: number[]): string => {
    const sorted = [...values].sort((x, y) => x - y);
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms`;
  };
  console.log(`library: ${library.sources.length} articles, ${engine.passageCount} passages (built in ${((indexStart - started) / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s)`);
  console.log(`per claim: ${figures(times)}; retrieval ${figures(retrieval)} (target p95 <= 3 ms), verification ${figures(verification)}`);
  console.log(`memory: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB rss`);
  // CLAIMS_ONLY=1: the checks above only (to compare two builds' retrieval without the minutes of starts below).
  if (process.env.CLAIMS_ONLY) return;
  await libraryStarts();
  await serverStarts();
}

interface StartFigures {
  sources: number;
  loadMs: number;
  indexMs: number;
  writeMs: number;
  rssMb: number;
  peakRssMb: number;
}

/** BENCH_ROLE=start: one start of the library in `dirs` with the cache in `cacheDir` (the first argument). */
function measureStart([cacheDir, ...dirs]: string[]): void {
  const folders = { dirs, includeBundled: true };
  const cache = new LibraryCache(cacheDir);
  const started = performance.now();
  cache.prepare(folders);
  const library = loadSourceLibrary({ ...folders, cache: cache.files });
  const loaded = performance.now();
  createEngine(library);
  const indexed = performance.now();
  const rssMb = process.memoryUsage().rss / 1e6;
  cache.persist(folders, library);
  const figures: StartFigures = {
    sources: library.sources.length,
    loadMs: loaded - started,
    indexMs: indexed - loaded,
    writeMs: performance.now() - indexed,
    rssMb,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
  console.log(JSON.stringify(figures));
}

/** The start measured in a new process (the bundled measuring code, as the shipped bundles run). */
function startInNewProcess(bundle: string, cacheDir: string, dirs: string[]): StartFigures {
  const run = spawnSync(process.execPath, [bundle, cacheDir, ...dirs], { env: { ...process.env, BENCH_ROLE: 'start' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the measured start failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as StartFigures;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

async function libraryStarts(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-bench-scale-'));
  try {
    const first = join(folder, 'first');
    const second = join(folder, 'second');
    writeSyntheticArticles(first, ARTICLES, 'archive');
    writeSyntheticArticles(second, ARTICLES, 'more');
    // Files written this very moment are read, never cached (their time may not yet tell one edit from the next).
    backdate(folder);
    // In dist/, so that the bundle finds the bundled sources above it as the shipped bundles do.
    const bundle = join(root, 'dist', 'bench-scale-start.js');
    await build({ entryPoints: [__filename], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, external: ['esbuild', 'vscode'], alias: { 'pg-native': './scripts/stubs/pg-native.cjs' }, logLevel: 'warning' });
    const cacheDir = join(folder, 'cache');
    const cold = startInNewProcess(bundle, cacheDir, [first]);
    const cached = startInNewProcess(bundle, cacheDir, [first]);
    const cacheBytes = readdirSync(cacheDir).reduce((sum, name) => sum + readFileSync(join(cacheDir, name)).length, 0);
    console.log(`start, ${cold.sources} articles on disk, no cache: load ${seconds(cold.loadMs)} s + index ${seconds(cold.indexMs)} s = ${seconds(cold.loadMs + cold.indexMs)} s (target <= 5 s), ${cold.rssMb.toFixed(0)} MB rss (peak ${cold.peakRssMb.toFixed(0)} MB); writing the cache ${seconds(cold.writeMs)} s, ${(cacheBytes / 1e6).toFixed(0)} MB`);
    console.log(`start, ${cached.sources} articles on disk, from the cache: load ${seconds(cached.loadMs)} s + index ${seconds(cached.indexMs)} s = ${seconds(cached.loadMs + cached.indexMs)} s (target <= 1 s), ${cached.rssMb.toFixed(0)} MB rss (peak ${cached.peakRssMb.toFixed(0)} MB; target <= 300 MB)`);

    // The language server's reload after one file changed: the library's analysis in memory, the changed file read
    // again, the load and the index built in slices between which the event loop runs (its longest stall is what a
    // request waits at most).
    const libraries = new LibrarySet();
    const settings = normalizeSettings(undefined);
    settings.sources = { paths: [first, second], includeBundled: true };
    const context = { settings, workspaceFolders: [], trusted: true };
    const loaded = await libraries.reload(context);
    const changed = join(first, '000', 'a1.md');
    const rounds: string[] = [];
    for (let round = 0; round < 3; round++) {
      appendFileSync(changed, `One more sentence, number ${round}.\n`);
      backdate(join(first, '000'));
      const stalls = monitorEventLoopDelay({ resolution: 5 });
      stalls.enable();
      const started = performance.now();
      await libraries.reload(context);
      stalls.disable();
      rounds.push(`${(performance.now() - started).toFixed(0)} ms (longest stall ${(stalls.max / 1e6).toFixed(0)} ms)`);
    }
    console.log(`reload of ${loaded.library.sources.length} sources after one file changed: ${rounds.join(', ')}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Every file under `folder` dated an hour back. */
function backdate(folder: string): void {
  const time = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), time, time);
  }
}

/** The language server over stdio, as an editor starts it: from the spawn to the first diagnostics of a draft. */
async function serverStarts(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-bench-server-'));
  try {
    const sources = join(folder, 'sources');
    writeSyntheticArticles(sources, SERVER_ARTICLES);
    backdate(sources);
    const cacheDirectory = join(folder, 'cache');
    const draft = readFileSync(join(root, 'examples', 'draft.md'), 'utf8');
    const draftUri = pathToFileURL(join(folder, 'draft.md')).href;
    const firstDiagnostics = async (withCache: boolean): Promise<number> => {
      const started = performance.now();
      const client = await LspClient.start({
        ...(withCache ? { initializationOptions: { cacheDirectory } } : {}),
        settings: (settings) => (settings.sources.paths = [sources]),
      });
      try {
        await client.openAndWait(draftUri, draft);
        const ms = performance.now() - started;
        // The cache is written a moment after the load: the next start needs it.
        while (withCache && !(existsSync(cacheDirectory) && readdirSync(cacheDirectory).length > 0)) await new Promise((resolve) => setTimeout(resolve, 50));
        return ms;
      } finally {
        await client.stop();
      }
    };
    const cold = [await firstDiagnostics(false), await firstDiagnostics(false), await firstDiagnostics(true)];
    const cached = [await firstDiagnostics(true), await firstDiagnostics(true), await firstDiagnostics(true)];
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`language server, ${SERVER_ARTICLES} articles, spawn to first diagnostics: cold ${median(cold).toFixed(0)} ms (target <= 1500 ms), from the cache ${median(cached).toFixed(0)} ms (target <= 300 ms); medians of 3`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
