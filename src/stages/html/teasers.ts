import type { AnyNode, Element } from 'domhandler';
import type { BlockInfo } from './main-content.js';
import { shapeOf } from './dom.js';
import { RULES } from '../../rules/registry.js';

/**
 * Teaser lists: the "more stories" of a page, whatever their class names say.
 * A teaser list is a run of sibling elements of one shape (tag and classes),
 * each a short item led by a link (a headline, sometimes with a one-sentence
 * summary, a date, a picture). The signal is structure: repetition, link
 * share, length; no word list.
 */

// The thresholds are the rule's gates (src/rules/html-only.ts): siblings of one shape that make
// a list and the share of them that must be teasers; a teaser's words in all, per block and outside
// its links; its headline link's words and the share of its characters inside links; the summary's
// words; the share of a block's characters inside links that makes it a headline link.
const {
  minItems: MIN_ITEMS, itemShare: ITEM_SHARE, itemMaxWords: MAX_ITEM_WORDS, blockMaxWords: MAX_BLOCK_WORDS, plainMaxWords: MAX_PLAIN_WORDS,
  headlineMinWords: MIN_LINK_WORDS, minLinkShare: MIN_LINK_SHARE, summaryMinWords: MIN_SUMMARY_WORDS, headlineLinkShare: HEADLINE_LINK_SHARE,
  articleParagraphs: ARTICLE_PARAGRAPHS, articleParagraphWords: ARTICLE_PARAGRAPH_WORDS, articleWords: ARTICLE_WORDS, articleShare: ARTICLE_SHARE,
} = RULES.teaserList.gates.html;

/** Elements that hold the items of a list (not paragraphs or headings, whose children are inline). */
const ITEM_TAGS = new Set(['li', 'article', 'div', 'section', 'dd', 'dt', 'a', 'figure', 'tr']);

export interface TeaserList {
  /** The parent of the items. */
  parent: Element;
  items: Element[];
  /** tag.class of the items, for the reason. */
  shape: string;
}

interface Stats {
  words: number;
  chars: number;
  linkChars: number;
  maxWords: number;
  blocks: number;
  /** Blocks of a few words that are mostly link text: headlines. */
  headlines: number;
  /** Blocks outside links that are a sentence or more: summaries. */
  summaries: number;
}

/**
 * Every teaser list among the blocks' elements. `infos` are the kept blocks;
 * an item's figures are those of the blocks inside it.
 */
export function findTeaserLists(infos: readonly BlockInfo[]): TeaserList[] {
  const stats = new Map<AnyNode, Stats>();
  const parents = new Set<Element>();
  for (const { block, el, f, prose, sentence } of infos) {
    const ld = block.html?.linkDensity ?? 0;
    const chars = block.text.length;
    // A block inside a link (a card whose <a> wraps its heading) is link text for the elements around that link.
    let linked = false;
    for (let node: AnyNode | null = el; node && node.type === 'tag'; node = node.parent) {
      let s = stats.get(node);
      if (!s) stats.set(node, (s = { words: 0, chars: 0, linkChars: 0, maxWords: 0, blocks: 0, headlines: 0, summaries: 0 }));
      s.blocks++;
      const link = linked || ld >= HEADLINE_LINK_SHARE;
      if (link && f.words >= MIN_LINK_WORDS) s.headlines++;
      if (!link && (prose || sentence) && f.words >= MIN_SUMMARY_WORDS) s.summaries++;
      s.words += f.words;
      s.chars += chars;
      s.linkChars += linked ? chars : chars * ld;
      if ((node as Element).name === 'a') linked = true;
      s.maxWords = Math.max(s.maxWords, f.words);
      if (node.parent && node.parent.type === 'tag') parents.add(node.parent as Element);
    }
  }
  const lists: TeaserList[] = [];
  for (const parent of parents) {
    const byShape = new Map<string, Element[]>();
    const candidates = parent.children.filter((child): child is Element => child.type === 'tag' && ITEM_TAGS.has(child.name) && stats.has(child));
    const shapeOfItem = itemShapes(candidates);
    for (const child of candidates) {
      const shape = shapeOfItem(child);
      // Pushed, not copied: a parent of 100,000 children made copying each list quadratic (bench:worst).
      const members = byShape.get(shape);
      if (members) members.push(child as Element);
      else byShape.set(shape, [child as Element]);
    }
    for (const [shape, members] of byShape) {
      if (members.length < MIN_ITEMS) continue;
      const items = members.filter((m) => isTeaser(stats.get(m)!));
      if (items.length >= MIN_ITEMS && items.length >= members.length * ITEM_SHARE) lists.push({ parent, items, shape });
    }
  }
  return lists;
}

