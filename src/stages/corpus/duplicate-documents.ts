import { z } from 'zod';
import { keptBlocks, removeBlock } from '../../model/document.js';
import { bandKeys, fnv1aOfWords, minhash, signatureSimilarity } from '../../text/hashing.js';
import type { CorpusStage } from '../types.js';

const options = z
  .object({
    threshold: z.number().min(0).max(1).default(0.9).describe('Estimated Jaccard similarity of word 5-grams above which two documents are duplicates; 1 keeps exact duplicates only.'),
    minWords: z.number().int().min(1).default(30).describe('Documents with fewer words are never duplicates of each other.'),
  })
  .strict();

type Options = z.infer<typeof options>;
const HASHES = 64;
const ROWS = 4;
const SHINGLE = 5;

/** A document's MinHash signature over the word 5-grams of its clean text (64 numbers). */
type Digest = number[];
interface Decision {
  of: string;
  similarity: number;
}

/**
 * Whole documents that duplicate an earlier one (in sorted path order): the
 * same article saved twice, or syndicated with small edits. MinHash with LSH
 * banding finds candidates; the later document's blocks are all removed,
 * pointing at the first.
 */
export const duplicateDocuments: CorpusStage<Options, Digest, Decision> = {
  kind: 'corpus',
  name: 'duplicate-documents',
  description: 'Removes documents whose clean text duplicates (or nearly duplicates) an earlier document of the run.',
  options,
  digest(_record, opts, { keys }) {
    // The words of the kept text: comparable() of the joined text gives the same ones, the joining space ending a word either way.
    const words = keys.join(' ').split(' ').filter(Boolean);
    if (words.length < opts.minWords) return null;
    const shingles = new Set<number>();
    for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(fnv1aOfWords(words, i, i + SHINGLE));
    return [...minhash(shingles, HASHES)];
  },
  finalize(entries, opts) {
    const decisions: Array<Decision | null> = entries.map(() => null);
    // Band key -> the documents that have it. Most keys belong to one document: it is kept as a
    // bare index, an array only once a second one shares the key (a one-element array per key
    // was ~60 bytes more, 16 keys a document: ~50 MB over 50,000 documents).
    const buckets = new Map<number, number | number[]>();
    entries.forEach((entry, k) => {
      if (!entry.digest || entry.dropped) return;
      const candidates = new Set<number>();
      const keys = bandKeys(entry.digest, ROWS);
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (typeof bucket === 'number') candidates.add(bucket);
        else if (bucket) for (const other of bucket) candidates.add(other);
      }
      for (const other of [...candidates].sort((a, b) => a - b)) {
        // A copy of a copy points at the original, not at the copy.
        if (decisions[other]) continue;
        const similarity = signatureSimilarity(entry.digest, entries[other]!.digest!);
        if (similarity >= opts.threshold) {
          decisions[k] = { of: entries[other]!.path, similarity };
          break;
        }
      }
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (bucket === undefined) buckets.set(key, k);
        else if (typeof bucket === 'number') buckets.set(key, [bucket, k]);
        else bucket.push(k);
      }
    });
    return decisions;
  },
  dropsDocument: () => true,
  apply(record, decision, _opts, ctx) {
    for (const block of keptBlocks(record.blocks)) {
      removeBlock(block, {
        stage: 'corpus',
        rule: 'duplicate-document',
        reason: `the document duplicates ${decision.of} (${Math.round(decision.similarity * 100)}% similar)`,
      });
    }
    ctx.stats.update('corpus.duplicate-document');
  },
};
