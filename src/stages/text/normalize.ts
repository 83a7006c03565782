import { z } from 'zod';
import { removeBlock, type UnboilFile } from '../../model/document.js';
import { normalizeText } from '../../text/normalize-text.js';
import type { DocumentStage } from '../types.js';

const options = z.object({}).strict();

/** Unicode NFC, odd spaces, invisible and control characters, runs of whitespace. */
export const normalize: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'normalize',
  description: 'Normalizes block text: Unicode NFC, non-breaking and odd spaces, zero-width and control characters, runs of whitespace.',
  options,
  run(file: UnboilFile) {
    for (const block of file.data.blocks) {
      block.text = normalizeText(block.text);
      if (block.text === '') {
        removeBlock(file, block, { stage: 'normalize', rule: 'empty', reason: 'nothing but invisible or control characters' });
      }
    }
  },
};
