import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { PageFacts } from './page-facts.js';

/**
 * What segmentation built for an HTML page, handed to the later HTML stages
 * (html-boilerplate, html-metadata) through the document context, so the
 * page is parsed once. It dies with the document's per-document phase.
 */
export interface PageDom {
  $: CheerioAPI;
  /** The element each block came from, by block index. */
  elements: Element[];
  /** The element the blocks were read from (body, html, or the document when the page has neither). */
  root: Element;
  /** What <head> and JSON-LD say about the page, read before non-content nodes are dropped. */
  facts: PageFacts;
  /** Forms with several fields (signup, login, search, contact): their controls are dropped before segmentation. */
  forms: ReadonlySet<Element>;
}

/** Lower-cased class and id tokens of one element. */
export function ownTokens(el: Element): string[] {
  const a = el.attribs;
  if (!a) return [];
  const raw = `${a.class ?? ''} ${a.id ?? ''}`;
  return raw.trim() ? raw.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

const TOKEN = /\S+/;

/** The first of ownTokens(el), without splitting the rest (every block's DOM path names its elements by it). */
export function firstToken(el: Element): string | undefined {
  const a = el.attribs;
  if (!a) return undefined;
  return TOKEN.exec(`${a.class ?? ''} ${a.id ?? ''}`)?.[0].toLowerCase();
}

/** Tag and classes (digits dropped: item-1, item-2 are one shape) of an element: what makes siblings items of one list. */
export function shapeOf(el: Element): string {
  const classes = (el.attribs.class ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((c) => c.replace(/\d+/g, ''))
    .filter(Boolean)
    .sort();
  return [el.name, ...new Set(classes)].join('.');
}

/** Ancestors of an element, nearest first, up to (not including) the root. */
export function* ancestors(el: AnyNode): Generator<Element> {
  for (let node = el.parent; node && node.type === 'tag'; node = node.parent) yield node as Element;
}

/** Whether `el` is `container` or lies inside it. */
export function isInside(el: AnyNode, container: AnyNode): boolean {
  for (let node: AnyNode | null = el; node; node = node.parent) if (node === container) return true;
  return false;
}

/** Whether some element below `el` passes `test` (an iterative walk: pages nest deeply). */
export function someDescendant(el: AnyNode, test: (n: Element) => boolean): boolean {
  const stack: AnyNode[] = 'children' in el ? [...(el as Element).children] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    if (test(node as Element)) return true;
    for (const child of (node as Element).children) stack.push(child);
  }
  return false;
}

/** Elements in domhandler's sense: <script> and <style> have node types of their own. */
export const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/**
 * Visits the elements below `root` in document order, as a selector query
 * finds them (css-select walks elements only), until `visit` returns true.
 * One walk can then stand for several `$(selector)` queries, each of which
 * walks the whole page.
 */
export function walkElements(root: AnyNode, visit: (el: Element) => boolean | void): void {
  const stack: AnyNode[] = [];
  const push = (children: AnyNode[]) => {
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  };
  if ('children' in root) push((root as Element).children);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node)) return;
    push(node.children);
  }
}

/** The first element below `root` (document order) that passes `test`, as `$(selector).get(0)` finds it. */
export function firstElement(root: AnyNode, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walkElements(root, (el) => (test(el) ? ((found = el), true) : false));
  return found;
}

/** `[name~="word"]` for an attribute HTML compares without case (`rel`): the attribute holds the word among its space-separated ones. */
export const hasWord = (value: string | undefined, word: string): boolean =>
  value != null && value.toLowerCase().split(/\s+/).includes(word);

/** The text of a subtree, in document order (cheerio's .text() recurses once per level). */
export function textOf(el: AnyNode): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if ('children' in node) {
      const children = (node as Element).children;
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    }
  }
  return out;
}

