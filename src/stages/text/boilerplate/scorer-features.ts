import type { Block } from '../../../model/block.js';
import type { BlockView } from '../../../model/block-view.js';
import type { MainTextFacts } from './rules/main-text.js';

/**
 * The text block scorer's inputs (scorer.ts): what segmentation, the block
 * views and the rules already know of a line or paragraph of a dump, as
 * numbers. The same function serves the stage and the training script
 * (scripts/train-scorer.js --mode text), so that a model is trained on
 * exactly the numbers it is evaluated on. Line shape, position and
 * repetition only: no words, which would teach the model the sites it was
 * trained on.
 */

/**
 * What the rules of the boilerplate stage decided for a block: `kept`, one
 * of the position rules' removals the scorer may overrule, or `other`
 * (removed by a rule with provenance words, or before the stage: not the
 * scorer's).
 */
export type TextDecision = 'kept' | 'navigation' | 'before-main' | 'after-main' | 'outside-main' | 'link-section' | 'other';

/** The position rules whose removals are proposals when the scorer is on (main-text.ts). */
export const STRUCTURAL: readonly TextDecision[] = ['navigation', 'before-main', 'after-main', 'outside-main', 'link-section'];

export interface TextScorerInput {
  block: Block;
  view: BlockView;
  decision: TextDecision;
}

/** A paragraph this long is the article's body, not a lead-in or a teaser. */
const LONG_WORDS = 30;

/** Feature names, in the order of the vectors (the model JSON stores them, and the stage checks them). */
export const TEXT_FEATURE_NAMES: readonly string[] = [
  'log-words', 'log-chars', 'prose', 'headline', 'sentence', 'stop-density', 'ends-sentence', 'ends-period',
  'log-sentences', 'capitalized', 'digits', 'has-separators', 'ends-colon', 'unspaced', 'starts-lower',
  'kind:line', 'kind:paragraph', 'kind:list-item',
  ...STRUCTURAL.map((d) => `decision:${d}`),
  'position', 'in-main', 'before-main', 'after-main', 'log-distance-to-main', 'before-first-kept', 'after-last-kept', 'log-distance-to-kept',
  'is-title', 'matches-title', 'before-title', 'log-distance-to-title', 'no-title',
  'before-first-long', 'after-last-long', 'log-distance-to-first-long', 'log-distance-to-long',
  'listing', 'cards', 'page-log-blocks', 'page-kept-share', 'share-of-kept-text',
  'log-repeats', 'section-start', 'log-section-blocks', 'section-prose-share', 'section-words-per-block', 'section-kept-share', 'main-section',
  'log-short-run', 'prev-prose', 'next-prose', 'prev-kept', 'next-kept', 'prev-other', 'next-other',
  'prev-log-words', 'next-log-words', 'prev-same-decision', 'next-same-decision',
];

const log = (x: number) => Math.log1p(Math.max(0, x));

/** Distance (in blocks) from every index to the nearest index where `at` holds, both directions; `n` where none does. */
function distanceTo(n: number, at: (k: number) => boolean): number[] {
  const out = new Array<number>(n).fill(n);
  for (let k = 0, last = -Infinity; k < n; k++) {
    if (at(k)) last = k;
    out[k] = Math.min(out[k]!, k - last);
  }
  for (let k = n - 1, next = Infinity; k >= 0; k--) {
    if (at(k)) next = k;
    out[k] = Math.min(out[k]!, next - k);
  }
  return out;
}

/**
 * Whether the scorer can read the dump: it was trained on html-to-text dumps,
 * which close each container with blank lines (text/sections.ts); a text
 * without sections (hand-written, or one blank line throughout) is left to
 * the rules rather than scored on features it was never trained on.
 */
export const scorable = (inputs: readonly TextScorerInput[]): boolean => inputs.some((x) => x.view.section !== null);

