// `npm run train`: fits the verdict model (logistic regression over the alignment features of
// server/src/verify/features.ts) on the development data only — claims-dev, the SummEdits news `evaluation` split,
// the FRANK `valid` split and SummEdits' seven other domains (all splits: not news, so never the held-out test) —
// and writes server/data/verdict-model.json. Deterministic: the same data gives the same
// bytes (full-batch gradient descent from zero, fixed iterations, numbers rounded on output).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassageIndex } from '../server/src/index/passageIndex';
import { loadSourceLibrary, sourceFromText } from '../server/src/sources/loadSources';
import { assessSentence, backsEveryDetail, claimSentences, contradictionOf } from '../server/src/verify/assess';
import { structuralFault } from '../server/src/verify/gate';
import { aggregateFeatures, FEATURE_NAMES, sentenceFeatures, supportCoverage } from '../server/src/verify/features';
import type { VerdictModel } from '../server/src/verify/verdictModel';


const root = join(__dirname, '..');
const evalDir = process.env.GROUNDED_EVAL_DIR ?? join(root, '..', 'shared', 'eval');
const ITERATIONS = 3000;
const LEARNING_RATE = 0.3;
/** Regularisation strengths tried; the one that best predicts each held-out development part wins. */
const L2_CANDIDATES = [0.003, 0.03, 0.3, 3];
/**
 * The coverage floors tried. Never below two thirds: a claim a third of whose weighted details no passage states is
 * never "supported", whatever the benchmarks' abstractive summaries would reward. Two thirds is written down to six
 * decimals so that a claim backed on exactly two of three equal details clears it.
 */
const COVERAGE_FLOORS = [Math.floor((2 / 3) * 1e6) / 1e6, 0.7, 0.75, 0.8];
/** Validated balanced accuracies this close are a tie (a few claims out of several hundred). */
const VALIDATION_NOISE = 0.005;

/**
 * The sign each feature's weight must keep (+1 or -1; absent = free). Without these constraints, correlated features
 * (coverage, the unbacked count, claim length) can trade weight so that an extra unbacked word raises the probability,
 * which no writer would accept from a fact-checker.
 */
const SIGNS: Record<string, 1 | -1> = {
  coverage: 1,
  articleCoverage: 1,
  conflictGap: -1,
  missingDetails: -1,
  detailsAbsentFromArticle: -1,
  unbackedWeightMax: -1,
  unbackedUnits: -1,
  conflict: -1,
  polarityConflict: -1,
  coreferenced: -1,
  pairedEvidence: -1,
};

interface Row { claim: string; label: string; source?: string; split?: string; dataset?: string }
interface Example { part: string; features: number[]; supported: boolean; eligible: boolean; coverage: number }

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

function example(part: string, row: Row, index: PassageIndex): Example {
  const assessments = claimSentences(row.claim).map((s) => assessSentence(s, index)).filter((a) => a.claim.units.length);
  const features = aggregateFeatures(assessments.length ? assessments.map((a) => sentenceFeatures(a, index)) : [FEATURE_NAMES.map(() => 0)]);
  // The gate of decide(): no contradiction (by rule), every name, number and date backed, a sentence with the
  // passage's roles (gate.ts).
  // (decide() also turns away a claim whose passage has another word in its place; the model has always been fitted
  // without that rule, and adding it here moved the validated regularisation within its noise: left as it was.)
  const eligible = assessments.length > 0 && assessments.every(backsEveryDetail) && !structuralFault(assessments) &&
    !assessments.some((a) => contradictionOf(a) || a.roleConflict);
  const coverage = assessments.length ? supportCoverage(assessments) : 0;
  return { part, features, supported: row.label === 'supported', eligible, coverage };
}

