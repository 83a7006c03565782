import type { Removal } from '../../model/block.js';
import type { DocumentContext } from '../../model/document.js';
import type { StageContext } from '../types.js';
import type { BlockInfo } from './main-content.js';
import { scorerFeatures, type LoopDecision, type ScorerInput } from './scorer-features.js';
import { checkedModel, SCORER_MODEL, scoreOf, scorerRemoval, type ScorerModel } from './scorer.js';

/**
 * The scorer's inputs for a page: every block read from an element, with what
 * the structure rules decided for it (`proposed`: their removals, not yet
 * applied). The training script builds the same list from a run with the
 * scorer off, where those removals are applied (scripts/train-scorer.js).
 */
export function scorerInputs(doc: DocumentContext, decisionOf: (i: number) => LoopDecision): ScorerInput[] {
  const elements = doc.page?.elements ?? [];
  const out: ScorerInput[] = [];
  for (const block of doc.blocks) {
    const el = elements[block.i];
    if (el) out.push({ block, el, view: doc.view(block), decision: decisionOf(block.i) });
  }
  return out;
}

/**
 * Decides the blocks the structure rules decided: a kept block that scores
 * under the model's `remove` threshold goes (rule `scorer`), a proposed
 * structural removal is applied unless the block scores over `restore`; a
 * block kept that way still meets the rules with provenance words (`byWords`).
 */
export function applyScorer(
  doc: DocumentContext,
  proposed: ReadonlyMap<BlockInfo, Removal>,
  byWords: (info: BlockInfo) => boolean,
  ctx: StageContext,
  shipped: ScorerModel = SCORER_MODEL,
): void {
  const model = checkedModel(shipped);
  const byIndex = new Map<number, [BlockInfo, Removal]>();
  for (const [info, removal] of proposed) byIndex.set(info.block.i, [info, removal]);
  const inputs = scorerInputs(doc, (i) => {
    const p = byIndex.get(i);
    if (p) return p[1].rule as LoopDecision;
    return doc.blocks[i]!.removed ? 'other' : 'kept';
  });
  const rows = scorerFeatures(inputs, doc.page?.facts.title ?? null);
  const { remove, restore } = model.thresholds;
  inputs.forEach((input, k) => {
    if (input.decision === 'other') return;
    if (input.decision === 'kept') {
      const score = scoreOf(model.kept, model.features, rows[k]!);
      if (score.p < remove && doc.remove(input.block, scorerRemoval(score, remove))) ctx.stats.update('html-boilerplate.scorer');
      return;
    }
    const [info, removal] = byIndex.get(input.block.i)!;
    const score = scoreOf(model.removed, model.features, rows[k]!);
    if (score.p > restore) {
      ctx.stats.update('html-boilerplate.scorer-kept');
      byWords(info);
    } else doc.remove(input.block, removal);
  });
}
