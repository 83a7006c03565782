import { z } from 'zod';
import { normalizeLines, normalizeText } from '../../text/normalize-text.js';
import type { DocumentStage } from '../types.js';

const options = z.object({}).strict();

/** Unicode NFC, odd spaces, invisible and control characters, runs of whitespace. */
export const normalize: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'normalize',
  description: 'Normalizes block text: Unicode NFC, non-breaking and odd spaces, zero-width and control characters, runs of whitespace.',
  options,
  run(doc) {
    for (const block of doc.blocks) {
      // Code keeps its lines (and their indentation); everything else is one line of text.
      block.text = block.kind === 'code' ? normalizeLines(block.text) : normalizeText(block.text);
      if (block.text === '') {
        doc.remove(block, { stage: 'normalize', rule: 'empty', reason: 'nothing but invisible or control characters' });
      }
    }
  },
};
