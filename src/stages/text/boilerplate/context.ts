import type { Block, Removal } from '../../../model/block.js';
import { removeBlock, sourceText, type UnboilFile } from '../../../model/document.js';
import { sectionsOf } from './sections.js';
import { isHeadlineLike, isProse, textFeatures, type TextFeatures } from '../../../text/features.js';

/** A kept block with the features the rules look at. */
export interface Item {
  block: Block;
  f: TextFeatures;
  prose: boolean;
  headline: boolean;
  /** A sentence without being a paragraph: a one-line bio, a standfirst. */
  sentence: boolean;
  /** Section of the dump the block sits in (see sections.ts); null when the dump has none. */
  section: number | null;
  /** First block of its section (false when the dump has no sections). */
  sectionStart: boolean;
}

/** The kept blocks with their features. */
export function itemsOf(blocks: readonly Block[], stopwords: ReadonlySet<string>, sections: readonly number[] | null = null): Item[] {
  return blocks
    .filter((block) => !block.removed)
    .map((block) => {
      const f = textFeatures(block.text, stopwords);
      return { block, f, prose: isProse(f), headline: isHeadlineLike(f), sentence: f.words >= 8 && f.stopDensity >= 0.2, section: sections?.[block.i] ?? null,
        sectionStart: !!sections && (block.i === 0 || sections[block.i - 1] !== sections[block.i]) };
    });
}

/** What every boilerplate rule gets: the kept blocks in order, and a way to remove one. */
export class RuleContext {
  readonly items: Item[];
  /** The document's language (ISO 639-1), when known: date parsing uses it. */
  readonly lang: string | null;
  constructor(
    private readonly file: UnboilFile,
    stopwords: ReadonlySet<string>,
  ) {
    this.lang = file.data.meta.lang;
    this.items = itemsOf(file.data.blocks, stopwords, sectionsOf(sourceText(file), file.data.blocks));
  }

  remove(item: Item, rule: string, reason: string): void {
    removeBlock(this.file, item.block, { stage: 'boilerplate', rule, reason });
  }

  /** What the rules so far removed between two blocks (exclusive), in order. */
  removedBetween(a: Block, b: Block): Removal[] {
    const out: Removal[] = [];
    for (let i = a.i + 1; i < b.i; i++) {
      const removed = this.file.data.blocks[i]?.removed;
      if (removed?.stage === 'boilerplate') out.push(removed);
    }
    return out;
  }

  /** The items still kept, in order. */
  kept(): Item[] {
    return this.items.filter((item) => !item.block.removed);
  }
}

export type Rule = (ctx: RuleContext) => void;
