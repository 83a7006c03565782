import type { AnyNode, Element } from 'domhandler';
import type { DocumentContext } from '../../model/document.js';
import { RULES } from '../../rules/registry.js';
import { parseByline } from '../meta/byline.js';
import { isInside, shapeOf, someDescendant, textOf } from './dom.js';
import type { BlockInfo } from './main-content.js';

const R = RULES;

/** Words of a paragraph that counts as the article's running text. */
const LONG_WORDS = 25;
/** Words a person's name may have (a link or heading naming the avatar). */
const NAME_MAX_WORDS = 5;
/** Words of the blurb a box must hold (a bio reads as a sentence or two, though often not as "prose"). */
const BLURB_WORDS = 12;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether `el` presents a person: author/Person markup (itemprop=author, a
 * schema.org Person item, rel=author), or an avatar — an <img> whose alt text
 * starts with the text of a link or heading in the same box (the person's
 * name), or the page's own author name (meta name=author) as the whole text of
 * an element of the box. Structure, not wording: no "about the author" words.
 */
function presentsPerson(el: Element, authors: readonly string[]): boolean {
  const marked = (n: Element) =>
    n.attribs.itemprop === 'author' || /schema\.org\/Person$/i.test(n.attribs.itemtype ?? '') || (n.name === 'a' && (n.attribs.rel ?? '').split(/\s+/).includes('author'));
  if (marked(el) || someDescendant(el, marked)) return true;
  const names: string[] = [];
  const alts: string[] = [];
  const visit = (n: Element) => {
    if (n.name === 'img' && n.attribs.alt && norm(n.attribs.alt).length >= 3) alts.push(norm(n.attribs.alt));
    if (n.name === 'a' || /^h[1-6]$/.test(n.name) || authors.length) {
      const text = norm(textOf(n));
      const words = text ? text.split(' ').length : 0;
      if (words >= 1 && words <= NAME_MAX_WORDS && text.length >= 3) {
        if (authors.includes(text)) return true;
        if (n.name === 'a' || /^h[1-6]$/.test(n.name)) names.push(text);
      }
    }
    return false;
  };
  if (visit(el) || someDescendant(el, visit)) return true;
  return alts.some((alt) => names.some((name) => alt === name || alt.startsWith(`${name} `)));
}

/** Bylines a block reads as, at most: a name and a date with a few words around them. */
const BYLINE_WORDS = 14;
/** How many blocks above the article's first long paragraph its byline may stand. */
const BYLINE_REACH = 20;

/**
 * The authors the page's own byline names: the short blocks before the
 * article's first long paragraph that the byline reader takes for "By Name"
 * (kept or not: the byline often lies outside the main content). A box after the article that names
 * the same person, without an avatar or markup, presents the author.
 */
function bylineAuthors(doc: DocumentContext, infos: readonly BlockInfo[], main: Element): string[] {
  const authors: string[] = [];
  const first = infos.findIndex((i) => i.prose && i.f.words >= LONG_WORDS && isInside(i.el, main));
  if (first < 0) return authors;
  // The byline stands near the article's title, right above its text: reading every short block
  // of a long page for dates (the byline reader's costly part) would buy nothing.
  for (const info of infos.slice(Math.max(0, first - BYLINE_REACH), first)) {
    if (info.f.words > BYLINE_WORDS || info.block.kind === 'heading') continue;
    const author = parseByline(info.block.text, doc.data.meta.lang)?.author;
    if (author) authors.push(norm(author));
  }
  return authors;
}

/**
 * Whether an element between `el` (excluded) and `box` (excluded) has a
 * sibling of the same shape that holds kept text too: `el` sits in one card of
 * a row of cards.
 */
function inRepeatedCard(el: Element, box: Element, holdsKept: (n: AnyNode) => boolean): boolean {
  for (let node = el.parent; node && node.type === 'tag' && node !== box; node = node.parent) {
    const card = node as Element;
    const shape = shapeOf(card);
    for (const s of card.parent?.children ?? []) if (s !== card && s.type === 'tag' && holdsKept(s) && shapeOf(s as Element) === shape) return true;
  }
  return false;
}

/** Adds `n` for `el` and every ancestor of it to `counts`. */
function addUp(counts: Map<AnyNode, number>, el: AnyNode, n: number): void {
  for (let node: AnyNode | null = el; node; node = node.parent) counts.set(node, (counts.get(node) ?? 0) + n);
}