/**
 * The shape of sibling items: their tag and the classes most siblings of that tag share. A CMS
 * adds classes of its own to each item (the post's categories and tags, its format), so that
 * two cards of one list differ by class while their common classes name the list's item.
 */
function itemShapes(siblings: readonly Element[]): (el: Element) => string {
  const byTag = new Map<string, number>();
  const classCount = new Map<string, number>();
  const classesOf = new Map<Element, string[]>();
  for (const el of siblings) {
    byTag.set(el.name, (byTag.get(el.name) ?? 0) + 1);
    const classes = [...new Set(shapeOf(el).split('.').slice(1))];
    classesOf.set(el, classes);
    for (const c of classes) classCount.set(`${el.name}.${c}`, (classCount.get(`${el.name}.${c}`) ?? 0) + 1);
  }
  return (el) => {
    const n = byTag.get(el.name) ?? 1;
    const shared = classesOf.get(el)!.filter((c) => (classCount.get(`${el.name}.${c}`) ?? 0) * 2 > n);
    return [el.name, ...shared].join('.');
  };
}

/**
 * A teaser: short, a headline that is a block of its own and mostly a link (a
 * linked <h3>, a title <div> in a card link) and a summary that is a sentence
 * outside the link. A list of bare links is a link list (rule link-list), a
 * grid of product names and prices is a catalogue: neither has summaries.
 */
function isTeaser(s: Stats): boolean {
  if (s.words > MAX_ITEM_WORDS || s.maxWords > MAX_BLOCK_WORDS || !s.chars || !s.headlines || !s.summaries) return false;
  const linkShare = s.linkChars / s.chars;
  return linkShare >= MIN_LINK_SHARE && s.words * (1 - linkShare) <= MAX_PLAIN_WORDS;
}

/** The teaser list item that holds `el`, if any. */
export function teaserOf(el: Element, items: ReadonlyMap<Element, TeaserList>): TeaserList | undefined {
  for (let node: AnyNode | null = el; node && node.type === 'tag'; node = node.parent) {
    const list = items.get(node as Element);
    if (list) return list;
  }
  return undefined;
}

// The page has an article whose teasers can go when, outside teaser lists and boilerplate groups,
// it holds `articleParagraphs` paragraphs of `articleParagraphWords` words, `articleWords` in all,
// and at least `articleShare` of the words of the longest teaser list: a listing page's content is
// one long list that outweighs any intro many times; after an article, a list rarely holds more
// than three times its length (a rail beside a short article may hold several such lists).

/**
 * Whether `articleParagraphs` of the paragraphs stand together, under one parent or grandparent:
 * an article's paragraphs do, while the long blocks a listing page holds outside its teasers (a
 * consent banner's text, an item the list's shape missed) lie each in a widget of its own.
 */
function sideBySide(paragraphs: readonly BlockInfo[]): boolean {
  const together = new Map<AnyNode, number>();
  for (const { el } of paragraphs) {
    const parent = el.parent;
    const containers = new Set([parent, parent?.parent]);
    for (const node of containers) {
      if (!node || node.type !== 'tag') continue;
      const n = (together.get(node) ?? 0) + 1;
      if (n >= ARTICLE_PARAGRAPHS) return true;
      together.set(node, n);
    }
  }
  return false;
}

/**
 * The teaser items of a page that has an article of its own (item element →
 * its list), empty on a listing page, whose teasers are its content.
 * `inGroup` tells blocks of boilerplate groups, which are no article text.
 */
export function articleTeasers(infos: readonly BlockInfo[], inGroup: (el: Element) => boolean): Map<Element, TeaserList> {
  const teasers = new Map<Element, TeaserList>();
  for (const list of findTeaserLists(infos)) for (const item of list.items) teasers.set(item, list);
  if (!teasers.size) return teasers;
  const article = infos.filter((i) => i.prose && i.f.words >= ARTICLE_PARAGRAPH_WORDS && !teaserOf(i.el, teasers) && !inGroup(i.el));
  const articleWords = article.reduce((n, i) => n + i.f.words, 0);
  const listWords = new Map<TeaserList, number>();
  for (const i of infos) {
    const list = teaserOf(i.el, teasers);
    if (list) listWords.set(list, (listWords.get(list) ?? 0) + i.f.words);
  }
  const longest = Math.max(0, ...listWords.values());
  if (!sideBySide(article) || articleWords < Math.max(ARTICLE_WORDS, longest * ARTICLE_SHARE)) teasers.clear();
  return teasers;
}
