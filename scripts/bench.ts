// `npm run bench`: speed and memory against the bundled sources. Targets (issue 2 and 5): a 2,000-word draft checked
// in under 50 ms warm, a cold `grounded check` in under 1 s, at least 2,000 claims per second on one core.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../server/src/engine';
import { extractClaims, NO_SOURCES } from '../server/src/markdown/extractClaims';
import { loadSourceLibrary } from '../server/src/sources/loadSources';

const root = join(__dirname, '..');

/** A deterministic 2,000-word draft: the example draft's paragraphs, varied so no sentence repeats exactly. */
function benchDraft(words: number): string {
  const example = readFileSync(join(root, 'examples', 'draft.md'), 'utf8');
  const paragraphs = example.split(/\n\s*\n/).filter((p) => /^[A-Z]/.test(p.trim()));
  const out: string[] = ['# Benchmark draft'];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const paragraph of paragraphs) {
      const varied = paragraph.replace(/\.(\s|$)/g, (_m, space: string) => ` (${round}).${space}`);
      out.push(varied);
      count += varied.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return out.join('\n\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

// Throughput: claims per second on one core.
const claims = readFileSync(join(root, '..', 'shared', 'eval', 'claims-dev.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { claim: string }).claim);
let checked = 0;
const throughputStart = performance.now();
while (performance.now() - throughputStart < 2000) {
  for (const claim of claims) engine.checkClaim(claim);
  checked += claims.length;
}
const perSecond = checked / ((performance.now() - throughputStart) / 1000);

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
console.log(`draft: ${wordCount} words, ${claimCount} claims; library: ${library.sources.length} sources, ${engine.passageCount} passages`);
console.log(`warm check of the draft:   median ${median(warm).toFixed(1)} ms (target < 50 ms)`);
console.log(`  of which Markdown → claims: median ${median(extraction).toFixed(1)} ms`);
console.log(`cold grounded check:       median ${median(cold).toFixed(0)} ms (target < 1000 ms)`);
console.log(`throughput:                ${perSecond.toFixed(0)} claims/s on one core (target >= 2000)`);
console.log(`memory (rss of this run):  ${rssMb.toFixed(0)} MB`);
