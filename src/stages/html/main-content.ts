import type { Block, HtmlNode } from '../../model/block.js';

/** Elements that can hold an article; a single paragraph or list item cannot. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'td', 'form', 'center', 'span', 'font', 'dd', 'details', 'body']);

export interface MainContent {
  /** The element holding the article, or null when the page's prose is too scattered to tell. */
  container: HtmlNode | null;
  /** Prose weight under each element id. */
  weight: Map<number, number>;
  total: number;
}

/**
 * The main content is the element that holds most of the page's prose:
 * the deepest element with at least `share` of the prose weight, then
 * widened to its parent while the parent adds a substantial amount of
 * prose of its own (an intro and a body in sibling elements). `weightOf`
 * scores a block (0 for non-prose); `excluded` blocks (inside boilerplate
 * elements) count for nothing.
 */
export function findMainContent(
  blocks: readonly Block[],
  weightOf: (block: Block) => number,
  options: { share: number; widen: number },
): MainContent {
  const weight = new Map<number, number>();
  const nodes = new Map<number, HtmlNode>();
  const parent = new Map<number, number | null>();
  let total = 0;
  for (const block of blocks) {
    const w = weightOf(block);
    const ancestors = block.html?.ancestors ?? [];
    ancestors.forEach((node, k) => {
      if (!nodes.has(node.id)) {
        nodes.set(node.id, node);
        parent.set(node.id, k > 0 ? ancestors[k - 1]!.id : null);
      }
      if (w) weight.set(node.id, (weight.get(node.id) ?? 0) + w);
    });
    total += w;
  }
  if (!total) return { container: null, weight, total };

  let best: HtmlNode | null = null;
  let bestDepth = -1;
  const depth = (id: number) => {
    let d = 0;
    for (let p = parent.get(id); p != null; p = parent.get(p)) d++;
    return d;
  };
  for (const [id, w] of weight) {
    if (w < total * options.share || !CONTAINERS.has(nodes.get(id)!.tag)) continue;
    const d = depth(id);
    if (d > bestDepth || (d === bestDepth && best && id < best.id)) {
      best = nodes.get(id)!;
      bestDepth = d;
    }
  }
  // Widen to the nearest ancestor that adds enough prose of its own
  // (wrappers that add nothing are skipped over, not a reason to stop).
  for (let grew = true; best && grew; ) {
    grew = false;
    const own = weight.get(best.id) ?? 0;
    for (let up = parent.get(best.id); up != null; up = parent.get(up)) {
      if ((weight.get(up) ?? 0) >= own * (1 + options.widen)) {
        best = nodes.get(up)!;
        grew = true;
        break;
      }
    }
  }
  // Prose spread over the whole body: no element to cut around.
  if (best && total >= (weight.get(best.id) ?? 0) * (1 + options.widen)) best = null;
  return { container: best, weight, total };
}

/** Whether a block sits inside an element. */
export const isInside = (block: Block, node: HtmlNode): boolean => block.html?.ancestors.some((a) => a.id === node.id) ?? false;
