import { isHeadlineLike, isProse, textFeatures, type TextFeatures } from '../text/features.js';
import { comparable } from '../text/normalize-text.js';
import { sectionsOf } from '../text/sections.js';
import { stopwordsFor } from '../text/stopwords.js';
import type { Block } from './block.js';
import type { DocumentData } from './document.js';

/**
 * A block with the features the rules look at, computed once per document
 * (DocumentContext.view): every stage reads the same numbers instead of
 * recomputing them from the text.
 */
export interface BlockView {
  block: Block;
  f: TextFeatures;
  prose: boolean;
  headline: boolean;
  /** A sentence without being a paragraph: a one-line bio, a standfirst. */
  sentence: boolean;
  /** Section of a text dump the block sits in (see text/sections.ts); null for HTML and dumps without sections. */
  section: number | null;
  /** First block of its section (false when there are no sections). */
  sectionStart: boolean;
  /** Lower-cased letters and digits, one space between words: what blocks are compared by. */
  key: string;
}

/** What the views of one document share: its stop words and sections. */
export interface ViewInputs {
  stopwords: ReadonlySet<string>;
  sections: readonly number[] | null;
}

export function viewInputs(source: string, blocks: readonly Block[], data: DocumentData): ViewInputs {
  return {
    stopwords: stopwordsFor(data.lang3),
    sections: data.source.format === 'text' ? sectionsOf(source, blocks) : null,
  };
}

export function viewOf(block: Block, inputs: ViewInputs): BlockView {
  const f = textFeatures(block.text, inputs.stopwords);
  const { sections } = inputs;
  const section = sections?.[block.i] ?? null;
  return {
    block,
    f,
    prose: isProse(f),
    headline: isHeadlineLike(f),
    sentence: f.words >= 8 && f.stopDensity >= 0.2,
    section,
    sectionStart: !!sections && (block.i === 0 || sections[block.i - 1] !== section),
    key: comparable(block.text),
  };
}
