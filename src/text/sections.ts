import type { Block } from '../model/block.js';
import { isBlank } from './normalize-text.js';
import { splitLines } from './split-lines.js';

/**
 * Blank lines that close a section. html-to-text dumps (lynx, html2text,
 * trafilatura's own) leave one blank line between paragraphs and two or more
 * where a container element ends: a menu, a sidebar box, the article body.
 */
export const SECTION_BREAK = 2;

/**
 * Section number of every block (indexed by `block.i`): blocks are in the same
 * section until SECTION_BREAK or more blank lines separate them. Returns null
 * when the dump has no such break at all (hand-written text, or a dump that
 * uses single blank lines throughout): then sections say nothing.
 * Linear: blank lines are counted per line number, and a block's `line` says where it starts.
 */
export function sectionsOf(source: string, blocks: readonly Block[]): number[] | null {
  const lines = splitLines(source);
  // blankBefore[n]: blank lines right before line n (1-based).
  const blankBefore = new Uint32Array(lines.length + 2);
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line.text)) blanks++;
    else {
      blankBefore[line.n] = blanks;
      blanks = 0;
    }
  }
  const out: number[] = [];
  let section = 0;
  for (const block of blocks) {
    if (block.i > 0 && (blankBefore[block.line] ?? 0) >= SECTION_BREAK) section++;
    out[block.i] = section;
  }
  return section ? out : null;
}
