import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keptBlocks, removeBlock, type UnboilFile } from '../../model/document.js';
import { comparable } from '../../text/normalize-text.js';
import type { CorpusStage } from '../types.js';

const options = z
  .object({
    threshold: z.number().min(0).max(1).default(0.9).describe('Estimated Jaccard similarity of word 5-grams above which two documents are duplicates; 1 keeps exact duplicates only.'),
    minWords: z.number().int().min(1).default(30).describe('Documents with fewer words are never duplicates of each other.'),
  })
  .strict();

type Options = z.infer<typeof options>;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;

interface Doc {
  path: string;
  signature: Uint32Array;
}
interface State {
  docs: Doc[];
  /** path → path of the document it duplicates. */
  duplicateOf: Map<string, { of: string; similarity: number }>;
}

function hash32(text: string, seed: number): number {
  return createHash('sha1').update(`${seed}:${text}`).digest().readUInt32BE(0);
}

/** MinHash signature of the word 5-grams of the clean text (deterministic seeds). */
function signature(words: string[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const base = new Set<number>();
  for (let i = 0; i + 5 <= Math.max(words.length, 5); i++) base.add(hash32(words.slice(i, i + 5).join(' '), 0));
  for (const h of base) {
    for (let k = 0; k < HASHES; k++) {
      // Cheap universal hashing of the base hash, one (a, b) per row.
      const v = (Math.imul(h ^ (k * 0x9e3779b1), 0x85ebca6b) + k * 0xc2b2ae35) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

const similarity = (a: Uint32Array, b: Uint32Array) => a.reduce((n, v, k) => n + (v === b[k] ? 1 : 0), 0) / HASHES;

/**
 * Whole documents that duplicate an earlier one (in sorted path order): the
 * same article saved twice, or syndicated with small edits. MinHash with LSH
 * banding finds candidates; the later document's blocks are all removed,
 * pointing at the first.
 */
export const duplicateDocuments: CorpusStage<Options, State> = {
  kind: 'corpus',
  name: 'duplicate-documents',
  description: 'Removes documents whose clean text duplicates (or nearly duplicates) an earlier document of the run.',
  options,
  init: () => ({ docs: [], duplicateOf: new Map() }),
  collect(file, state, opts) {
    const words = comparable(keptBlocks(file).map((b) => b.text).join(' ')).split(' ').filter(Boolean);
    if (words.length < opts.minWords) return;
    state.docs.push({ path: file.data.source.path, signature: signature(words) });
  },
  finalize(state, opts) {
    const docs = [...state.docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const buckets = new Map<string, Doc[]>();
    for (const doc of docs) {
      const candidates = new Set<Doc>();
      for (let band = 0; band < BANDS; band++) {
        const key = `${band}:${doc.signature.slice(band * ROWS, (band + 1) * ROWS).join(',')}`;
        const bucket = buckets.get(key) ?? [];
        for (const other of bucket) candidates.add(other);
        bucket.push(doc);
        buckets.set(key, bucket);
      }
      for (const other of [...candidates].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (state.duplicateOf.has(other.path)) continue;
        const s = similarity(doc.signature, other.signature);
        if (s >= opts.threshold) {
          state.duplicateOf.set(doc.path, { of: other.path, similarity: s });
          break;
        }
      }
    }
  },
  apply(file, state, _opts, ctx) {
    const dup = state.duplicateOf.get(file.data.source.path);
    if (!dup) return;
    for (const block of keptBlocks(file)) {
      removeBlock(file, block, {
        stage: 'corpus',
        rule: 'duplicate-document',
        reason: `the document duplicates ${dup.of} (${Math.round(dup.similarity * 100)}% similar)`,
      });
    }
    ctx.stats.update('corpus.duplicate-document');
  },
};
