import { z } from 'zod';
import type { Block } from '../../model/block.js';
import { removeBlock, type UnboilFile } from '../../model/document.js';
import { comparable } from '../../text/normalize-text.js';
import { jaccard, sentenceOverlap, words } from '../../text/similarity.js';
import type { DocumentStage } from '../types.js';

const options = z
  .object({
    exact: z.boolean().default(true).describe('Remove exact repeats of a block (the first occurrence stays).'),
    minExactWords: z.number().int().min(1).default(3).describe('Shorter blocks (except the title) may repeat: table cells, "Yes", "* * *".'),
    nearDuplicate: z
      .number()
      .min(0)
      .max(1)
      .default(0.6)
      .describe('Share of a paragraph\'s sentences that must re-state an earlier paragraph for it to count as a near-duplicate; 1 turns the rule off.'),
    minNearWords: z.number().int().min(1).default(15).describe('Paragraphs shorter than this are never near-duplicates.'),
    pullQuote: z.boolean().default(true).describe('Remove a short block whose text reappears inside another, longer paragraph.'),
    minPullQuoteWords: z.number().int().min(1).default(8),
  })
  .strict();

export type DedupeOptions = z.infer<typeof options>;

interface Entry {
  block: Block;
  key: string;
  words: string[];
  set: Set<string>;
}

/**
 * Within one document: exact repeats, repeated titles, near-duplicate
 * paragraphs and pull quotes. The first occurrence stays (for a pull quote,
 * the paragraph that contains it) and every removal points at it.
 */
export const dedupe: DocumentStage<DedupeOptions> = {
  kind: 'document',
  name: 'dedupe',
  description: 'Removes repeated blocks within a document: exact repeats, repeated titles, near-duplicate paragraphs, pull quotes.',
  options,
  run(file: UnboilFile, opts, ctx) {
    const entries: Entry[] = file.data.blocks
      .filter((block) => !block.removed)
      .map((block) => {
        const w = words(block.text);
        return { block, key: w.join(' '), words: w, set: new Set(w) };
      });
    const title = entries.find((e) => e.block.role === 'title');
    const remove = (e: Entry, rule: string, reason: string, of: Block) => {
      removeBlock(file, e.block, { stage: 'dedupe', rule, reason, duplicateOf: of.i });
      ctx.stats.update(`dedupe.${rule}`);
    };

    if (opts.exact) {
      const first = new Map<string, Entry>();
      for (const e of entries) {
        if (!e.key) continue;
        const seen = first.get(e.key);
        const isTitle = title !== undefined && e.key === title.key;
        if (seen && isTitle) remove(e, 'repeated-title', 'the title again, repeated as a heading or banner', seen.block);
        else if (seen && e.words.length >= opts.minExactWords) remove(e, 'exact', `exact repeat of block ${seen.block.i}`, seen.block);
        else if (!seen) first.set(e.key, e);
      }
      // The title keeps its first occurrence, wherever the boilerplate stage marked it.
      if (title?.block.removed) {
        const kept = entries.find((e) => e.key === title.key && !e.block.removed);
        if (kept) {
          kept.block.role = 'title';
          delete title.block.role;
        }
      }
    }

    const live = () => entries.filter((e) => !e.block.removed);
    if (opts.nearDuplicate < 1) {
      const paragraphs = live().filter((e) => e.words.length >= opts.minNearWords);
      for (let j = 1; j < paragraphs.length; j++) {
        const b = paragraphs[j]!;
        for (let i = 0; i < j; i++) {
          const a = paragraphs[i]!;
          if (a.block.removed || jaccard(a.set, b.set) < 0.3) continue; // cheap filter before parsing sentences
          const overlap = sentenceOverlap(a.block.text, b.block.text);
          if (overlap >= opts.nearDuplicate) {
            remove(b, 'near-duplicate', `re-states block ${a.block.i} with small edits (${Math.round(overlap * 100)}% of its sentences match)`, a.block);
            break;
          }
        }
      }
    }

    if (opts.pullQuote) {
      const kept = live();
      for (const e of kept) {
        if (e.block.removed || e.block.role === 'title' || e.words.length < opts.minPullQuoteWords) continue;
        // Prefer a later paragraph (the usual layout), else an earlier one.
        const host =
          kept.find((o) => o.block.i > e.block.i && !o.block.removed && o.words.length > e.words.length && contains(o.key, e.key)) ??
          kept.find((o) => o.block.i < e.block.i && !o.block.removed && o.words.length > e.words.length && contains(o.key, e.key));
        if (host) remove(e, 'pull-quote', `pull quote: its text reappears inside block ${host.block.i}`, host.block);
      }
    }
  },
};

/** Whole-word containment of one comparable key in another. */
const contains = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);
