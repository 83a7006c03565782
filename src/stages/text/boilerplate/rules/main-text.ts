import { parseByline } from '../../../meta/byline.js';
import { RULE_LIST, RULES } from '../../../../rules/registry.js';
import type { Item, RuleContext } from '../context.js';
import { BYLINE_REACH, CARD_APART_SHARE, CARD_MAX_GAP, CARD_REGULARITY, CARD_REPEATS, FRAME_REPEATS, LISTING_ITEM_WORDS, LISTING_PENALTY, LISTING_SHARE } from '../../../specs/main-text.js';
import { cardRun, listingRun, proseWeight } from './listing.js';
import { DOMAIN, hasChrome, removedAfter, removedBefore } from './chrome.js';

const { navigation, siteName, siteHeader, outsideMain, beforeMain, afterMain, linkSection } = RULES;

export interface MainTextOptions {
  /** Cost of a non-prose block inside the main text, in characters of prose. */
  shortPenalty: number;
  /** Keep prose paragraphs found outside the main run (true) or drop them (false). */
  keepOutsideProse: boolean;
  /** Runs of prose scoring at least this share of the densest one are part of the main text. */
  partShare: number;
}

/** What the main-text rule found, by block index (the block scorer reads it). */
export interface MainTextFacts {
  /** First and last block of the main text. */
  first: number;
  last: number;
  /** The block marked as the title, if any. */
  title: number | null;
  /** The main text is a listing of entries, or holds a grid of cards. */
  listing: boolean;
  cards: boolean;
}

/** How many blocks before the main text a title that opens a section may sit. */
export const TITLE_REACH = 12;

/**
 * The main text is the densest run of prose: the maximum-sum run of blocks
 * where prose counts its length and any other block costs `shortPenalty`
 * (Kadane's algorithm, as in body-text extraction). An article that a list,
 * a table or an image gallery splits into several runs is caught whole by
 * `partShare`: every run scoring at least that share of the best one joins
 * it, with what lies between. Returns [first, last] indexes into `items`,
 * or null when the document has no prose at all.
 */
export function mainRun(items: Item[], shortPenalty: number, partShare = 1, endsArticle?: (from: number, to: number) => boolean): [number, number] | null {
  const runs: Array<{ start: number; end: number; score: number }> = [];
  let start = 0;
  let score = 0;
  items.forEach((item, k) => {
    if (score <= 0) {
      start = k;
      score = 0;
      runs.push({ start, end: k, score: 0 });
    }
    score += item.prose ? item.f.chars : -shortPenalty;
    const run = runs.at(-1)!;
    if (score > run.score) {
      run.score = score;
      run.end = k;
    }
  });
  // Not Math.max(...runs): a dump of a million short lines has as many runs, more than a call takes arguments.
  const best = runs.reduce((max, r) => Math.max(max, r.score), 0);
  if (!best) return null;
  const top = runs.find((r) => r.score === best)!;
  const parts = runs.filter((r) => r.score > 0 && r.score >= best * partShare);
  // A later run joins only while nothing that ends an article (comment
  // form, related list, share bar…) lies between it and the text so far.
  let end = top.end;
  for (const part of parts) {
    if (part.start <= top.end) continue;
    if (endsArticle?.(end, part.start)) break;
    end = part.end;
  }
  return [parts.reduce((min, r) => (r.start <= top.start ? Math.min(min, r.start) : min), top.start), end];
}

/**
 * The main text reaches out to the first and the last paragraph on each side
 * of the densest run that has no page chrome: no menu, no separator line, no
 * domain name, nothing an earlier rule removed (a share bar, a copyright
 * line). An article saved without its page, or with chrome on one side
 * only, keeps all its paragraphs; where there is chrome, prose apart from
 * the densest run is usually a teaser or a promotion and stays outside.
 */
function cleanSpan(ctx: RuleContext, items: Item[], run: [number, number]): [number, number] {
  const firstProse = items.findIndex((it) => it.prose);
  const lastProse = items.findLastIndex((it) => it.prose);
  const start = items[run[0]]!.block.i;
  const end = items[run[1]]!.block.i;
  const head = firstProse < run[0] && !hasChrome(items, 0, run[0], ctx.lang) && !removedBefore(ctx, start);
  const tail = lastProse > run[1] && !hasChrome(items, run[1] + 1, items.length, ctx.lang) && !removedAfter(ctx, end);
  return [head ? firstProse : run[0], tail ? lastProse : run[1]];
}

