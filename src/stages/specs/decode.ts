import { z } from 'zod';
import type { DocumentStageSpec } from '../types.js';

const options = z
  .object({
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024)
      .describe('Largest decoded (decompressed) document accepted, in bytes; larger inputs fail with a clear error.'),
  })
  .strict();

export type DecodeOptions = z.infer<typeof options>;

export const decodeSpec: DocumentStageSpec<DecodeOptions> = {
  kind: 'document',
  name: 'decode',
  description: 'Decompresses gzip, rejects binary input, and decodes bytes to text (BOM, <meta charset>, UTF-8, detected legacy charset).',
  options,
};
