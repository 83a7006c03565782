import { segmentHtml } from '../html/segment-html.js';
import type { DocumentStage } from '../types.js';
import { segmentSpec, type SegmentOptions } from '../specs/segment.js';
import { segmentText } from './segment-text.js';

/** Splits the decoded source into blocks: lines/paragraphs for text, block elements for HTML. */
export const segment: DocumentStage<SegmentOptions> = {
  ...segmentSpec,
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
