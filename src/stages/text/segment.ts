import { z } from 'zod';
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
  run(doc) {
    if (doc.data.source.format === 'html') {
      const { blocks, page, lang } = segmentHtml(doc.text, doc.lines());
      doc.data.blocks = blocks;
      doc.page = page;
      if (lang) doc.data.htmlLang = lang;
    } else doc.data.blocks = segmentText(doc.text);
    // An empty scrape is worth a look (a failed fetch?) but not a failure.
    if (!doc.blocks.length) doc.warn('segment', 'empty', 'the document has no text: the clean text is empty');
  },
};
