import { z } from 'zod';
import { rulesOption, ruleWarnings } from '../../rules/registry.js';
import type { DocumentStageSpec } from '../types.js';
import { MAIN_TEXT_PENALTY } from './main-text.js';

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

export const boilerplateSpec: DocumentStageSpec<BoilerplateOptions> = {
  kind: 'document',
  name: 'boilerplate',
  // Line rules read HTML blocks poorly: HTML pages get html-boilerplate instead.
  formats: ['text'],
  description: 'Removes menus, language switchers, social prompts, glossary boxes, related lists, tags, comment forms, galleries and the short lines around the main text.',
  options,
  warnings: (opts) => ruleWarnings('boilerplate', 'text', opts.rules),
};
