import { comparable } from './normalize-text.js';
import { sentences } from './sentences.js';

export const words = (text: string): string[] => comparable(text).split(' ').filter(Boolean);

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * How much of paragraph `b` re-states paragraph `a`, sentence by sentence:
 * the share of b's sentences whose words mostly (Jaccard ≥ 0.5) match some
 * sentence of a. Robust to the small edits of a re-published paragraph
 * (names re-spelled, a clause reworded) that defeat exact hashing.
 */
export function sentenceOverlap(a: string, b: string): number {
  const as = sentences(a).map((s) => new Set(words(s)));
  const bs = sentences(b).map((s) => new Set(words(s)));
  if (!bs.length) return 0;
  let matched = 0;
  for (const s of bs) if (as.some((t) => jaccard(s, t) >= 0.5)) matched++;
  return matched / bs.length;
}
