import type { Removal } from '../../../model/block.js';
import type { DocumentContext } from '../../../model/document.js';
import { RULES, ruleSwitch, type RuleSwitch } from '../../../rules/registry.js';
import type { DocumentStage } from '../../types.js';
import { boilerplateSpec, type BoilerplateOptions } from '../../specs/boilerplate.js';
import { RuleContext, type Rule } from './context.js';
import { glossaryBoxes } from './rules/glossary.js';
import { aroundMainText, type MainTextFacts } from './rules/main-text.js';
import { imageCaptions } from './rules/captions.js';
import { newsletterPitches } from './rules/newsletter-pitch.js';
import { relatedLists } from './rules/related.js';
import { commentForms, mediaTabs, noticeLines, tagLists, widgetLines } from './rules/widgets.js';
import { applyTextScorer } from './scorer.js';

// Order matters: the specific structures (forms, boxes, lists) claim their
// blocks before the single-line widget patterns and the related-list header;
// captions and pitches read what widgets and notices removed or left.
const RULE_PASSES: readonly Rule[] = [commentForms, tagLists, mediaTabs, glossaryBoxes, relatedLists, widgetLines, noticeLines, imageCaptions, newsletterPitches];

export type { BoilerplateOptions };

/**
 * The rules of the stage, in order. With `propose`, the removals of the
 * position rules are returned (by block index) instead of applied, for the
 * block scorer to decide; the training script (scripts/train-scorer.js
 * --mode text) calls this same function.
 */
export function runRules(doc: DocumentContext, opts: BoilerplateOptions, on: RuleSwitch, propose: boolean): { proposed: Map<number, Removal>; facts: MainTextFacts | null } {
  const proposed = new Map<number, Removal>();
  const rules = new RuleContext(doc, on, propose ? proposed : null);
  for (const pass of RULE_PASSES) pass(rules);
  const facts = opts.mainText ? aroundMainText(rules, opts) : null;
  return { proposed, facts };
}

/**
 * Removes boilerplate from text by features of each block and its
 * neighbours: specific widget rules first (each with its own rule id),
 * then the position of what is left relative to the main text, whose
 * removals the block scorer may overrule (rule `scorer`).
 */
export const boilerplate: DocumentStage<BoilerplateOptions> = {
  ...boilerplateSpec,
  run(doc, opts, ctx) {
    const on = ruleSwitch('text', opts.rules);
    const scorerOn = on(RULES.scorer);
    const { proposed, facts } = runRules(doc, opts, on, scorerOn);
    if (scorerOn) applyTextScorer(doc, proposed, facts, ctx);
    ctx.stats.update('boilerplate.documents');
  },
};
