// The learned verdict model: reproducible bit for bit from the development splits, and it says what it weighs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEATURE_NAMES } from '../../server/src/verify/features';
import { supportProbability, type VerdictModel } from '../../server/src/verify/verdictModel';

const root = join(__dirname, '..', '..');
const committed = join(root, 'server', 'data', 'verdict-model.json');
const evalData = join(root, '..', 'shared', 'eval', 'claims-dev.jsonl');

test('training on the development splits reproduces the committed model byte for byte', { skip: !existsSync(evalData) && 'no ../shared/eval here' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-model-'));
  try {
    const out = join(dir, 'model.json');
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'train-verdict-model.ts'), '--out', out], { cwd: root, stdio: 'ignore' });
    assert.equal(readFileSync(out, 'utf8'), readFileSync(committed, 'utf8'), 'run `npm run train` and commit server/data/verdict-model.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the model weighs the features the engine computes, in the direction they mean', () => {
  const model = JSON.parse(readFileSync(committed, 'utf8')) as VerdictModel;
  assert.deepEqual(model.features, FEATURE_NAMES);
  assert.ok(model.threshold > 0 && model.threshold < 1);
  assert.ok(model.minimumCoverage >= 0.666666, 'a claim a third of whose details are unbacked is never supported');
  const weight = (name: string) => model.weights[FEATURE_NAMES.indexOf(name)];
  for (const name of ['coverage', 'articleCoverage']) assert.ok(weight(name) >= 0, `${name} never lowers support`);
  for (const name of ['missingDetails', 'detailsAbsentFromArticle', 'unbackedWeightMax', 'unbackedUnits', 'conflict', 'polarityConflict', 'coreferenced']) {
    assert.ok(weight(name) <= 0, `${name} never raises support`);
  }
  // One more unbacked word, all else equal, never makes a claim more likely supported.
  const base = model.mean.slice();
  const worse = base.slice();
  worse[FEATURE_NAMES.indexOf('unbackedUnits')] += 1;
  worse[FEATURE_NAMES.indexOf('unbackedWeightMax')] += 0.2;
  assert.ok(supportProbability(worse) <= supportProbability(base));
});
