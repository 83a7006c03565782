import type { Root } from 'nlcst';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';

/** One frozen retext parser for the whole process (parsing only, no plugins). */
const processor = unified().use(retextEnglish).freeze();

/**
 * Sentences of a paragraph, by retext's natural-language parser
 * (abbreviations, initials, quotes and decimal numbers do not end a
 * sentence). It handles other Latin-script languages well enough for
 * comparing paragraphs; callers parse only the blocks that need it.
 */
export function sentences(text: string): string[] {
  const root = processor.parse(text) as Root;
  const out: string[] = [];
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of paragraph.children) {
      if (node.type === 'SentenceNode') {
        const sentence = toString(node).trim();
        if (sentence) out.push(sentence);
      }
    }
  }
  return out;
}
