import { ruleSwitch } from '../../../rules/registry.js';
import type { DocumentStage } from '../../types.js';
import { boilerplateSpec, type BoilerplateOptions } from '../../specs/boilerplate.js';
import { RuleContext, type Rule } from './context.js';
import { glossaryBoxes } from './rules/glossary.js';
import { aroundMainText } from './rules/main-text.js';
import { imageCaptions } from './rules/captions.js';
import { newsletterPitches } from './rules/newsletter-pitch.js';
import { relatedLists } from './rules/related.js';
import { commentForms, mediaTabs, noticeLines, tagLists, widgetLines } from './rules/widgets.js';

// Order matters: the specific structures (forms, boxes, lists) claim their
// blocks before the single-line widget patterns and the related-list header;
// captions and pitches read what widgets and notices removed or left.
const RULE_PASSES: readonly Rule[] = [commentForms, tagLists, mediaTabs, glossaryBoxes, relatedLists, widgetLines, noticeLines, imageCaptions, newsletterPitches];

export type { BoilerplateOptions };

/**
 * Removes boilerplate from text by features of each block and its
 * neighbours: specific widget rules first (each with its own rule id),
 * then the position of what is left relative to the main text.
 */
export const boilerplate: DocumentStage<BoilerplateOptions> = {
  ...boilerplateSpec,
  run(doc, opts, ctx) {
    const rules = new RuleContext(doc, ruleSwitch('text', opts.rules));
    for (const pass of RULE_PASSES) pass(rules);
    if (opts.mainText) aroundMainText(rules, opts);
    ctx.stats.update('boilerplate.documents');
  },
};
