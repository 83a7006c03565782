import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z.object({}).strict();

export type NormalizeOptions = z.infer<typeof options>;

export const normalizeSpec: DocumentStageSpec<NormalizeOptions> = {
  kind: 'document',
  name: 'normalize',
  description: 'Normalizes block text: Unicode NFC, non-breaking and odd spaces, zero-width and control characters, runs of whitespace.',
  options,
};