/** One feature vector per input, in TEXT_FEATURE_NAMES order. Inputs are the document's blocks, in order. */
export function textScorerFeatures(inputs: readonly TextScorerInput[], facts: MainTextFacts | null): number[][] {
  const n = inputs.length;
  const kept = (k: number) => inputs[k]!.decision === 'kept';
  const decided = (k: number) => inputs[k]!.decision !== 'other';
  const long = (k: number) => kept(k) && inputs[k]!.view.prose && inputs[k]!.view.f.words >= LONG_WORDS;
  const keptIdx: number[] = [];
  const longIdx: number[] = [];
  let keptChars = 0;
  let decidedChars = 0;
  const repeats = new Map<string, number>();
  const sections = new Map<number, { blocks: number; words: number; prose: number; kept: number }>();
  inputs.forEach((x, k) => {
    if (kept(k)) {
      keptIdx.push(k);
      keptChars += x.view.f.chars;
    }
    if (long(k)) longIdx.push(k);
    if (!decided(k)) return;
    decidedChars += x.view.f.chars;
    repeats.set(x.view.key, (repeats.get(x.view.key) ?? 0) + 1);
    if (x.view.section === null) return;
    let s = sections.get(x.view.section);
    if (!s) sections.set(x.view.section, (s = { blocks: 0, words: 0, prose: 0, kept: 0 }));
    s.blocks++;
    s.words += x.view.f.words;
    if (x.view.prose) s.prose++;
    if (kept(k)) s.kept++;
  });
  const firstKept = keptIdx[0] ?? -1;
  const lastKept = keptIdx.at(-1) ?? -1;
  const firstLong = longIdx[0] ?? -1;
  const lastLong = longIdx.at(-1) ?? -1;
  const toKept = distanceTo(n, kept);
  const toLong = distanceTo(n, long);
  // Blocks are indexed by block.i; inputs are the document's blocks in order, so index k holds block k.
  const at = (i: number | null | undefined) => (i === null || i === undefined ? -1 : inputs.findIndex((x) => x.block.i === i));
  const first = at(facts?.first);
  const last = at(facts?.last);
  const title = at(facts?.title);
  const titleKey = title >= 0 ? inputs[title]!.view.key : null;
  const mainSection = first >= 0 ? inputs[first]!.view.section : null;
  // Length of the run of non-prose blocks each decided block belongs to (the menus the position rules see).
  const run = new Array<number>(n).fill(0);
  for (let a = 0; a < n; ) {
    if (!decided(a) || inputs[a]!.view.prose) {
      run[a] = decided(a) ? 1 : 0;
      a++;
      continue;
    }
    let b = a;
    while (b + 1 < n && (!decided(b + 1) || !inputs[b + 1]!.view.prose)) b++;
    let len = 0;
    for (let k = a; k <= b; k++) if (decided(k)) len++;
    for (let k = a; k <= b; k++) run[k] = len;
    a = b + 1;
  }
  const pageBlocks = log(repeats.size ? [...repeats.values()].reduce((s, v) => s + v, 0) : 0);
  const keptShare = decidedChars ? keptChars / decidedChars : 0;
  return inputs.map((x, k) => {
    const { block, view, decision } = x;
    const { f } = view;
    const prev = inputs[k - 1];
    const next = inputs[k + 1];
    const s = view.section === null ? undefined : sections.get(view.section);
    const mainDistance = first < 0 ? n : k < first ? first - k : k > last ? k - last : 0;
    return [
      log(f.words), log(f.chars), +view.prose, +view.headline, +view.sentence, f.stopDensity, +f.endsSentence, +f.endsPeriod,
      log(f.sentences), f.capitalized, f.digits, +(f.separators > 0), +f.endsColon, +f.unspaced, +/^\P{L}*\p{Ll}/u.test(block.text),
      +(block.kind === 'line'), +(block.kind === 'paragraph'), +(block.kind === 'list-item'),
      ...STRUCTURAL.map((d) => +(decision === d)),
      n > 1 ? k / (n - 1) : 0, +(first >= 0 && k >= first && k <= last), +(first >= 0 && k < first), +(first >= 0 && k > last), log(mainDistance),
      +(firstKept >= 0 && k < firstKept), +(lastKept >= 0 && k > lastKept), log(toKept[k]!),
      +(k === title), +(titleKey !== null && k !== title && view.key === titleKey), +(title >= 0 && k < title), log(title >= 0 ? Math.abs(k - title) : n), +(title < 0),
      +(firstLong >= 0 && k < firstLong), +(lastLong >= 0 && k > lastLong), log(firstLong >= 0 ? Math.abs(k - firstLong) : n), log(toLong[k]!),
      +!!facts?.listing, +!!facts?.cards, pageBlocks, keptShare, keptChars ? Math.min(1, f.chars / keptChars) : 0,
      log((repeats.get(view.key) ?? 1) - 1), +view.sectionStart,
      s ? log(s.blocks) : 0, s ? s.prose / s.blocks : 0, s ? log(s.words / s.blocks) : 0, s ? s.kept / s.blocks : 0, +(mainSection !== null && view.section === mainSection),
      log(run[k]!), +!!prev?.view.prose, +!!next?.view.prose, +(prev?.decision === 'kept'), +(next?.decision === 'kept'), +(prev?.decision === 'other'), +(next?.decision === 'other'),
      log(prev?.view.f.words ?? 0), log(next?.view.f.words ?? 0), +(prev?.decision === decision), +(next?.decision === decision),
    ];
  });
}