/** Rules whose blocks close an article (gate `endsArticle`): text after them is another part of the page. */
const ARTICLE_END = new Set(RULE_LIST.filter((r) => (r.gates?.text as { endsArticle?: boolean } | undefined)?.endsArticle).map((r) => r.id));

/**
 * Whether a block that ends an article (a comment form, a share bar, a
 * related list) was removed between items `from` and `to`: text after it is
 * another part of the page. A widget line that recurs FRAME_REPEATS times
 * (the same "Share" or "Add a comment" under every answer of a thread)
 * frames posts and ends nothing.
 */
function articleEnds(ctx: RuleContext, items: readonly Item[]): (from: number, to: number) => boolean {
  const frames = new Map<string, number>();
  for (const it of ctx.items) if (it.block.removed && ARTICLE_END.has(it.block.removed.rule)) frames.set(it.key, (frames.get(it.key) ?? 0) + 1);
  // ctx.items holds every block kept before the rules ran, in order: index them by block number.
  const byBlock = new Map(ctx.items.map((it) => [it.block.i, it]));
  return (from, to) => {
    for (let i = items[from]!.block.i + 1; i < items[to]!.block.i; i++) {
      const it = byBlock.get(i);
      const removed = it?.block.removed;
      if (removed?.stage === 'boilerplate' && ARTICLE_END.has(removed.rule) && (frames.get(it!.key) ?? 0) < FRAME_REPEATS) return true;
    }
    return false;
  };
}

/** A line of listed data: a number (quantity, size, date) or a "Label: value" pair. */
const DATA_LINE = /\p{N}|^[^:]{2,40}:\s*\S/u;

const SEPARATED = /\s[|–—»:·•]\s|\s-\s/;

/**
 * Judges the blocks around the main text by their position (jusText's
 * context pass, simplified): before it, only the title (the last
 * headline-like line) and a standfirst survive; after it, only sentences
 * that run on from the text (an author's bio). The title is marked for the
 * metadata stage; its earlier copies are kept for dedupe to resolve.
 */
