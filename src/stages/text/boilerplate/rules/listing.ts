import type { Item } from '../context.js';

export interface ListingOptions {
  /** A non-prose line of at least this many words is an entry of a listing (a headline, a product name). */
  itemWords: number;
  /** Cost of any other line inside a listing (a date, a price, a menu item), in characters. */
  penalty: number;
}

/**
 * The densest run of listing entries: like mainRun, but a headline-sized
 * line (a teaser title, a product name, a post) counts its length as prose
 * does, and only lines shorter than that, or repeated on the page, or split
 * by separators (menus), cost `penalty`. A run never crosses a point where
 * `breaksAt(k)` holds (before item k: a block that ends an article, such as
 * a related-links header, was removed there), so an article does not absorb
 * the teaser list after it. Returns [first, last, score], or null when there
 * is no entry at all.
 */
export function listingRun(items: readonly Item[], opts: ListingOptions, breaksAt?: (k: number) => boolean): [number, number, number] | null {
  const seen = new Map<string, number>();
  for (const it of items) seen.set(it.key, (seen.get(it.key) ?? 0) + 1);
  let best: [number, number, number] | null = null;
  let start = 0;
  let score = 0;
  items.forEach((it, k) => {
    if (score <= 0 || breaksAt?.(k)) {
      start = k;
      score = 0;
    }
    const entry = it.prose || (it.f.words >= opts.itemWords && it.f.separators === 0 && seen.get(it.key) === 1);
    score += entry ? it.f.chars : -opts.penalty;
    if (score > 0 && (!best || score > best[2])) best = [start, k, score];
  });
  return best;
}

/** Characters of prose in items[first..last]: what the prose run weighs. */
export function proseWeight(items: readonly Item[], first: number, last: number): number {
  let sum = 0;
  for (let k = first; k <= last; k++) if (items[k]!.prose) sum += items[k]!.f.chars;
  return sum;
}
