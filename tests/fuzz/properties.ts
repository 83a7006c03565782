/**
 * The properties every clean() result must have, whatever the input
 * (issue 14). One function checks them all on one generated input, so each
 * case costs two clean() calls (the second for determinism).
 */
import { clean, type Cleaned } from '../../src/engine/clean.js';
import { InputError } from '../../src/errors.js';
import { sidecarSchema } from '../../src/model/sidecar.js';
import type { HostileInput } from './hostile.js';

export class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

/** A tag as the clean text could show it: `<p`, `</div`, `<!--`, `<?x`. */
const LITERAL_TAG = /<[!?/]?[a-zA-Z-]/;
/**
 * Inputs that can legitimately put a `<` before a letter in the text: character references, CDATA,
 * raw-text elements, attribute values shown as text, and a `<` that starts no tag (`<<label>x` is the
 * text "<x", as in a browser).
 */
const TEXT_LT_SOURCES = /&(?:lt|#0*60|#x0*3c)|<!\[CDATA\[|<(?:textarea|title|xmp|plaintext|noembed|noframes|iframe)\b|alt=|title=|<(?![a-zA-Z!/?])/i;

function checkBlocks(result: Cleaned, h: HostileInput): void {
  const parsed = sidecarSchema.safeParse(result.sidecar);
  if (!parsed.success) fail(`sidecar fails its schema: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  const { blocks, stats } = result.sidecar;
  const kept: string[] = [];
  let previousEnd = 0;
  blocks.forEach((block, index) => {
    if (block.i !== index) fail(`block ${index} has i=${block.i}`);
    if (block.span[0] > block.span[1]) fail(`block ${index} has a reversed span ${block.span}`);
    if (block.span[0] < previousEnd) fail(`block ${index} span ${block.span} overlaps the previous block (ends at ${previousEnd})`);
    previousEnd = block.span[1];
    if (block.kept) {
      if (result.text.slice(block.out[0], block.out[1]) !== block.text) fail(`kept block ${index}: out ${block.out} does not point at its text`);
      kept.push(block.text);
    } else if (!block.stage || !block.rule || !block.reason) fail(`removed block ${index} lacks stage, rule or reason`);
  });
  if (previousEnd > result.sidecar.stats.charsIn) fail(`a span ends at ${previousEnd}, past the ${stats.charsIn} decoded characters`);
  // Kept and removed blocks partition the blocks, and the clean text is exactly the kept ones.
  if (stats.kept + stats.removed !== blocks.length || stats.kept !== kept.length) fail(`stats say ${stats.kept} kept + ${stats.removed} removed of ${blocks.length}`);
  const expected = kept.length ? `${kept.join('\n\n')}\n` : '';
  if (result.text !== expected) fail('clean text is not the kept blocks joined by blank lines');
  const removedTotal = Object.values(stats.removedBy).reduce((a, b) => a + b, 0);
  if (removedTotal !== stats.removed) fail(`removedBy sums to ${removedTotal}, not ${stats.removed}`);
  if (h.format === 'html' && typeof h.input === 'string' && !TEXT_LT_SOURCES.test(h.input)) {
    const tag = LITERAL_TAG.exec(result.text);
    if (tag) fail(`literal markup in the clean text: ${JSON.stringify(result.text.slice(tag.index, tag.index + 40))}`);
  }
}

/**
 * For a text dump given as a string, everything outside the block spans is
 * whitespace (or characters normalize strips): no text is lost between blocks.
 */
function checkTextCoverage(result: Cleaned, h: HostileInput): void {
  if (h.format !== 'text' || typeof h.input !== 'string' || h.input.startsWith('\ufeff')) return;
  const source = h.input;
  let at = 0;
  const gap = (from: number, to: number) => {
    const between = source.slice(from, to);
    if (/[^\s\u0000\u200b-\u200d\u2060\ufeff]/u.test(between)) fail(`text outside every block at ${from}: ${JSON.stringify(between.slice(0, 40))}`);
  };
  for (const block of result.sidecar.blocks) {
    gap(at, block.span[0]);
    at = block.span[1];
  }
  gap(at, source.length);
}

export interface CaseOutcome {
  ms: number;
  threw: string | null;
}

/** Runs clean() twice on one input and checks every property; throws PropertyFailure on a violation. */
export function checkHostile(h: HostileInput, budgetMs: number): CaseOutcome {
  const run = (): Cleaned | InputError => {
    try {
      return clean(h.input, { format: h.format, path: 'fuzz' });
    } catch (error) {
      if (error instanceof InputError) return error;
      fail(`clean() threw ${(error as Error).name}: ${(error as Error).message}`);
    }
  };
  const start = performance.now();
  const first = run();
  const ms = performance.now() - start;
  if (ms > budgetMs) fail(`clean() took ${ms.toFixed(0)} ms (budget ${budgetMs} ms)`);
  const second = run();
  if (first instanceof InputError || second instanceof InputError) {
    if (!(first instanceof InputError && second instanceof InputError) || first.message !== second.message) fail('the same input failed only once, or with two reasons');
    return { ms, threw: first.message };
  }
  if (JSON.stringify(first) !== JSON.stringify(second)) fail('the same input gave two different outputs');
  checkBlocks(first, h);
  checkTextCoverage(first, h);
  return { ms, threw: null };
}
