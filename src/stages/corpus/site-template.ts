import { z } from 'zod';
import { keptBlocks, removeBlock } from '../../model/document.js';
import type { DocumentRecord } from '../../engine/record.js';
import { hash52 } from '../../text/hashing.js';
import { comparable } from '../../text/normalize-text.js';
import type { CorpusStage } from '../types.js';

const options = z
  .object({
    minDocuments: z.number().int().min(2).default(4).describe('A site needs at least this many documents in the run before its templates are learned.'),
    share: z.number().min(0).max(1).default(0.5).describe('A block is template when it appears on at least this share of the site\'s documents.'),
  })
  .strict();

type Options = z.infer<typeof options>;

/** A document's site and the hashes of its distinct kept blocks (8 bytes a block). */
interface Digest {
  site: string;
  keys: number[];
}
/**
 * The template blocks of one document: their hashes, and on how many of the
 * site's documents each appears. Two flat arrays, not a pair per block:
 * the engine holds every document's decision until its rewrite, and a
 * [hash, count] pair cost ~70 bytes (two arrays' worth) against 16.
 */
interface Decision {
  site: string;
  total: number;
  keys: number[];
  counts: number[];
}

const siteOf = (record: DocumentRecord) => record.meta.site ?? record.source.site;
const hashOf = (key: string): number | null => (key ? hash52(key) : null);
const keyOf = (text: string): number | null => hashOf(comparable(text));

/**
 * Blocks that recur on many pages of the same site (navigation, footers,
 * disclaimers that slipped past the per-page rules) are site template, not
 * content. Counting is per document and order-free, so the result does not
 * depend on which document was read first. Runs after duplicate-documents,
 * so that copies of one article do not turn its text into "template".
 */
export const siteTemplate: CorpusStage<Options, Digest, Decision> = {
  kind: 'corpus',
  name: 'site-template',
  description: 'Removes blocks that recur on many documents of the same site (site templates).',
  options,
  digest(record, _opts, inputs) {
    const site = siteOf(record);
    if (!site) return null;
    const keys = new Set<number>();
    for (const text of inputs.keys) {
      const key = hashOf(text);
      if (key !== null) keys.add(key);
    }
    return keys.size ? { site, keys: [...keys] } : null;
  },
  finalize(entries, opts) {
    const decisions: Array<Decision | null> = entries.map(() => null);
    const bySite = new Map<string, number[]>();
    entries.forEach((entry, k) => {
      // A document already dropped as a duplicate would count its text twice.
      if (!entry.digest || entry.dropped) return;
      const list = bySite.get(entry.digest.site);
      if (list) list.push(k);
      else bySite.set(entry.digest.site, [k]);
    });
    for (const [site, docs] of bySite) {
      if (docs.length < opts.minDocuments) continue;
      // One site at a time, counted by sorting the hashes: a few bytes a block, no map of strings.
      const all = new Float64Array(docs.reduce((n, k) => n + entries[k]!.digest!.keys.length, 0));
      let at = 0;
      for (const k of docs) for (const key of entries[k]!.digest!.keys) all[at++] = key;
      all.sort();
      const min = Math.max(2, Math.ceil(docs.length * opts.share));
      const template = new Map<number, number>();
      for (let a = 0; a < all.length; ) {
        let b = a;
        while (b < all.length && all[b] === all[a]) b++;
        if (b - a >= min) template.set(all[a]!, b - a);
        a = b;
      }
      if (!template.size) continue;
      for (const k of docs) {
        const keys = entries[k]!.digest!.keys.filter((key) => template.has(key));
        if (keys.length) decisions[k] = { site, total: docs.length, keys, counts: keys.map((key) => template.get(key)!) };
      }
    }
    return decisions;
  },
  apply(record, decision, _opts, ctx) {
    const counts = new Map(decision.keys.map((key, k) => [key, decision.counts[k]!]));
    for (const block of keptBlocks(record.blocks)) {
      const key = keyOf(block.text);
      const count = key === null ? undefined : counts.get(key);
      if (count === undefined) continue;
      removeBlock(block, { stage: 'corpus', rule: 'site-template', reason: `appears on ${count} of ${decision.total} documents of ${decision.site}` });
      ctx.stats.update('corpus.site-template');
    }
  },
};
