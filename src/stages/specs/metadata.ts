import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z.object({}).strict();

export type MetadataOptions = z.infer<typeof options>;

export const metadataSpec: DocumentStageSpec<MetadataOptions> = {
  kind: 'document',
  name: 'metadata',
  description: 'Extracts title and site from the cleaned document (values from HTML meta tags win).',
  options,
};
