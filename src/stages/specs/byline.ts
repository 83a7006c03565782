import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';
import { BYLINE_REACH } from './main-text.js';

const options = z
  .object({
    keep: z.boolean().default(false).describe('Keep bylines and datelines in the clean text (they always go to metadata).'),
    window: z.number().int().min(1).default(3).describe('How many prose paragraphs into the main text to look for a byline or dateline.'),
    before: z.number().int().min(0).default(BYLINE_REACH).describe('How many blocks before the start of the main text to look for a byline or dateline.'),
  })
  .strict();

export type BylineOptions = z.infer<typeof options>;

export const bylineSpec: DocumentStageSpec<BylineOptions> = {
  kind: 'document',
  name: 'byline',
  // HTML pages: html-boilerplate takes bylines out and html-metadata reads the page's own.
  formats: ['text'],
  description: 'Moves the byline (author) and dateline (publication date) near the start of the document into metadata.',
  options,
};
