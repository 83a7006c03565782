import { z } from 'zod';
import { sourceText, warn, type UnboilFile } from '../../model/document.js';
import { segmentHtml } from '../html/segment-html.js';
import type { DocumentStage } from '../types.js';
import { segmentText } from './segment-text.js';

const options = z.object({}).strict();

/** Splits the decoded source into blocks: lines/paragraphs for text, block elements for HTML. */
export const segment: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'segment',
  description: 'Splits the document into blocks (text: lines and blank-line paragraphs; HTML: block-level elements), each with its span in the source.',
  options,
  run(file: UnboilFile) {
    if (file.data.source.format === 'html') segmentHtml(file);
    else file.data.blocks = segmentText(sourceText(file));
    // An empty scrape is worth a look (a failed fetch?) but not a failure.
    if (!file.data.blocks.length) warn(file, 'segment', 'empty', 'the document has no text: the clean text is empty');
  },
};
