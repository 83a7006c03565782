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

export interface CardOptions {
  /** A line must recur at least this many times to frame cards. */
  repeats: number;
  /** Most blocks from one repeat of the line to the next (one card). */
  maxGap: number;
  /** The longest gap between two repeats is at most this many times the shortest. */
  regularity: number;
}

/**
 * The heaviest grid of cards: the entries of a product grid or a listing
 * share a template, so one of its non-prose lines ("Add to cart", "Available
 * in other styles", "4 comments") recurs at near-regular intervals, once a
 * card. A menu has no such line (its items do not recur), and a thread of
 * comments is prose between its frames, not a grid: a region whose prose
 * outweighs its short lines is not cards. Each card must hold a line of
 * three words or more (a name, a title) that is not part of the template.
 * The region runs from one period before the first repeat to the last
 * repeat. Returns [first, last, weight], the weight being the characters of
 * its short lines that do not recur, or null when there is no grid.
 */
export function cardRun(items: readonly Item[], opts: CardOptions): [number, number, number] | null {
  const positions = new Map<string, number[]>();
  items.forEach((it, k) => {
    if (it.prose || !it.key) return;
    const list = positions.get(it.key);
    if (list) list.push(k);
    else positions.set(it.key, [k]);
  });
  const recurs = (k: number) => (positions.get(items[k]!.key)?.length ?? 0) > 1;
  let best: [number, number, number] | null = null;
  for (const list of positions.values()) {
    if (list.length < opts.repeats) continue;
    let min = Infinity;
    let max = 0;
    for (let j = 1; j < list.length; j++) {
      const gap = list[j]! - list[j - 1]!;
      min = Math.min(min, gap);
      max = Math.max(max, gap);
    }
    if (min < 2 || max > opts.maxGap || max > opts.regularity * min) continue;
    const first = Math.max(0, list[0]! - (list[1]! - list[0]!) + 1);
    const last = list.at(-1)!;
    let weight = 0;
    let prose = 0;
    let entries = 0;
    for (let k = first; k <= last; k++) {
      const it = items[k]!;
      if (it.prose) prose += it.f.chars;
      else if (!recurs(k)) {
        weight += it.f.chars;
        if (it.f.words >= 3) entries++;
      }
    }
    if (entries < list.length || prose > weight) continue;
    if (!best || weight > best[2]) best = [first, last, weight];
  }
  return best;
}
