import type { Removal } from '../../model/block.js';
import { checkedModel as checkedAgainst, removalReason, scoreOf, type LogisticModel, type Score, type ScorerModel } from '../scorer/logistic.js';
import { FEATURE_NAMES } from './scorer-features.js';
import shipped from './scorer-model.json' with { type: 'json' };

/**
 * The learned block scorer of HTML mode: two logistic regressions over the
 * block features of scorer-features.ts, trained offline by
 * scripts/train-scorer.js on the dev corpora and shipped as
 * scorer-model.json. One scores the blocks the structure rules keep (a low
 * score removes the block), the other the blocks they remove as outside the
 * main content, link list or teaser list (a high score keeps it). Rules with
 * provenance words (comments, share, cookie…) are not overruled. The model
 * format and the scoring are shared with text mode (../scorer/logistic.ts).
 */
export type { LogisticModel, Score, ScorerModel };
export { scoreOf };

export const SCORER_MODEL = shipped as ScorerModel;

/** A model is read only with the features it was trained on (a stale JSON is a build error, not a silent misreading). */
export const checkedModel = (model: ScorerModel): ScorerModel => checkedAgainst(model, FEATURE_NAMES, 'scorer-model.json');

/** The removal of a kept block that scored low. */
export function scorerRemoval(score: Score, threshold: number): Removal {
  return { stage: 'html-boilerplate', rule: 'scorer', reason: removalReason(score, threshold) };
}
