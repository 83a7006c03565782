import type { Block } from '../../model/block.js';
import { bandKeys, fnv1a, fnv1aOfWords, minhash } from '../../text/hashing.js';
import { sentences } from '../../text/sentences.js';
import { jaccard, words } from '../../text/similarity.js';
import type { DocumentStage } from '../types.js';
import { dedupeSpec, type DedupeOptions } from '../specs/dedupe.js';

export type { DedupeOptions };

interface Entry {
  block: Block;
  key: string;
  words: string[];
  set: Set<string>;
  /** Word sets of its sentences, parsed once, on first need. */
  sentenceSets?: Set<string>[];
}

/** Sentences match when their word sets are this similar (Jaccard). */
const SENTENCE_MATCH = 0.5;
/** Paragraphs are compared only when their word sets are at least this similar. */
const PARAGRAPH_FILTER = 0.3;
/** MinHash rows per sentence and rows per band: two sentences at Jaccard 0.5 share one of 16 band keys with probability 0.99, at 0.7 with 0.99999. */
const SENTENCE_HASHES = 32;
const SENTENCE_ROWS = 2;
/**
 * At most this many earlier paragraphs are compared with each paragraph (those
 * sharing the most sentence keys): a page of a thousand paragraphs sharing one
 * sentence stays linear instead of comparing every pair.
 */
const MAX_CANDIDATES = 32;

/**
 * Of a candidate list, only its first and last MAX_CANDIDATES / 2 entries are
 * read. On a page where most paragraphs share a band key (a small vocabulary,
 * a template sentence) every list grows with the page, and reading them whole
 * made the candidate search quadratic (bench:worst).
 */
function forBounded(list: number[], visit: (i: number) => void): void {
  const head = Math.min(list.length, MAX_CANDIDATES / 2);
  for (let k = 0; k < head; k++) visit(list[k]!);
  for (let k = Math.max(head, list.length - MAX_CANDIDATES / 2); k < list.length; k++) visit(list[k]!);
}

