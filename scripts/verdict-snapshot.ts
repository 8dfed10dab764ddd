// `node --import tsx scripts/verdict-snapshot.ts OUT`: every verdict the eval data gets (claims-dev against the
// bundled sources, the external benchmarks against their own articles, the bench draft's claims), one JSON line per
// claim with its verdict, confidence, evidence, reason, conflict and unbacked words. A change meant to leave verdicts
// alone (a speed-up of matching or indexing) is checked by `cmp` of the files written before and after it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClaimAgainstText, createEngine } from '../server/src/engine';
import { loadSourceLibrary } from '../server/src/sources/loadSources';
import { benchDraft } from './benchDrafts';

const out = process.argv[2];
if (!out) {
  console.error('usage: verdict-snapshot.ts OUTPUT_FILE');
  process.exit(2);
}
const evalDir = process.env.GROUNDED_EVAL_DIR ?? join(__dirname, '..', '..', 'shared', 'eval');

interface Row { id: string; claim: string; source?: string }

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

const lines: string[] = [];
const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }), { cacheVerdicts: false });
for (const row of readJsonl(join(evalDir, 'claims-dev.jsonl'))) lines.push(JSON.stringify({ id: row.id, ...engine.checkClaim(row.claim) }));
for (const claim of engine.checkDraft(benchDraft(2000), 'bench.md').claims) lines.push(JSON.stringify(claim));
for (const file of ['summedits_news.jsonl', 'summedits_other.jsonl', 'frank.jsonl', 'cnndm_references.jsonl']) {
  const path = join(evalDir, 'external', file);
  if (!existsSync(path)) continue;
  for (const row of readJsonl(path)) lines.push(JSON.stringify({ id: `${file}:${row.id}`, ...checkClaimAgainstText(row.claim, row.source!) }));
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} verdicts written to ${out}`);
