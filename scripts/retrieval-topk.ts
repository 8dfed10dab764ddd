// `node --import tsx scripts/retrieval-topk.ts dump OUT | time`: the embedded index's searches against the generated
// 10,000-article library (ARTICLES=N for another size), apart from verifying. `dump` writes every search's top-k
// (passage ids and scores, exactly) for a few thousand claims — the eval claims and the external benchmarks' claims,
// each as a claim's query (k = CLAIM_CANDIDATES), as a source ranking's (k = CANDIDATE_PASSAGES) and limited to two
// sources — so that a change to the search is checked by `cmp` of the files written before and after it. `time`
// prints the retrieval time per claim (its sentences' searches, as checkClaim makes them) over the eval claims.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassageIndex, type QueryTerm } from '../server/src/index/passageIndex';
import { CANDIDATE_PASSAGES, rankingTerms } from '../server/src/index/rankSources';
import type { Source } from '../server/src/model';
import { CLAIM_CANDIDATES, claimQueries } from '../server/src/retrieval/queries';
import { loadSourceLibrary, sourceFromText } from '../server/src/sources/loadSources';
import { syntheticArticles } from './syntheticArticles';

const [mode, out] = process.argv.slice(2);
if (mode !== 'time' && !(mode === 'dump' && out)) {
  console.error('usage: retrieval-topk.ts dump OUTPUT_FILE | time');
  process.exit(2);
}
const ARTICLES = Number(process.env.ARTICLES ?? 10_000);
const evalDir = join(__dirname, '..', '..', 'shared', 'eval');
const readClaims = (path: string): string[] =>
  readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { claim: string }).claim);

const sources: Source[] = [...loadSourceLibrary({ dirs: [], includeBundled: true }).sources];
let a = 0;
for (const lines of syntheticArticles(ARTICLES)) sources.push(sourceFromText(`synthetic-${a++}`, lines.join('\n')));
const index = new PassageIndex(sources);
const devClaims = readClaims(join(evalDir, 'claims-dev.jsonl'));

if (mode === 'dump') {
  const claims = [...devClaims];
  for (const file of ['summedits_news.jsonl', 'summedits_other.jsonl', 'frank.jsonl', 'cnndm_references.jsonl']) {
    claims.push(...readClaims(join(evalDir, 'external', file)));
  }
  const lines: string[] = [];
  const show = (terms: QueryTerm[], k: number, allowed?: ReadonlySet<string>): string =>
    index.search(terms, k, allowed).map((p) => `${p.id}:${p.score}`).join(' ');
  claims.forEach((claim, c) => {
    for (const { terms } of claimQueries(claim)) {
      lines.push(show(terms, CLAIM_CANDIDATES));
      // Limited to two sources: one the claim's best passage is in and one picked by the claim's number.
      const best = index.search(terms, 1)[0];
      const allowed = new Set([sources[c % sources.length].id, ...(best ? [index.passages[best.id].sourceId] : [])]);
      lines.push(show(terms, CLAIM_CANDIDATES, allowed));
    }
    lines.push(show(rankingTerms(claim), CANDIDATE_PASSAGES));
  });
  writeFileSync(out!, lines.join('\n') + '\n');
  console.log(`${claims.length} claims, ${lines.length} searches written to ${out}`);
} else {
  const queries = devClaims.map((claim) => claimQueries(claim).map((q) => q.terms));
  const times: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const sentences of queries) {
      const t = performance.now();
      for (const terms of sentences) index.search(terms, CLAIM_CANDIDATES);
      if (round > 0) times.push(performance.now() - t);
    }
  }
  times.sort((x, y) => x - y);
  const at = (q: number): string => times[Math.floor(times.length * q)].toFixed(2);
  console.log(`${index.size} passages; retrieval per claim: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
}
