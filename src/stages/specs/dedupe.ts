import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z
  .object({
    exact: z.boolean().default(true).describe('Remove exact repeats of a block (the first occurrence stays).'),
    minExactWords: z.number().int().min(1).default(3).describe('Shorter blocks (except the title) may repeat: table cells, "Yes", "* * *".'),
    nearDuplicate: z
      .number()
      .min(0)
      .max(1)
      .default(0.6)
      .describe('Share of a paragraph\'s sentences that must re-state an earlier paragraph for it to count as a near-duplicate; 1 turns the rule off.'),
    minNearWords: z.number().int().min(1).default(15).describe('Paragraphs shorter than this are never near-duplicates.'),
    pullQuote: z.boolean().default(true).describe('Remove a short block whose text reappears inside another, longer paragraph.'),
    minPullQuoteWords: z.number().int().min(1).default(8),
  })
  .strict();

export type DedupeOptions = z.infer<typeof options>;

export const dedupeSpec: DocumentStageSpec<DedupeOptions> = {
  kind: 'document',
  name: 'dedupe',
  description: 'Removes repeated blocks within a document: exact repeats, repeated titles, near-duplicate paragraphs, pull quotes.',
  options,
};
