import type { Removal } from '../../model/block.js';
import { FEATURE_NAMES } from './scorer-features.js';
import shipped from './scorer-model.json' with { type: 'json' };

/**
 * The learned block scorer: two logistic regressions over the block features
 * of scorer-features.ts, trained offline by scripts/train-scorer.js on the dev
 * corpora and shipped as scorer-model.json. One scores the blocks the
 * structure rules keep (a low score removes the block), the other the blocks
 * they remove as outside the main content, link list or teaser list (a high
 * score keeps it). Rules with provenance words (comments, share, cookie…)
 * are not overruled.
 */
export interface LogisticModel {
  bias: number;
  /** Weights of the standardized features. */
  weights: number[];
  mean: number[];
  scale: number[];
}

export interface ScorerModel {
  features: string[];
  kept: LogisticModel;
  removed: LogisticModel;
  /** Kept blocks scoring below `remove` go; structurally removed blocks scoring above `restore` stay. */
  thresholds: { remove: number; restore: number };
  trainedOn: string;
}

export const SCORER_MODEL = shipped as ScorerModel;

/** A model is read only with the features it was trained on (a stale JSON is a build error, not a silent misreading). */
export function checkedModel(model: ScorerModel): ScorerModel {
  if (model.features.length !== FEATURE_NAMES.length || model.features.some((n, j) => n !== FEATURE_NAMES[j])) {
    throw new Error('scorer-model.json was trained on other features: run scripts/train-scorer.js');
  }
  return model;
}

export interface Score {
  p: number;
  /** The features that pushed the score most, with their signed contribution (ranked only when a reason needs them). */
  top(): Array<[string, number]>;
}

const contribution = (model: LogisticModel, x: readonly number[], j: number): number =>
  (model.weights[j] ?? 0) * ((x[j]! - model.mean[j]!) / model.scale[j]!);

/** Scores one block: called for every block of a page, so the ranking of features waits until a removal's reason asks for it. */
export function scoreOf(model: LogisticModel, names: readonly string[], x: readonly number[]): Score {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += contribution(model, x, j);
  const p = 1 / (1 + Math.exp(-z));
  const top = (): Array<[string, number]> => {
    const toward = p < 0.5 ? -1 : 1;
    return x
      .map((_, j): [string, number] => [names[j]!, contribution(model, x, j)])
      .filter(([, c]) => c * toward > 0)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3);
  };
  return { p, top };
}

const fmt = (s: Score) => `${s.p.toFixed(2)} (${s.top().map(([n, c]) => `${n} ${c >= 0 ? '+' : ''}${c.toFixed(1)}`).join(', ')})`;

/** The removal of a kept block that scored low. */
export function scorerRemoval(score: Score, threshold: number): Removal {
  return { stage: 'html-boilerplate', rule: 'scorer', reason: `block scorer: content score ${fmt(score)} < ${threshold}` };
}
