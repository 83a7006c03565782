import type { Removal } from '../../../model/block.js';
import type { DocumentContext } from '../../../model/document.js';
import { checkedModel, removalReason, restoreReason, scoreOf, type ScorerModel } from '../../scorer/logistic.js';
import type { StageContext } from '../../types.js';
import type { MainTextFacts } from './rules/main-text.js';
import { scorable, STRUCTURAL, TEXT_FEATURE_NAMES, textScorerFeatures, type TextDecision, type TextScorerInput } from './scorer-features.js';
import shipped from './scorer-model.json' with { type: 'json' };

/**
 * The learned block scorer of text mode, the same as HTML mode's
 * (html/scorer.ts) over the line features of scorer-features.ts: one
 * logistic regression scores the blocks the rules keep (a low score removes
 * the block, rule `scorer`), the other the blocks the position rules of
 * main-text.ts remove (navigation, before-main, after-main, outside-main,
 * link-section: a high score keeps the block). Rules with provenance words
 * (comments, share, cookie, related…) ran before and are not overruled.
 * Trained offline by `scripts/train-scorer.js --mode text`, shipped as
 * scorer-model.json.
 */
export const TEXT_SCORER_MODEL = shipped as ScorerModel;

export const checkedTextModel = (model: ScorerModel): ScorerModel => checkedModel(model, TEXT_FEATURE_NAMES, 'text/boilerplate/scorer-model.json');

const STRUCTURAL_SET: ReadonlySet<string> = new Set(STRUCTURAL);

/**
 * The scorer's inputs for a document: every block, with what the rules
 * decided for it (`proposed`: the position rules' removals, not yet
 * applied). The training script builds the same list from the same call.
 */
export function textScorerInputs(doc: DocumentContext, proposed: ReadonlyMap<number, Removal>): TextScorerInput[] {
  return doc.blocks.map((block) => {
    const p = proposed.get(block.i);
    const decision: TextDecision = p && STRUCTURAL_SET.has(p.rule) ? (p.rule as TextDecision) : block.removed || p ? 'other' : 'kept';
    return { block, view: doc.view(block), decision };
  });
}

/**
 * Decides the blocks the rules decided: a kept block that scores under the
 * model's `remove` threshold goes (rule `scorer`, its score and top features
 * in the reason); a proposed removal is applied unless the block scores over
 * `restore`, and a block kept that way is counted (`boilerplate.scorer-kept`)
 * with the same kind of reason in the debug log. A dump without sections
 * (see `scorable`) gets the rules' decisions unchanged.
 */
export function applyTextScorer(
  doc: DocumentContext,
  proposed: ReadonlyMap<number, Removal>,
  facts: MainTextFacts | null,
  ctx: StageContext,
  model: ScorerModel = TEXT_SCORER_MODEL,
): void {
  checkedTextModel(model);
  const inputs = textScorerInputs(doc, proposed);
  if (!scorable(inputs)) {
    for (const [i, removal] of proposed) doc.remove(doc.blocks[i]!, removal);
    return;
  }
  const rows = textScorerFeatures(inputs, facts);
  const { remove, restore } = model.thresholds;
  inputs.forEach((input, k) => {
    const { block, decision } = input;
    if (decision === 'other') {
      // A proposal of a rule the scorer does not judge (none today): applied as the rule made it.
      const p = proposed.get(block.i);
      if (p) doc.remove(block, p);
      return;
    }
    if (decision === 'kept') {
      // The title marked by the main-text rule is the metadata stage's to read: not the scorer's to remove.
      if (block.role === 'title') return;
      const score = scoreOf(model.kept, model.features, rows[k]!);
      if (score.p < remove && doc.remove(block, { stage: 'boilerplate', rule: 'scorer', reason: removalReason(score, remove) })) ctx.stats.update('boilerplate.scorer');
      return;
    }
    const score = scoreOf(model.removed, model.features, rows[k]!);
    if (score.p > restore) {
      ctx.stats.update('boilerplate.scorer-kept');
      ctx.logger.debug({ stage: 'boilerplate', rule: 'scorer', block: block.i, reason: restoreReason(score, restore, decision) }, 'block kept by the scorer');
    } else doc.remove(block, proposed.get(block.i)!);
  });
}
