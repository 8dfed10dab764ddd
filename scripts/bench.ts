// `npm run bench`: speed and memory against the bundled sources. Targets (issues 2, 5 and 11): a 2,000-word draft
// opened (extract + verify, no verdict cache) with its first diagnostics in at most 30 ms, a cold `grounded check` in
// under 1 s, at least 10,000 claims per second on one core. Each figure is the median of several runs; the machine and
// its load at the start are printed with them, since a busy machine slows every figure. `npm run bench` runs it bundled
// (scripts/bench-bundled.mjs), as the product runs the engine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../server/src/engine';
import { extractClaims, NO_SOURCES } from '../server/src/markdown/extractClaims';
import { loadSourceLibrary } from '../server/src/sources/loadSources';
import { benchDraft } from './benchDrafts';

const root = join(__dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const DRAFT_TARGET_MS = 30;
const THROUGHPUT_TARGET = 10_000;
const THROUGHPUT_RUNS = 7;
const THROUGHPUT_RUN_MS = 1000;

const machine = `${cpus()[0]?.model.trim() ?? 'unknown cpu'}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`;
const library = loadSourceLibrary({ dirs: [], includeBundled: true });
const draft = benchDraft(2000);
const wordCount = draft.split(/\s+/).filter(Boolean).length;

// Warm: the index is built and the code is hot, but every claim is verified afresh (no verdict cache).
const engine = createEngine(library, { cacheVerdicts: false });
for (let i = 0; i < 5; i++) engine.checkDraft(draft, 'bench.md');
const warm: number[] = [];
let claimCount = 0;
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  claimCount = engine.checkDraft(draft, 'bench.md').claims.length;
  warm.push(performance.now() - started);
}

// Markdown → claims alone (remark parse, sentences, citations), the part that does not depend on the library.
const extraction: number[] = [];
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  extractClaims(draft, NO_SOURCES);
  extraction.push(performance.now() - started);
}

// Throughput: claims per second on one core (JavaScript runs on one thread), the median of several one-second runs.
const claims = readFileSync(join(root, '..', 'shared', 'eval', 'claims-dev.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
const rates: number[] = [];
for (let run = 0; run < THROUGHPUT_RUNS; run++) {
  let checked = 0;
  const started = performance.now();
  while (performance.now() - started < THROUGHPUT_RUN_MS) {
    for (const claim of claims) engine.checkClaim(claim);
    checked += claims.length;
  }
  rates.push(checked / ((performance.now() - started) / 1000));
}
const perSecond = median(rates);

// Cold: a whole `grounded check` process, start to exit.
const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-'));
const draftPath = join(dir, 'draft.md');
writeFileSync(draftPath, draft);
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  execFileSync(process.execPath, [join(root, 'bin', 'grounded.js'), 'check', draftPath, '--format', 'json', '--fail-on', 'none'], { stdio: 'ignore' });
  cold.push(performance.now() - started);
}

const rssMb = process.memoryUsage().rss / 1e6;
console.log(`machine: ${machine}`);
console.log(`draft: ${wordCount} words, ${claimCount} claims; library: ${library.sources.length} sources, ${engine.passageCount} passages`);
console.log(`open the draft (extract + verify, no verdict cache): median ${median(warm).toFixed(1)} ms of ${warm.length} (target <= ${DRAFT_TARGET_MS} ms)`);
console.log(`  of which Markdown → claims: median ${median(extraction).toFixed(1)} ms`);
console.log(`cold grounded check:       median ${median(cold).toFixed(0)} ms of ${cold.length} (target < 1000 ms)`);
console.log(`throughput:                ${perSecond.toFixed(0)} claims/s on one core, median of ${rates.length} runs (target >= ${THROUGHPUT_TARGET})`);
console.log(`memory (rss of this run):  ${rssMb.toFixed(0)} MB`);