/** Examples from the development splits, each labelled with the part it belongs to. */
export function developmentExamples(): Example[] {
  const library = new PassageIndex(loadSourceLibrary({ dirs: [], includeBundled: true }).sources);
  const examples = readJsonl(join(evalDir, 'claims-dev.jsonl')).map((row) => example('claims-dev', row, library));
  const articleIndexes = new Map<string, PassageIndex>();
  const articleIndex = (text: string) => {
    let index = articleIndexes.get(text);
    if (!index) articleIndexes.set(text, (index = new PassageIndex([sourceFromText('article', text)])));
    return index;
  };
  for (const row of readJsonl(join(evalDir, 'external', 'summedits_news.jsonl'))) {
    if (row.split === 'evaluation') examples.push(example('summedits-evaluation', row, articleIndex(row.source!)));
  }
  for (const row of readJsonl(join(evalDir, 'external', 'frank.jsonl'))) {
    if (row.split === 'valid') examples.push(example(`${row.dataset}-valid`, row, articleIndex(row.source!)));
  }
  // SummEdits' seven non-news domains (podcasts, meetings, sales calls and emails, chats, papers, earnings calls) are
  // one part, not seven: they are one benchmark under one annotation protocol, and as seven parts they would hold
  // seven of eleven shares of the objective and of the validation, though few of their claims clear the rules' gate
  // (their summaries paraphrase dialogue). Held out whole, they ask the question validation is for: does a model fitted
  // on the other benchmarks carry over to one it has not seen? (Measured: one part and seven class-balanced domains
  // weighing as one part validate alike, 0.596 and 0.594; seven parts validate worse.)
  for (const row of readJsonl(join(evalDir, 'external', 'summedits_other.jsonl'))) {
    examples.push(example('summedits-other', row, articleIndex(row.source!)));
  }
  return examples;
}

function train(examples: Example[], l2: number): VerdictModel {
  const n = FEATURE_NAMES.length;
  // Each part weighs the same, and within a part each class weighs the same: the objective is balanced accuracy.
  const weightOf = new Map<string, number>();
  for (const e of examples) weightOf.set(`${e.part}/${e.supported}`, (weightOf.get(`${e.part}/${e.supported}`) ?? 0) + 1);
  const parts = new Set(examples.map((e) => e.part)).size;
  const sampleWeight = examples.map((e) => 1 / (2 * parts * weightOf.get(`${e.part}/${e.supported}`)!));
  const mean = Array.from({ length: n }, (_, j) => examples.reduce((s, e, i) => s + sampleWeight[i] * e.features[j], 0));
  const scale = Array.from({ length: n }, (_, j) => Math.sqrt(examples.reduce((s, e, i) => s + sampleWeight[i] * (e.features[j] - mean[j]) ** 2, 0)) || 1);
  const x = examples.map((e) => e.features.map((v, j) => (v - mean[j]) / scale[j]));
  const weights = new Array<number>(n).fill(0);
  let bias = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(n).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < examples.length; i++) {
      let z = bias;
      for (let j = 0; j < n; j++) z += weights[j] * x[i][j];
      const error = (1 / (1 + Math.exp(-z)) - (examples[i].supported ? 1 : 0)) * sampleWeight[i];
      for (let j = 0; j < n; j++) gradient[j] += error * x[i][j];
      gradientBias += error;
    }
    for (let j = 0; j < n; j++) {
      weights[j] -= LEARNING_RATE * (gradient[j] + l2 * weights[j]);
      // Monotone in what the features mean: more backed never lowers support, more unbacked never raises it.
      const sign = SIGNS[FEATURE_NAMES[j]] ?? 0;
      if (sign * weights[j] < 0) weights[j] = 0;
    }
    bias -= LEARNING_RATE * gradientBias;
  }
  return { features: FEATURE_NAMES, mean, scale, weights, bias, threshold: 0.5, minimumCoverage: 0 };
}

function probability(model: VerdictModel, features: number[]): number {
  let z = model.bias;
  for (let j = 0; j < features.length; j++) z += model.weights[j] * (features[j] - model.mean[j]) / model.scale[j];
  return 1 / (1 + Math.exp(-z));
}

function balancedAccuracy(examples: Example[], predict: (e: Example) => boolean): number {
  const pos = examples.filter((e) => e.supported);
  const neg = examples.filter((e) => !e.supported);
  return (pos.filter(predict).length / Math.max(1, pos.length) + neg.filter((e) => !predict(e)).length / Math.max(1, neg.length)) / 2;
}

