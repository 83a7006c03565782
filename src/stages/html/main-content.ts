import type { Block, HtmlNode } from '../../model/block.js';

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
    if (w < total * options.share) continue;
    const d = depth(id);
    if (d > bestDepth || (d === bestDepth && best && id < best.id)) {
      best = nodes.get(id)!;
      bestDepth = d;
    }
  }
  while (best) {
    const up = parent.get(best.id);
    if (up == null) break;
    const gain = (weight.get(up) ?? 0) - (weight.get(best.id) ?? 0);
    if (gain < (weight.get(best.id) ?? 0) * options.widen) break;
    best = nodes.get(up)!;
  }
  return { container: best, weight, total };
}

/** Whether a block sits inside an element. */
export const isInside = (block: Block, node: HtmlNode): boolean => block.html?.ancestors.some((a) => a.id === node.id) ?? false;
