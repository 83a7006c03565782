import type { AnyNode, Element } from 'domhandler';
import type { Block } from '../../model/block.js';
import type { BlockView } from '../../model/block-view.js';
import type { TextFeatures } from '../../text/features.js';
import { shapeOf } from './dom.js';

/** Containers the main-content search may descend into (not paragraphs, headings or list items). */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'td', 'table', 'tbody', 'tr', 'form', 'center', 'span', 'font', 'body', 'html', 'figure']);

/** How much of a container's prose one child must hold for the search to step into it. */
const DESCEND_SHARE = 0.72;
/** …and how much of its text outside links, short blocks included. */
const DESCEND_PLAIN_SHARE = 0.75;

/** Prose mass (characters of running text) beside a list that makes a long article. */
const BESIDE_ARTICLE_MASS = 1000;
/** Items of one shape needed to make a list, and the share of the list's mass the largest may hold. */
const LIST_ITEMS = 4;
const LARGEST_ITEM_SHARE = 0.4;
/** Elements an item of such a list is (a comment's <div>, <article> or <li>; not the <p>s of an article). */
const ITEM_CONTAINERS = new Set(['div', 'article', 'section', 'li']);
/** A comment is short: the median item holds at most this much prose (an article's sections hold more). */
const ITEM_MASS = 500;

/**
 * Whether `el` is (or wraps) a list of many small items of one shape, with the
 * prose spread over them: a comment thread, a forum's replies, a list of reviews.
 */
function isItemList(el: Element, mass: Map<AnyNode, number>): boolean {
  let node = el;
  for (;;) {
    const total = mass.get(node) ?? 0;
    if (!total) return false;
    const children = node.children.filter((c): c is Element => c.type === 'tag' && (mass.get(c) ?? 0) > 0);
    const top = children.reduce<Element | null>((a, c) => (!a || (mass.get(c) ?? 0) > (mass.get(a) ?? 0) ? c : a), null);
    if (!top) return false;
    // Step through wrappers (div.comments > ol.list > li…).
    if ((mass.get(top) ?? 0) >= total * 0.9) {
      node = top;
      continue;
    }
    const byShape = new Map<string, number[]>();
    for (const c of children.filter((c) => ITEM_CONTAINERS.has(c.name))) {
      const shape = shapeOf(c);
      const masses = byShape.get(shape);
      if (masses) masses.push(mass.get(c) ?? 0);
      else byShape.set(shape, [mass.get(c) ?? 0]);
    }
    return [...byShape.values()].some((ms) => {
      const sum = ms.reduce((a, b) => a + b, 0);
      const median = [...ms].sort((a, b) => a - b)[ms.length >> 1]!;
      return ms.length >= LIST_ITEMS && sum >= total * 0.8 && ms.reduce((a, b) => Math.max(a, b), 0) <= sum * LARGEST_ITEM_SHARE && median <= ITEM_MASS;
    });
  }
}

export interface BlockInfo {
  block: Block;
  el: Element;
  f: TextFeatures;
  prose: boolean;
  /** A sentence without being a paragraph (BlockView.sentence). */
  sentence: boolean;
  /** Prose weight: characters outside links, discounted for non-prose. */
  mass: number;
  /** Characters outside links, whatever the block's shape (ingredients, table cells count). */
  plain: number;
}

export function blockInfo(view: BlockView, el: Element): BlockInfo {
  const { block, f, prose, sentence } = view;
  const ld = block.html?.linkDensity ?? 0;
  const own = block.text.length * (1 - ld);
  // Headings and link lists weigh nothing: the main content is where the running text is.
  const mass = block.kind === 'heading' || ld > 0.5 ? 0 : own * (1 - ld) * (prose ? 1 : f.words >= 5 ? 0.3 : 0.05);
  return { block, el, f, prose, sentence, mass, plain: block.kind === 'heading' ? 0 : own };
}

/** Prose mass of every element: the sum over the blocks inside it. */
export function massByElement(infos: readonly BlockInfo[], skip: (el: Element) => boolean, key: 'mass' | 'plain' = 'mass'): Map<AnyNode, number> {
  const mass = new Map<AnyNode, number>();
  for (const info of infos) {
    if (!info[key]) continue;
    let excluded = false;
    for (let node: AnyNode | null = info.el; node && node.type === 'tag'; node = node.parent) {
      if (skip(node as Element)) {
        excluded = true;
        break;
      }
    }
    if (excluded) continue;
    for (let node: AnyNode | null = info.el; node; node = node.parent) mass.set(node, (mass.get(node) ?? 0) + info[key]);
  }
  return mass;
}

/**
 * The container that holds the densest prose: from the root, step into the
 * child holding most of the prose as long as it holds nearly all of it
 * (DESCEND_SHARE). Where the prose splits between several children (the
 * paragraphs of the article), that container is the main content. Boilerplate
 * groups found by selector are left out of the mass before, so a long comment
 * thread or sidebar does not pull the search away from the article.
 */
export function findMainContent(root: Element, mass: Map<AnyNode, number>, plain: Map<AnyNode, number>): Element {
  let node = root;
  for (;;) {
    const total = mass.get(node) ?? 0;
    if (!total) return node;
    let best: Element | null = null;
    let bestMass = 0;
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const m = mass.get(child) ?? 0;
      if (m > bestMass) {
        bestMass = m;
        best = child as Element;
      }
    }
    if (!best || !CONTAINERS.has(best.name) || bestMass < total * DESCEND_SHARE) return node;
    // Short blocks count too: a recipe's ingredient list beside its prose keeps the search at their common container.
    if ((plain.get(best) ?? 0) < (plain.get(node) ?? 0) * DESCEND_PLAIN_SHARE) return node;
    // A long thread of comments outweighs an article split across containers: the search does
    // not step into a list of many small items while a long article lies beside it.
    if (total - bestMass >= BESIDE_ARTICLE_MASS && isItemList(best, mass)) return node;
    node = best;
  }
}