/**
 * Browsers stop nesting at a fixed depth (Chromium's parser: 512): deeper
 * elements become siblings at that depth. unboil does the same after
 * parsing, so that every walk up or down the tree is bounded and 100,000
 * nested tags can neither overflow a stack nor make a walk quadratic. The
 * subtree below the limit is flattened in document order, so no text is lost.
 */
export const MAX_DEPTH = 512;

const TAG_START = /<[a-zA-Z!/?]/g;

/**
 * Blanks (with spaces, offsets kept) a tag left open at the end of the page:
 * `<div class="a` or `<!the rest` with no `>` after it. Browsers drop it
 * (eof-in-tag, a bogus comment to the end); htmlparser2 emits it as text,
 * which put literal markup in the clean text (found by the fuzzer).
 */
export function blankUnterminatedTail(html: string): string {
  TAG_START.lastIndex = html.lastIndexOf('>') + 1;
  const open = TAG_START.exec(html);
  return open ? html.slice(0, open.index) + ' '.repeat(html.length - open.index) : html;
}

/** Elements that do not nest: void, or closed by the next of their kind or by a block (`<p>`, `<li>`, cells). */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
]);
/** A start or end tag; after the name, a space or slash before any attribute (so the name cannot backtrack into them). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[\s/][^<>]*)?>/g;

/**
 * Blanks (with spaces, so every source offset stays the same) the tags that
 * open or close elements nested deeper than `maxDepth`, before parsing.
 * htmlparser2 keeps its open-element stack with unshift/shift, which costs
 * the depth at every tag: 100,000 nested divs took 15 s per MB and grew with
 * the square of the size. Those elements would be flattened at MAX_DEPTH
 * anyway; their text stays, in the deepest element kept. The depth is
 * counted from the tags alone (elements that do not nest aside), which is
 * enough to bound the parser's stack.
 */
export function blankDeepTags(html: string, maxDepth = MAX_DEPTH * 2): string {
  // Nearly every page nests far less: find that out without building a copy of it.
  if (!nestsDeeper(html, maxDepth)) return html;
  let depth = 0;
  let blanked = false;
  const out = html.replace(TAG, (tag, close: string, name: string) => {
    const lower = name.toLowerCase();
    if (NOT_NESTING.has(lower) || tag.endsWith('/>')) return tag;
    if (close) {
      const deep = depth > maxDepth;
      depth = Math.max(0, depth - 1);
      if (!deep) return tag;
    } else if (++depth <= maxDepth) return tag;
    blanked = true;
    return ' '.repeat(tag.length);
  });
  return blanked ? out : html;
}

/** Whether the tags open elements deeper than `maxDepth` (counted as blankDeepTags counts). */
function nestsDeeper(html: string, maxDepth: number): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (NOT_NESTING.has(m[2]!.toLowerCase()) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) return true;
  }
  return false;
}

export function flattenDeepNesting(root: AnyNode, maxDepth = MAX_DEPTH): number {
  let flattened = 0;
  // Nodes and their depths side by side: no pair allocated per node of the page.
  const stack: AnyNode[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    if (!('children' in node)) continue;
    const el = node as Element;
    if (depth < maxDepth) {
      for (const child of el.children) if ('children' in child) stack.push(child), depths.push(depth + 1);
      continue;
    }
    if (!el.children.some((c) => 'children' in c && (c as Element).children.length)) continue;
    // Every node below `el`, in document order, becomes a direct child of it.
    const flat: AnyNode[] = [];
    const walk: AnyNode[] = [...el.children].reverse();
    while (walk.length) {
      const n = walk.pop()!;
      flat.push(n);
      if ('children' in n) {
        const kids = (n as Element).children;
        for (let k = kids.length - 1; k >= 0; k--) walk.push(kids[k]!);
        (n as Element).children = [];
      }
    }
    flat.forEach((n, k) => {
      n.parent = el;
      n.prev = flat[k - 1] ?? null;
      n.next = flat[k + 1] ?? null;
    });
    el.children = flat as Element['children'];
    flattened++;
  }
  return flattened;
}
