import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z.object({}).strict();

export type HtmlMetadataOptions = z.infer<typeof options>;

export const htmlMetadataSpec: DocumentStageSpec<HtmlMetadataOptions> = {
  kind: 'document',
  name: 'html-metadata',
  description: 'HTML pages: title, author, date, site and URL from meta tags, JSON-LD, <h1>/<title>, <time>, rel=author and the URL.',
  formats: ['html'],
  options,
};
