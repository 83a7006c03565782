import { z } from 'zod';
import { rulesOption, ruleWarnings } from '../../rules/registry.js';
import type { DocumentStageSpec } from '../types.js';

const options = z
  .object({
    selectors: z.boolean().default(true).describe('Remove boilerplate groups found by element, ARIA role and class/id (navigation, comments, share bars…).'),
    mainContent: z.boolean().default(true).describe('Find the main content (the container of the densest prose) and remove the blocks outside it.'),
    keepOutsideProse: z.boolean().default(false).describe('Keep long prose paragraphs found outside the main content.'),
    maxLinkDensity: z.number().min(0).max(1).default(0.8).describe('Inside the main content, short blocks with more of their text in links than this are removed as link lists.'),
    emptyFallback: z
      .boolean()
      .default(true)
      .describe(
        'When the selector groups leave (almost) nothing of a page that has text, and the group that took most of it is no footer or consent banner, decide again without them: a class word misread (a product grid in a "skip-to-products" block, a listing in "teaser" cards) must not empty the page.',
      ),
    rules: rulesOption('html'),
  })
  .strict();

export type HtmlBoilerplateOptions = z.infer<typeof options>;

/**
 * The empty-page fallback (option emptyFallback): it runs when fewer than `maxKeptWords` words are
 * kept of a page whose blocks hold `minPageWords` or more, and the category that removed most words
 * is none of `emptyCategories` (a page that is all footer or consent wall has no content of its own).
 */
export const EMPTY_FALLBACK = { maxKeptWords: 20, minPageWords: 250, emptyCategories: ['footer', 'cookie'] } as const;

export const htmlBoilerplateSpec: DocumentStageSpec<HtmlBoilerplateOptions> = {
  kind: 'document',
  name: 'html-boilerplate',
  description: 'HTML pages: removes navigation, header, footer, sidebar, related, comments, share, newsletter, cookie, ads, breadcrumbs, pagination and author boxes by DOM selectors, then everything outside the main content.',
  formats: ['html'],
  options,
  warnings: (opts) => ruleWarnings('html-boilerplate', 'html', opts.rules),
};
