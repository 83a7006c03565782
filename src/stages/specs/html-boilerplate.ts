import { z } from 'zod';
import { rulesOption, ruleWarnings } from '../../rules/registry.js';
import type { DocumentStageSpec } from '../types.js';

const options = z
  .object({
    selectors: z.boolean().default(true).describe('Remove boilerplate groups found by element, ARIA role and class/id (navigation, comments, share bars…).'),
    mainContent: z.boolean().default(true).describe('Find the main content (the container of the densest prose) and remove the blocks outside it.'),
    keepOutsideProse: z.boolean().default(false).describe('Keep long prose paragraphs found outside the main content.'),
    maxLinkDensity: z.number().min(0).max(1).default(0.8).describe('Inside the main content, short blocks with more of their text in links than this are removed as link lists.'),
    rules: rulesOption('html'),
  })
  .strict();

export type HtmlBoilerplateOptions = z.infer<typeof options>;

export const htmlBoilerplateSpec: DocumentStageSpec<HtmlBoilerplateOptions> = {
  kind: 'document',
  name: 'html-boilerplate',
  description: 'HTML pages: removes navigation, header, footer, sidebar, related, comments, share, newsletter, cookie, ads, breadcrumbs, pagination and author boxes by DOM selectors, then everything outside the main content.',
  formats: ['html'],
  options,
  warnings: (opts) => ruleWarnings('html-boilerplate', 'html', opts.rules),
};