/**
 * Author bios: a small box after the article's last long paragraph that
 * presents a person and holds a short blurb. Its size is bounded in words and
 * against the article before it, so an article about a person (a profile, an
 * obituary) never goes: it holds more text than the box may, and the text
 * after a box keeps it.
 */
export function removePersonBoxes(doc: DocumentContext, infos: readonly BlockInfo[], main: Element, root: Element, metaAuthors: readonly string[]): void {
  const { maxWords, maxShare, maxLevels } = R.personBox.gates.html;
  const authors = [...metaAuthors.map(norm), ...bylineAuthors(doc, infos, main)];
  const kept = infos.filter((i) => !i.block.removed);
  const isLong = (i: BlockInfo) => i.prose && i.f.words >= LONG_WORDS;
  // Counted once for every element (a page has thousands of blocks; asking each box about each
  // block was quadratic): the kept words and blocks below it, the blocks still kept as bios go,
  // and the article's long words before each block.
  const words = new Map<AnyNode, number>();
  const blocks = new Map<AnyNode, number>();
  const live = new Map<AnyNode, number>();
  const longBefore: number[] = [0];
  kept.forEach((i, k) => {
    addUp(words, i.el, i.f.words);
    addUp(blocks, i.el, 1);
    addUp(live, i.el, 1);
    longBefore.push(longBefore[k]! + (isLong(i) && isInside(i.el, main) ? i.f.words : 0));
  });
  const lastLong = kept.findLastIndex(isLong);
  const holdsKept = (n: AnyNode) => (blocks.get(n) ?? 0) > 0;
  // Elements by shape, made at the first box found: a box's shape must not repeat in the kept text.
  let byShape: Map<string, Element[]> | undefined;
  const shapes = () => {
    if (byShape) return byShape;
    byShape = new Map();
    someDescendant(root, (n) => {
      const shape = shapeOf(n);
      const same = byShape!.get(shape);
      if (same) same.push(n);
      else byShape!.set(shape, [n]);
      return false;
    });
    return byShape;
  };
  const done = new Set<AnyNode>();
  for (let k = 0; k < kept.length; k++) {
    const info = kept[k]!;
    if (info.f.words < BLURB_WORDS || info.block.removed) continue;
    // The largest box around this blurb, under main, that presents a person and stays small.
    let box: Element | null = null;
    let node: AnyNode | null = info.el.parent;
    for (let level = 0; level < maxLevels && node && node.type === 'tag' && node !== main && !isInside(main, node); level++, node = node.parent) {
      if ((words.get(node) ?? 0) > maxWords) break;
      if (presentsPerson(node as Element, authors)) box = node as Element;
    }
    if (!box || done.has(box)) continue;
    done.add(box);
    // A blurb inside one of several same-shaped cards (a "how it works" row of icon, title and line) is a
    // feature list, not a bio: a bio box holds one person, so nothing between the blurb and the box repeats.
    if (inRepeatedCard(info.el, box, holdsKept)) continue;
    // One box on the page: a shape that repeats in the kept text is a thread's posts (a forum's last
    // post, avatar and all). A copy whose text went already (the mobile layout's, hidden) is no post.
    const copies = (shapes().get(shapeOf(box)) ?? []).filter((n) => n === box || (live.get(n) ?? 0) > 0);
    if (copies.length > 1) continue;
    // The box's blocks lie together in document order, around the blurb.
    let first = k;
    let last = k;
    while (first > 0 && isInside(kept[first - 1]!.el, box)) first--;
    while (last + 1 < kept.length && isInside(kept[last + 1]!.el, box)) last++;
    // After the article: no long paragraph follows the box, and the article's long prose before it outweighs it.
    if (lastLong > last) continue;
    const before = longBefore[first]!;
    const inBox = kept.slice(first, last + 1);
    const boxWords = inBox.reduce((n, i) => n + i.f.words, 0);
    if (!before || boxWords > before * maxShare) continue;
    for (const i of inBox) {
      if (doc.remove(i.block, { stage: 'html-boilerplate', rule: R.personBox.id, reason: `a ${boxWords}-word box presenting a person after the article: an author bio` })) addUp(live, i.el, -1);
    }
  }
}
