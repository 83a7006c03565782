import type { AnyNode, Element } from 'domhandler';
import type { Block } from '../../model/block.js';
import type { BlockView } from '../../model/block-view.js';
import { comparable } from '../../text/normalize-text.js';
import { shapeOf } from './dom.js';

/**
 * The block scorer's inputs (scorer.ts): what segmentation and the structure
 * rules already know of a block, as numbers. The same function serves the
 * stage and the training script (scripts/train-scorer.js), so that a model is
 * trained on exactly the numbers it is evaluated on. No class or id words:
 * they would teach the model the sites it was trained on.
 */

/**
 * What the structure rules of html-boilerplate's block loop decided: `kept`,
 * one of the structural removals the scorer may overrule, or `other` (removed
 * by a rule with provenance words, or before the stage: not the scorer's).
 */
export type LoopDecision = 'kept' | 'outside-main' | 'link-list' | 'teaser-list' | 'other';

export const STRUCTURAL: ReadonlySet<LoopDecision> = new Set(['outside-main', 'link-list', 'teaser-list']);

export interface ScorerInput {
  block: Block;
  el: Element;
  view: BlockView;
  decision: LoopDecision;
}

const KINDS = ['paragraph', 'heading', 'list-item', 'table-row', 'quote', 'code', 'caption', 'text'] as const;
const ANCESTOR_TAGS = ['article', 'main', 'li', 'table', 'a', 'aside', 'header', 'footer', 'form', 'section'] as const;

/** Feature names, in the order of the vectors (the model JSON stores them, and the stage checks them). */
export const FEATURE_NAMES: readonly string[] = [
  'log-words', 'log-chars', 'link-density', 'prose', 'headline', 'sentence', 'stop-density', 'ends-sentence', 'ends-period',
  'log-sentences', 'capitalized', 'digits', 'has-separators', 'ends-colon', 'unspaced', 'heading-level',
  ...KINDS.map((k) => `kind:${k}`),
  'decision:outside-main', 'decision:link-list', 'decision:teaser-list',
  'log-depth', 'position', 'before-first-kept', 'after-last-kept', 'log-distance-to-kept',
  ...ANCESTOR_TAGS.map((t) => `inside:${t}`),
  'log-same-shape-siblings', 'log-parent-same-shape-siblings',
  'parent-link-density', 'parent-log-blocks', 'parent-words-per-block', 'parent-prose-share',
  'grandparent-link-density', 'grandparent-log-blocks', 'grandparent-words-per-block', 'grandparent-prose-share',
  'share-of-kept-text', 'prev-prose', 'next-prose', 'prev-same-decision', 'next-same-decision', 'matches-title',
];

interface Sums {
  blocks: number;
  words: number;
  chars: number;
  linkChars: number;
  prose: number;
}

/** Sums over the blocks inside every element (the text density of the subtree). */
function subtreeSums(inputs: readonly ScorerInput[]): Map<AnyNode, Sums> {
  const sums = new Map<AnyNode, Sums>();
  for (const { block, el, view } of inputs) {
    const ld = block.html?.linkDensity ?? 0;
    for (let node: AnyNode | null = el; node; node = node.parent) {
      let s = sums.get(node);
      if (!s) sums.set(node, (s = { blocks: 0, words: 0, chars: 0, linkChars: 0, prose: 0 }));
      s.blocks++;
      s.words += view.f.words;
      s.chars += view.f.chars;
      s.linkChars += view.f.chars * ld;
      if (view.prose) s.prose++;
    }
  }
  return sums;
}

