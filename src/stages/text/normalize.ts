import { normalizeLines, normalizeText } from '../../text/normalize-text.js';
import type { DocumentStage } from '../types.js';
import { normalizeSpec, type NormalizeOptions } from '../specs/normalize.js';

/** Unicode NFC, odd spaces, invisible and control characters, runs of whitespace. */
export const normalize: DocumentStage<NormalizeOptions> = {
  ...normalizeSpec,
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
