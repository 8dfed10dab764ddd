// `node --import tsx scripts/tally-unbacked.ts [--list N]`: why faithful development claims are not called supported.
// For every supported-labelled claim of the development data (claims-dev, the SummEdits news `evaluation` split, the
// FRANK `valid` split, SummEdits' other domains; never a `test` split) that the checker does not call supported, it
// names the first rule that turns it away and the claim words its best conflict-free evidence leaves unbacked, and
// tallies those words by class, to show which paraphrases the matcher misses most.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassageIndex } from '../server/src/index/passageIndex';
import { loadSourceLibrary, sourceFromText } from '../server/src/sources/loadSources';
import { canBeVerb } from '../server/src/text/lexicon';
import { assessSentence, backsEveryDetail, claimSentences, contradictionOf, type SentenceAssessment } from '../server/src/verify/assess';
import { decide } from '../server/src/verify/decide';
import { passesRules } from '../server/src/verify/gate';
import { supportCoverage } from '../server/src/verify/features';
import { spanText } from '../server/src/verify/spans';
import { THRESHOLDS } from '../server/src/verify/thresholds';
import { minimumCoverage } from '../server/src/verify/verdictModel';

const evalDir = process.env.GROUNDED_EVAL_DIR ?? join(__dirname, '..', '..', 'shared', 'eval');
interface Row { claim: string; label: string; source?: string; split?: string; dataset?: string }

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

/** The development rows only: a `test` split is never read here. */
function developmentRows(): { part: string; row: Row }[] {
  const rows: { part: string; row: Row }[] = readJsonl(join(evalDir, 'claims-dev.jsonl')).map((row) => ({ part: 'claims-dev', row }));
  for (const row of readJsonl(join(evalDir, 'external', 'summedits_news.jsonl'))) if (row.split === 'evaluation') rows.push({ part: 'summedits-news', row });
  for (const row of readJsonl(join(evalDir, 'external', 'frank.jsonl'))) if (row.split === 'valid') rows.push({ part: row.dataset!, row });
  for (const row of readJsonl(join(evalDir, 'external', 'summedits_other.jsonl'))) rows.push({ part: 'summedits-other', row });
  return rows;
}

function why(assessments: SentenceAssessment[]): string {
  if (assessments.some((a) => contradictionOf(a) || a.roleConflict)) return 'contradicted';
  if (!assessments.every(backsEveryDetail)) return 'gate: name/number/date';
  if (!passesRules(assessments)) return 'gate: other word / structure';
  if (supportCoverage(assessments) < minimumCoverage()) return 'coverage floor';
  return 'model';
}

function classOf(kind: string, word: string): string {
  if (kind !== 'word') return kind;
  return canBeVerb(word) ? 'word (can be verb)' : 'word';
}

const partAt = process.argv.indexOf('--part');
const onlyPart = partAt > 0 ? process.argv[partAt + 1] : undefined;
const listAt = process.argv.indexOf('--list');
const listCount = listAt > 0 ? Number(process.argv[listAt + 1]) : 0;
const bundled = new PassageIndex(loadSourceLibrary({ dirs: [], includeBundled: true }).sources);
const reasons = new Map<string, number>();
const classes = new Map<string, number>();
const words = new Map<string, number>();
// The names, numbers and dates that keep a claim from the gate, and the words of claims just short of the floor.
const gateDetails = new Map<string, number>();
const nearMissWords = new Map<string, number>();
const listed: string[] = [];
let faithful = 0;
// Per part: [faithful called supported, faithful, unfaithful called supported, unfaithful].
const byPart = new Map<string, number[]>();
const indexes = new Map<string, PassageIndex>();
for (const { part, row } of developmentRows()) {
  if (onlyPart && !part.startsWith(onlyPart)) continue;
  let index = part === 'claims-dev' ? bundled : indexes.get(row.source!);
  if (!index) indexes.set(row.source!, (index = new PassageIndex([sourceFromText('article', row.source!)])));
  const assessments = claimSentences(row.claim).map((s) => assessSentence(s, index!)).filter((a) => a.claim.units.length);
  const supported = assessments.length > 0 && decide(assessments, index).verdict === 'supported';
  const counts = byPart.get(part) ?? [0, 0, 0, 0];
  byPart.set(part, counts);
  const faithfulRow = row.label === 'supported';
  counts[faithfulRow ? 0 : 2] += supported ? 1 : 0;
  counts[faithfulRow ? 1 : 3]++;
  if (!faithfulRow) continue;
  faithful++;
  if (!assessments.length || supported) continue;
  const reason = why(assessments);
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  for (const a of assessments) {
    const unbacked: string[] = [];
    const best = a.support ?? a.alignments[0];
    for (const ua of best?.units ?? []) {
      if (ua.score >= THRESHOLDS.backed || (ua.unit.kind === 'word' && ua.weight < THRESHOLDS.namedWeight)) continue;
      const text = spanText(a.claim, ua.unit).toLowerCase();
      classes.set(classOf(ua.unit.kind, ua.unit.key), (classes.get(classOf(ua.unit.kind, ua.unit.key)) ?? 0) + 1);
      words.set(`${ua.unit.kind} ${text}`, (words.get(`${ua.unit.kind} ${text}`) ?? 0) + 1);
      unbacked.push(`${text}${ua.unit.kind === 'word' ? '' : `/${ua.unit.kind}`}`);
    }
    for (const m of a.support?.missingDetails ?? []) {
      const key = `${m.unit.kind} ${spanText(a.claim, m.unit).toLowerCase()}`;
      gateDetails.set(key, (gateDetails.get(key) ?? 0) + 1);
    }
    if (reason === 'coverage floor' && supportCoverage([a]) >= minimumCoverage() - 0.15) {
      for (const ua of best?.units ?? []) {
        if (ua.score >= THRESHOLDS.backed || ua.weight < THRESHOLDS.namedWeight) continue;
        const key = `${ua.unit.kind} ${spanText(a.claim, ua.unit).toLowerCase()}`;
        nearMissWords.set(key, (nearMissWords.get(key) ?? 0) + 1);
      }
    }
    if (listed.length < listCount) listed.push(`[${part}] ${reason}: ${a.claim.text.slice(0, 160)}\n    unbacked: ${unbacked.join(', ')}\n    evidence: ${best ? best.evidence.analysis.text.slice(0, 240) : '-'}`);
  }
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${String(v).padStart(5)}  ${k}`).join('\n');
for (const [part, [tp, p, fp, n]] of byPart) {
  console.log(`${part.padEnd(18)} faithful called supported ${tp}/${p}, unfaithful called supported ${fp}/${n}, balanced ${((tp / Math.max(1, p) + 1 - fp / Math.max(1, n)) / 2).toFixed(3)}`);
}
console.log(`${faithful} supported-labelled development claims; not called supported, by the first rule that turns them away:\n${top(reasons, 10)}`);
console.log(`unbacked claim details by class:\n${top(classes, 10)}`);
console.log(`commonest unbacked details:\n${top(words, 80)}`);
console.log(`names, numbers and dates left unbacked (the gate):\n${top(gateDetails, 60)}`);
console.log(`unbacked words of claims within 0.15 of the floor:\n${top(nearMissWords, 60)}`);
if (listed.length) console.log(listed.join('\n'));
