import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z.object({}).strict();

export type SegmentOptions = z.infer<typeof options>;

export const segmentSpec: DocumentStageSpec<SegmentOptions> = {
  kind: 'document',
  name: 'segment',
  description: 'Splits the document into blocks (text: lines and blank-line paragraphs; HTML: block-level elements), each with its span in the source.',
  options,
};
