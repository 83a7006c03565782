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
function inRepeatedCard(el: Element, box: Element, kept: readonly BlockInfo[]): boolean {
  for (let node = el.parent; node && node.type === 'tag' && node !== box; node = node.parent) {
    const card = node as Element;
    const shape = shapeOf(card);
    const siblings = (card.parent?.children ?? []).filter((s): s is Element => s !== card && s.type === 'tag' && shapeOf(s as Element) === shape);
    if (siblings.some((s) => kept.some((i) => isInside(i.el, s)))) return true;
  }
  return false;
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
  const authors = [...metaAuthors, ...bylineAuthors(doc, infos, main)];
  const kept = infos.filter((i) => !i.block.removed);
  const isLong = (i: BlockInfo) => i.prose && i.f.words >= LONG_WORDS;
  const wordsIn = (node: AnyNode) => kept.reduce((n, i) => n + (isInside(i.el, node) ? i.f.words : 0), 0);
  const done = new Set<AnyNode>();
  for (let k = 0; k < kept.length; k++) {
    const info = kept[k]!;
    if (info.f.words < BLURB_WORDS || info.block.removed) continue;
    // The largest box around this blurb, under main, that presents a person and stays small.
    let box: Element | null = null;
    let node: AnyNode | null = info.el.parent;
    for (let level = 0; level < maxLevels && node && node.type === 'tag' && node !== main && !isInside(main, node); level++, node = node.parent) {
      if (wordsIn(node) > maxWords) break;
      if (presentsPerson(node as Element, authors)) box = node as Element;
    }
    if (!box || done.has(box)) continue;
    done.add(box);
    // A blurb inside one of several same-shaped cards (a "how it works" row of icon, title and line) is a
    // feature list, not a bio: a bio box holds one person, so nothing between the blurb and the box repeats.
    if (inRepeatedCard(info.el, box, kept)) continue;
    // One box on the page: a shape that repeats in the kept text is a thread's posts (a forum's last
    // post, avatar and all). A copy whose text went already (the mobile layout's, hidden) is no post.
    const shape = shapeOf(box);
    let same = 0;
    someDescendant(root, (n) => shapeOf(n) === shape && (n === box || kept.some((i) => !i.block.removed && isInside(i.el, n))) && ++same > 1);
    if (same > 1) continue;
    const inBox = kept.filter((i) => isInside(i.el, box!));
    const first = kept.indexOf(inBox[0]!);
    const last = kept.indexOf(inBox[inBox.length - 1]!);
    // After the article: no long paragraph follows the box, and the article's long prose before it outweighs it.
    if (kept.slice(last + 1).some(isLong)) continue;
    const before = kept.slice(0, first).filter((i) => isLong(i) && isInside(i.el, main)).reduce((n, i) => n + i.f.words, 0);
    const words = inBox.reduce((n, i) => n + i.f.words, 0);
    if (!before || words > before * maxShare) continue;
    for (const i of inBox) {
      doc.remove(i.block, { stage: 'html-boilerplate', rule: R.personBox.id, reason: `a ${words}-word box presenting a person after the article: an author bio` });
    }
  }
}
