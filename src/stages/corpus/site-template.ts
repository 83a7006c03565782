import { z } from 'zod';
import { removeBlock, type UnboilFile } from '../../model/document.js';
import { comparable } from '../../text/normalize-text.js';
import type { CorpusStage } from '../types.js';

const options = z
  .object({
    minDocuments: z.number().int().min(2).default(4).describe('A site needs at least this many documents in the run before its templates are learned.'),
    share: z.number().min(0).max(1).default(0.5).describe('A block is template when it appears on at least this share of the site\'s documents.'),
  })
  .strict();

type Options = z.infer<typeof options>;

interface State {
  /** site → number of documents. */
  docs: Map<string, number>;
  /** site → block key → number of documents containing it. */
  counts: Map<string, Map<string, number>>;
  template: Map<string, Set<string>>;
}

const siteOf = (file: UnboilFile) => file.data.meta.site ?? file.data.source.site;
const keysOf = (file: UnboilFile) => new Set(file.data.blocks.filter((b) => !b.removed).map((b) => comparable(b.text)).filter(Boolean));

/**
 * Blocks that recur on many pages of the same site (navigation, footers,
 * disclaimers that slipped past the per-page rules) are site template, not
 * content. Counting is per document and order-free, so the result does not
 * depend on which document was read first. Runs after duplicate-documents,
 * so that copies of one article do not turn its text into "template".
 */
export const siteTemplate: CorpusStage<Options, State> = {
  kind: 'corpus',
  name: 'site-template',
  description: 'Removes blocks that recur on many documents of the same site (site templates).',
  options,
  init: () => ({ docs: new Map(), counts: new Map(), template: new Map() }),
  collect(file, state) {
    const site = siteOf(file);
    // A document already dropped as a duplicate would count its text twice.
    if (!site || !file.data.blocks.some((b) => !b.removed)) return;
    state.docs.set(site, (state.docs.get(site) ?? 0) + 1);
    const counts = state.counts.get(site) ?? new Map<string, number>();
    state.counts.set(site, counts);
    for (const key of keysOf(file)) counts.set(key, (counts.get(key) ?? 0) + 1);
  },
  finalize(state, opts) {
    for (const [site, n] of state.docs) {
      if (n < opts.minDocuments) continue;
      const keys = new Set<string>();
      for (const [key, count] of state.counts.get(site)!) if (count >= Math.max(2, Math.ceil(n * opts.share))) keys.add(key);
      state.template.set(site, keys);
    }
  },
  apply(file, state, _opts, ctx) {
    const site = siteOf(file);
    const keys = site ? state.template.get(site) : undefined;
    if (!keys?.size) return;
    const total = state.docs.get(site!)!;
    for (const block of file.data.blocks) {
      if (block.removed || !keys.has(comparable(block.text))) continue;
      const count = state.counts.get(site!)!.get(comparable(block.text))!;
      removeBlock(file, block, { stage: 'corpus', rule: 'site-template', reason: `appears on ${count} of ${total} documents of ${site}` });
      ctx.stats.update('corpus.site-template');
    }
  },
};
