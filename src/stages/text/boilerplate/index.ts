import { z } from 'zod';
import { rulesOption, ruleSwitch, ruleWarnings } from '../../../rules/registry.js';
import type { DocumentStage } from '../../types.js';
import { RuleContext, type Rule } from './context.js';
import { glossaryBoxes } from './rules/glossary.js';
import { aroundMainText, MAIN_TEXT_PENALTY } from './rules/main-text.js';
import { imageCaptions } from './rules/captions.js';
import { newsletterPitches } from './rules/newsletter-pitch.js';
import { relatedLists } from './rules/related.js';
import { commentForms, mediaTabs, noticeLines, tagLists, widgetLines } from './rules/widgets.js';

// Order matters: the specific structures (forms, boxes, lists) claim their
// blocks before the single-line widget patterns and the related-list header;
// captions and pitches read what widgets and notices removed or left.
const RULE_PASSES: readonly Rule[] = [commentForms, tagLists, mediaTabs, glossaryBoxes, relatedLists, widgetLines, noticeLines, imageCaptions, newsletterPitches];

const options = z
  .object({
    rules: rulesOption('text'),
    mainText: z.boolean().default(true).describe('Find the main text and remove the short blocks before and after it.'),
    shortPenalty: z
      .number()
      .min(0)
      .default(MAIN_TEXT_PENALTY)
      .describe('Cost, in characters of prose, of a non-prose block inside the main text; higher splits the main text more readily.'),
    partShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe('Runs of prose scoring at least this share of the densest run also belong to the main text (1: the densest run only).'),
    keepOutsideProse: z
      .boolean()
      .default(false)
      .describe('Keep prose paragraphs that lie outside the main text (false drops them: stricter, may lose text).'),
  })
  .strict();

export type BoilerplateOptions = z.infer<typeof options>;

/**
 * Removes boilerplate from text by features of each block and its
 * neighbours: specific widget rules first (each with its own rule id),
 * then the position of what is left relative to the main text.
 */
export const boilerplate: DocumentStage<BoilerplateOptions> = {
  kind: 'document',
  name: 'boilerplate',
  // Line rules read HTML blocks poorly: HTML pages get html-boilerplate instead.
  formats: ['text'],
  description: 'Removes menus, language switchers, social prompts, glossary boxes, related lists, tags, comment forms, galleries and the short lines around the main text.',
  options,
  warnings: (opts) => ruleWarnings('boilerplate', 'text', opts.rules),
  run(doc, opts, ctx) {
    const rules = new RuleContext(doc, ruleSwitch('text', opts.rules));
    for (const pass of RULE_PASSES) pass(rules);
    if (opts.mainText) aroundMainText(rules, opts);
    ctx.stats.update('boilerplate.documents');
  },
};