/** Siblings of `el` (itself included) of its shape, tag and classes; counted once per parent (a page may have long flat lists). */
function sameShape(el: AnyNode | null, counts: Map<AnyNode, Map<string, number>>, shapes: Map<Element, string>): number {
  if (!el || el.type !== 'tag' || !el.parent) return 0;
  const shape = (e: Element) => {
    let s = shapes.get(e);
    if (s === undefined) shapes.set(e, (s = shapeOf(e)));
    return s;
  };
  let byShape = counts.get(el.parent);
  if (!byShape) {
    counts.set(el.parent, (byShape = new Map()));
    for (const c of el.parent.children) if (c.type === 'tag') byShape.set(shape(c as Element), (byShape.get(shape(c as Element)) ?? 0) + 1);
  }
  return byShape.get(shape(el as Element)) ?? 0;
}

const log = (x: number) => Math.log1p(Math.max(0, x));

/** One feature vector per input, in FEATURE_NAMES order. */
export function scorerFeatures(inputs: readonly ScorerInput[], title: string | null): number[][] {
  const sums = subtreeSums(inputs.filter((x) => x.decision !== 'other'));
  const shapes = new Map<Element, string>();
  const counts = new Map<AnyNode, Map<string, number>>();
  const keptIdx = inputs.flatMap((x, k) => (x.decision === 'kept' ? [k] : []));
  const firstKept = keptIdx[0] ?? -1;
  const lastKept = keptIdx.at(-1) ?? -1;
  const keptChars = inputs.reduce((n, x) => n + (x.decision === 'kept' ? x.view.f.chars : 0), 0);
  const titleKey = title ? comparable(title) : '';
  // Distance (in blocks) to the nearest kept block, both directions, in one pass each.
  const distance = new Array<number>(inputs.length).fill(inputs.length);
  for (let k = 0, last = -Infinity; k < inputs.length; k++) {
    if (inputs[k]!.decision === 'kept') last = k;
    distance[k] = Math.min(distance[k]!, k - last);
  }
  for (let k = inputs.length - 1, next = Infinity; k >= 0; k--) {
    if (inputs[k]!.decision === 'kept') next = k;
    distance[k] = Math.min(distance[k]!, next - k);
  }
  const density = (node: AnyNode | null | undefined): number[] => {
    const s = node ? sums.get(node) : undefined;
    if (!s) return [0, 0, 0, 0];
    return [s.chars ? s.linkChars / s.chars : 0, log(s.blocks), log(s.words / s.blocks), s.prose / s.blocks];
  };
  return inputs.map((x, k) => {
    const { block, el, view, decision } = x;
    const { f } = view;
    const inside = new Set<string>();
    let depth = 0;
    for (let node: AnyNode | null = el.parent; node && node.type === 'tag'; node = node.parent) {
      depth++;
      inside.add((node as Element).name);
    }
    const prev = inputs[k - 1];
    const next = inputs[k + 1];
    const key = view.key;
    return [
      log(f.words), log(f.chars), block.html?.linkDensity ?? 0, +view.prose, +view.headline, +view.sentence, f.stopDensity, +f.endsSentence, +f.endsPeriod,
      log(f.sentences), f.capitalized, f.digits, +(f.separators > 0), +f.endsColon, +f.unspaced, block.kind === 'heading' ? (block.level ?? 6) / 6 : 0,
      ...KINDS.map((kind) => +(block.kind === kind)),
      +(decision === 'outside-main'), +(decision === 'link-list'), +(decision === 'teaser-list'),
      log(depth), inputs.length > 1 ? k / (inputs.length - 1) : 0, +(firstKept >= 0 && k < firstKept), +(lastKept >= 0 && k > lastKept), log(distance[k]!),
      ...ANCESTOR_TAGS.map((t) => +(inside.has(t) || (t === 'a' && el.name === 'a'))),
      log(sameShape(el, counts, shapes)), log(sameShape(el.parent, counts, shapes)),
      ...density(el.parent), ...density(el.parent?.parent),
      keptChars ? Math.min(1, f.chars / keptChars) : 0, +!!prev?.view.prose, +!!next?.view.prose,
      +(prev?.decision === decision), +(next?.decision === decision),
      +(key.length >= 8 && titleKey.includes(key)),
    ];
  });
}
