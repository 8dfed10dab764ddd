// The learned part of the verdict: a logistic regression over the alignment features, trained by
// scripts/train-verdict-model.ts on the development splits only, stored in server/data/verdict-model.json.
import modelData from '../../data/verdict-model.json';
import { FEATURE_NAMES } from './features';

export interface VerdictModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability at or above which a claim with no conflict and no missing detail is supported. */
  threshold: number;
  /** The least share of a claim's weighted details its best conflict-free evidence must back to be supported. */
  minimumCoverage: number;
}

const model = modelData as VerdictModel;
if (model.features.join() !== FEATURE_NAMES.join()) {
  throw new Error('server/data/verdict-model.json was trained on other features: run npm run train');
}

export function supportProbability(features: number[], weights: VerdictModel = model): number {
  let z = weights.bias;
  for (let i = 0; i < features.length; i++) z += weights.weights[i] * (features[i] - weights.mean[i]) / weights.scale[i];
  return 1 / (1 + Math.exp(-z));
}

export function supportThreshold(): number {
  return model.threshold;
}

export function minimumCoverage(): number {
  return model.minimumCoverage;
}