/** The probability threshold and coverage floor that maximise the mean balanced accuracy over the development parts. */
function fitDecision(model: VerdictModel, examples: Example[]): { threshold: number; minimumCoverage: number } {
  const parts = [...new Set(examples.map((e) => e.part))];
  let best = { threshold: 0.5, minimumCoverage: 0, score: -1 };
  for (const minimumCoverage of COVERAGE_FLOORS) {
    for (let t = 5; t <= 95; t++) {
      const threshold = t / 100;
      const predict = (e: Example) => e.eligible && e.coverage >= minimumCoverage && probability(model, e.features) >= threshold;
      const score = parts.reduce((s, part) => s + balancedAccuracy(examples.filter((e) => e.part === part), predict), 0) / parts.length;
      if (score > best.score + 1e-12) best = { threshold, minimumCoverage, score };
    }
  }
  return { threshold: best.threshold, minimumCoverage: best.minimumCoverage };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Two stages: the rules (every name, number and date backed, no better conflicting evidence, the coverage floor)
 * pass a claim to the model, so the model learns only among the claims the rules let through.
 */
function fit(examples: Example[], l2: number): VerdictModel {
  let floor = COVERAGE_FLOORS[0];
  let trained = train(examples.filter((e) => e.eligible && e.coverage >= floor), l2);
  for (let round = 0; round < 3; round++) {
    const decision = fitDecision(trained, examples);
    if (decision.minimumCoverage === floor) {
      Object.assign(trained, decision);
      break;
    }
    floor = decision.minimumCoverage;
    trained = train(examples.filter((e) => e.eligible && e.coverage >= floor), l2);
    Object.assign(trained, fitDecision(trained, examples));
  }
  return trained;
}

function predicts(model: VerdictModel): (e: Example) => boolean {
  return (e) => e.eligible && e.coverage >= model.minimumCoverage && probability(model, e.features) >= model.threshold;
}

/** Leave-one-part-out over the benchmark parts: each part is predicted by a model fitted on the others. */
function crossValidated(examples: Example[], l2: number): number {
  const held = [...new Set(examples.map((e) => e.part))].filter((part) => part !== 'claims-dev');
  if (held.length === 0) return 0;
  const scores = held.map((part) => balancedAccuracy(examples.filter((e) => e.part === part), predicts(fit(examples.filter((e) => e.part !== part), l2))));
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

if (require.main === module) {
  const examples = developmentExamples();
  const validated = L2_CANDIDATES.map((l2) => ({ l2, score: crossValidated(examples, l2) }));
  // The strongest regularisation whose validated figure is within noise of the best (a "one standard error" rule):
  // differences that small say nothing, and the simpler model changes less from one retraining to the next.
  const bestScore = Math.max(...validated.map((c) => c.score));
  const { l2 } = validated.filter((c) => c.score >= bestScore - VALIDATION_NOISE).reduce((a, b) => (b.l2 > a.l2 ? b : a));
  const trained = fit(examples, l2);
  const model: VerdictModel = {
    features: trained.features,
    mean: trained.mean.map(round6),
    scale: trained.scale.map(round6),
    weights: trained.weights.map(round6),
    bias: round6(trained.bias),
    threshold: trained.threshold,
    minimumCoverage: trained.minimumCoverage,
  };
  // `--out FILE` writes elsewhere (the reproducibility test compares that file with the committed one).
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'server', 'data', 'verdict-model.json');
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
  console.log(`regularisation (leave-one-part-out balanced accuracy): ${validated.map((c) => `${c.l2} ${c.score.toFixed(3)}`).join(', ')}; chosen ${l2}`);
  console.log(`trained on ${examples.length} development claims; threshold ${model.threshold}, minimum coverage ${model.minimumCoverage}`);
  for (const part of [...new Set(examples.map((e) => e.part))]) {
    const group = examples.filter((e) => e.part === part);
    const ba = balancedAccuracy(group, predicts(model));
    console.log(`  ${part.padEnd(22)} balanced accuracy ${ba.toFixed(3)} (${group.length} claims, fit)`);
  }
  console.log('  weights: ' + model.features.map((f, j) => `${f} ${model.weights[j].toFixed(2)}`).join(', '));
}