export function aroundMainText(ctx: RuleContext, options: MainTextOptions): MainTextFacts | null {
  const items = ctx.kept();
  const ends = articleEnds(ctx, items);
  const run = mainRun(items, options.shortPenalty, options.partShare, ends);
  if (!run) return null;
  // A page of entries (teasers, products, posts) with a blurb of prose among them: the listing is its content. A
  // listing apart from the prose run is a rail or a teaser grid beside an article, and a page without prose keeps
  // all its lines, as before.
  const listing = listingRun(items, { itemWords: LISTING_ITEM_WORDS, penalty: LISTING_PENALTY }, (k) => k > 0 && ends(k - 1, k));
  const isListing = !!listing && listing[0] <= run[1] && listing[1] >= run[0] && listing[2] >= LISTING_SHARE * proseWeight(items, run[0], run[1]);
  let [first, last] = isListing ? [listing[0], listing[1]] : cleanSpan(ctx, items, run);
  // A grid of cards (products, teasers) that outweighs the prose is the page's content: with the text it touches,
  // or alone when it lies apart and weighs much more (the prose is then a cookie notice or a blurb).
  const cards = cardRun(items, { repeats: CARD_REPEATS, maxGap: CARD_MAX_GAP, regularity: CARD_REGULARITY });
  if (cards) {
    const prose = proseWeight(items, first, last);
    if (cards[2] >= LISTING_SHARE * prose && cards[0] <= last + 1 && cards[1] >= first - 1) [first, last] = [Math.min(first, cards[0]), Math.max(last, cards[1])];
    else if (cards[2] >= CARD_APART_SHARE * prose) [first, last] = [cards[0], cards[1]];
  }
  const inCards = !!cards && first <= cards[0] && last >= cards[1];

  // Bylines and datelines near the start of the text are the byline stage's to take.
  const bylines = new Set<number>();
  for (let k = Math.max(0, first - BYLINE_REACH); k < first; k++) {
    const it = items[k]!;
    if (it.f.words <= 14 && parseByline(it.block.text, ctx.lang)) bylines.add(k);
  }

  const titleLike = (k: number): boolean => {
    const it = items[k]!;
    return it.headline && !bylines.has(k) && it.f.digits < 0.15 && !DOMAIN.test(it.block.text) && !(SEPARATED.test(it.block.text) && k < first - 1 && it.f.words <= 6);
  };
  // In a dump with sections the title opens one (the heading element ends
  // the container before it); the short lines between it and the text
  // ("4 min read", "Print", the author's name) do not. Else: the last
  // title-like line before the text.
  let title = -1;
  for (let k = first - 1; k >= Math.max(0, first - TITLE_REACH); k--) {
    if (items[k]!.sectionStart && titleLike(k)) {
      title = k;
      break;
    }
  }
  for (let k = first - 1; k >= 0 && title < 0; k--) if (titleLike(k)) title = k;
  if (title >= 0) items[title]!.block.role = 'title';
  const titleText = title >= 0 ? items[title]!.key : null;

  // Length of the run of short lines each block belongs to, measured before
  // anything is removed so that every line of one menu gets the same rule.
  const runLength: number[] = new Array(items.length).fill(1);
  for (let a = 0; a < items.length; ) {
    let b = a;
    if (!items[a]!.prose) while (b + 1 < items.length && !items[b + 1]!.prose) b++;
    for (let k = a; k <= b; k++) runLength[k] = b - a + 1;
    a = b + 1;
  }
  const shortRun = (k: number) => runLength[k]!;

  for (let k = 0; k < first; k++) {
    const it = items[k]!;
    if (k === title || (titleText !== null && it.key === titleText)) continue;
    if (bylines.has(k)) continue;
    if (k > title && title >= 0 && it.sentence) continue; // standfirst between title and text
    if (it.prose && options.keepOutsideProse) continue;
    // A lead paragraph that an image or a byline cut off from the text, in the same section of the dump.
    if (it.prose && it.section !== null && it.section === items[first]!.section) continue;
    if (DOMAIN.test(it.block.text)) ctx.remove(it, siteName, 'bare domain name outside the article');
    else if (SEPARATED.test(it.block.text) && it.f.words <= siteHeader.gates.text.maxWords && !it.prose) {
      ctx.remove(it, siteHeader, 'site name and tagline line before the article title');
    } else if (it.prose) ctx.propose(it, outsideMain, 'prose paragraph before the main text, separated from it by non-prose lines');
    else if (shortRun(k) >= navigation.gates.text.minRun) ctx.propose(it, navigation, 'run of short lines before the article title (menu or navigation)');
    else ctx.propose(it, beforeMain, 'short non-sentence line before the article title');
  }

  // Inside a listing, sections of short lines are its entries, not boxes set into a text.
  if (!isListing && !inCards) linkSections(ctx, items, first, last);

  let attached = true;
  for (let k = last + 1; k < items.length; k++) {
    const it = items[k]!;
    attached &&= it.sentence;
    if (attached) continue; // a bio or closing sentence that runs on from the text
    if (it.prose && options.keepOutsideProse) continue;
    if (DOMAIN.test(it.block.text)) ctx.remove(it, siteName, 'bare domain name outside the article');
    else if (it.prose) ctx.propose(it, outsideMain, 'prose paragraph after the main text, separated from it by non-prose lines');
    else if (shortRun(k) >= navigation.gates.text.minRun) ctx.propose(it, navigation, 'run of short lines after the end of the article (menu, footer or link list)');
    else ctx.propose(it, afterMain, 'short non-sentence line after the end of the article');
  }
  return { first: items[first]!.block.i, last: items[last]!.block.i, title: title >= 0 ? items[title]!.block.i : null, listing: isListing, cards: inCards };
}

/**
 * Inside the main text, a section of the dump (see sections.ts) made only of
 * short non-prose lines is a box the page set into the article: a share bar,
 * a category list, "Most popular" links. Headings are one-line sections and
 * stay; a list that belongs to the text usually shares its section with the
 * sentence that introduces it, so it stays too.
 */
export function linkSections(ctx: RuleContext, items: Item[], first: number, last: number): void {
  const bySection = new Map<number, Item[]>();
  for (const it of items) {
    if (it.section === null) continue;
    const section = bySection.get(it.section);
    if (section) section.push(it);
    else bySection.set(it.section, [it]);
  }
  for (let k = first; k <= last; k++) {
    const it = items[k]!;
    if (it.prose || it.section === null || it.block.removed) continue;
    const section = bySection.get(it.section)!;
    if (section.length < linkSection.gates.text.minLines || section.some((s) => s.prose)) continue;
    // Data the article lists (ingredients, specifications, "Key: value" facts) has quantities or labels on most lines; links have neither.
    if (section.filter((s) => DATA_LINE.test(s.block.text)).length >= section.length * linkSection.gates.text.dataShare) continue;
    ctx.propose(it, linkSection, `section of ${section.length} short lines without a sentence inside the main text (a box set into the article)`);
  }
}
