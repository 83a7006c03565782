import type { Block } from '../../../model/block.js';
import { splitLines } from '../segment-text.js';
import { isBlank } from '../../../text/normalize-text.js';

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
 */
export function sectionsOf(source: string, blocks: readonly Block[]): number[] | null {
  const lines = splitLines(source);
  // Blank lines ending at each offset: for each line start, how many blank lines precede it.
  const blankBefore = new Map<number, number>();
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line.text)) blanks++;
    else {
      blankBefore.set(line.start, blanks);
      blanks = 0;
    }
  }
  const lineStart = (offset: number): number => {
    const nl = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1));
    return nl + 1;
  };
  const out: number[] = [];
  let section = 0;
  for (const block of blocks) {
    if (block.i > 0 && (blankBefore.get(lineStart(block.span[0])) ?? 0) >= SECTION_BREAK) section++;
    out[block.i] = section;
  }
  return section ? out : null;
}