/** The first index of an ascending list greater than k (binary search). */
function firstAfter(list: number[], k: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const sentenceSetsOf = (e: Entry): Set<string>[] => (e.sentenceSets ??= sentences(e.block.text).map((s) => new Set(words(s))));

/** LSH keys of a paragraph's sentences: paragraphs sharing one have a sentence in common, nearly. */
function sentenceKeys(e: Entry): number[] {
  const keys: number[] = [];
  for (const set of sentenceSetsOf(e)) {
    if (!set.size) continue;
    keys.push(...bandKeys(minhash([...set].map((w) => fnv1a(w)), SENTENCE_HASHES), SENTENCE_ROWS));
  }
  return keys;
}

/**
 * How much of paragraph `b` re-states paragraph `a`, sentence by sentence:
 * the share of b's sentences whose words mostly match some sentence of a.
 * Robust to the small edits of a re-published paragraph (names re-spelled, a
 * clause reworded) that defeat exact hashing.
 */
function overlap(a: Entry, b: Entry): number {
  const as = sentenceSetsOf(a);
  const bs = sentenceSetsOf(b);
  if (!bs.length) return 0;
  let matched = 0;
  for (const s of bs) if (as.some((t) => jaccard(s, t) >= SENTENCE_MATCH)) matched++;
  return matched / bs.length;
}

/**
 * Within one document: exact repeats, repeated titles, near-duplicate
 * paragraphs and pull quotes. The first occurrence stays (for a pull quote,
 * the paragraph that contains it) and every removal points at it. Candidates
 * are found by hashing (exact keys, sentence MinHash bands, word n-grams),
 * never by comparing all pairs.
 */
export const dedupe: DocumentStage<DedupeOptions> = {
  ...dedupeSpec,
  run(doc, opts, ctx) {
    const entries: Entry[] = doc.keptViews().map(({ block, key }) => {
      const w = key.split(' ').filter(Boolean);
      return { block, key: w.join(' '), words: w, set: new Set(w) };
    });
    const title = entries.find((e) => e.block.role === 'title');
    const remove = (e: Entry, rule: string, reason: string, of: Block) => {
      doc.remove(e.block, { stage: 'dedupe', rule, reason, duplicateOf: of.i });
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
    if (opts.nearDuplicate < 1) nearDuplicates(live().filter((e) => e.words.length >= opts.minNearWords), opts.nearDuplicate, remove);
    if (opts.pullQuote) pullQuotes(live(), opts.minPullQuoteWords, remove);
  },
};

/**
 * The MAX_CANDIDATES paragraphs of `touched` with the most shared keys, ties
 * to the earliest. Sorted as one number per candidate (fewer shared keys, then
 * index) in a Float64Array: a native numeric sort, no comparator call per pair.
 */
function mostShared(touched: number[], shared: Uint32Array): number[] {
  const order = new Float64Array(touched.length);
  touched.forEach((i, k) => {
    // Below 2 ** 53, so exact in a double; counts past 65,535 tie (no real paragraph has that many sentences).
    order[k] = (0xffff - Math.min(shared[i]!, 0xffff)) * 0x100000000 + i;
  });
  order.sort();
  return Array.from(order.subarray(0, MAX_CANDIDATES), (v) => v % 0x100000000);
}

type Remove = (e: Entry, rule: string, reason: string, of: Block) => void;

function nearDuplicates(paragraphs: Entry[], threshold: number, remove: Remove): void {
  // band key → earlier paragraphs (indexes into `paragraphs`, ascending) with a sentence of that key
  const index = new Map<number, number[]>();
  // Shared-key counts per earlier paragraph, in one array reset after each
  // paragraph through the list of those touched: the counting is the hot loop
  // of pages with a small vocabulary, and a Map per paragraph made it GC-bound.
  const shared = new Uint32Array(paragraphs.length);
  const touched: number[] = [];
  const count = (i: number) => {
    if (shared[i]!++ === 0) touched.push(i);
  };
  paragraphs.forEach((b, j) => {
    const keys = [...new Set(sentenceKeys(b))];
    for (const key of keys) {
      const list = index.get(key);
      if (list) forBounded(list, count);
    }
    // Candidates sharing the most sentence keys first; of those kept, the earliest is compared first.
    const best = touched.length <= MAX_CANDIDATES ? [...touched] : mostShared(touched, shared);
    best.sort((x, y) => x - y);
    for (const i of touched) shared[i] = 0;
    touched.length = 0;
    for (const i of best) {
      const a = paragraphs[i]!;
      if (a.block.removed || jaccard(a.set, b.set) < PARAGRAPH_FILTER) continue;
      const share = overlap(a, b);
      if (share >= threshold) {
        remove(b, 'near-duplicate', `re-states block ${a.block.i} with small edits (${Math.round(share * 100)}% of its sentences match)`, a.block);
        return;
      }
    }
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(j);
      else index.set(key, [j]);
    }
  });
}

function pullQuotes(kept: Entry[], n: number, remove: Remove): void {
  // Word n-gram → the blocks containing it (indexes into `kept`, ascending). A block contains a
  // pull quote of n words or more only if it contains each of its n-grams, so the rarest one of
  // the quote gives the shortest list of possible hosts.
  const grams = (e: Entry): number[] => {
    const out: number[] = [];
    for (let k = 0; k + n <= e.words.length; k++) out.push(fnv1aOfWords(e.words, k, k + n));
    return out;
  };
  const gramsOf = kept.map(grams);
  const hosts = new Map<number, number[]>();
  gramsOf.forEach((gs, k) => {
    for (const g of new Set(gs)) {
      const list = hosts.get(g);
      if (list) list.push(k);
      else hosts.set(g, [k]);
    }
  });
  kept.forEach((e, k) => {
    if (e.block.removed || e.block.role === 'title' || e.words.length < n) return;
    let rarest: number[] | undefined;
    for (const g of gramsOf[k]!) {
      const list = hosts.get(g)!;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    const fits = (o: Entry) => !o.block.removed && o.words.length > e.words.length && contains(o.key, e.key);
    // Prefer a later paragraph (the usual layout), else an earlier one.
    // The lists are ascending: slice around k instead of filtering the whole list.
    const candidates = rarest ?? [];
    const after = firstAfter(candidates, k);
    const before = after > 0 && candidates[after - 1] === k ? after - 1 : after;
    const later = candidates.slice(after, after + MAX_CANDIDATES).map((h) => kept[h]!).find(fits);
    // Bounded before copying: slicing all `before` hosts first made a page of many similar blocks quadratic.
    const host = later ?? candidates.slice(0, Math.min(before, MAX_CANDIDATES)).map((h) => kept[h]!).find(fits);
    if (host) remove(e, 'pull-quote', `pull quote: its text reappears inside block ${host.block.i}`, host.block);
  });
}

/** Whole-word containment of one comparable key in another. */
const contains = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);
