// `npm run bench:scale`: retrieval and checking against a library of 10,000 articles (issue 2: "retrieval must stay
// fast as the library grows"). The articles are synthetic: the bundled articles' sentences, reshuffled, with their
// names and numbers varied so the index holds many distinct terms, as a real archive would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../server/src/engine';
import type { Source } from '../server/src/model';
import { loadSourceLibrary, sourceFromText } from '../server/src/sources/loadSources';
import { syntheticArticles } from './syntheticArticles';

const ARTICLES = Number(process.env.ARTICLES ?? 10_000);
const root = join(__dirname, '..');

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
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const claim of claims) {
    const t = performance.now();
    engine.checkClaim(claim);
    times.push(performance.now() - t);
  }
}
times.sort((x, y) => x - y);
console.log(`library: ${library.sources.length} articles, ${engine.passageCount} passages (built in ${((indexStart - started) / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s)`);
console.log(`per claim: median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms`);
console.log(`memory: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB rss`);
