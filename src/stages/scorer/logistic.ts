/**
 * What the learned block scorers of both modes share (html/scorer.ts, text/
 * boilerplate/scorer.ts): the model JSON that scripts/train-scorer.js writes,
 * its check against the features a stage computes, and the score of one
 * block with the features that pushed it most (the reason of a decision).
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
  /** Scores the blocks the rules keep (a low score removes the block). */
  kept: LogisticModel;
  /** Scores the blocks the structure rules remove (a high score keeps the block). */
  removed: LogisticModel;
  /** Kept blocks scoring below `remove` go; structurally removed blocks scoring above `restore` stay. */
  thresholds: { remove: number; restore: number };
  trainedOn: string;
}

/** A model is read only with the features it was trained on (a stale JSON is an error, not a silent misreading). */
export function checkedModel(model: ScorerModel, names: readonly string[], file: string): ScorerModel {
  if (model.features.length !== names.length || model.features.some((n, j) => n !== names[j])) {
    throw new Error(`${file} was trained on other features: run scripts/train-scorer.js`);
  }
  for (const m of [model.kept, model.removed]) {
    if (m.weights.length !== names.length || m.mean.length !== names.length || m.scale.length !== names.length) {
      throw new Error(`${file} has ${m.weights.length} weights for ${names.length} features: run scripts/train-scorer.js`);
    }
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

/** Scores one block: called for every block of a page, so the ranking of features waits until a reason asks for it. */
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

/** "0.21 (log-words -1.3, position -0.8, prose -0.5)": the score and its top features. */
export const formatScore = (s: Score): string => `${s.p.toFixed(2)} (${s.top().map(([n, c]) => `${n} ${c >= 0 ? '+' : ''}${c.toFixed(1)}`).join(', ')})`;

/** The reason of a kept block the scorer removed. */
export const removalReason = (score: Score, threshold: number): string => `block scorer: content score ${formatScore(score)} < ${threshold}`;

/** The reason of a structurally removed block the scorer kept. */
export const restoreReason = (score: Score, threshold: number, rule: string): string =>
  `block scorer: content score ${formatScore(score)} > ${threshold}, kept against ${rule}`;
