import type { Block, BlockKind } from '../../model/block.js';
import { isBlank } from '../../text/normalize-text.js';
import { splitLines, type Line } from '../../text/split-lines.js';

const BULLET = /^\s*(?:[-*•·▪►–]\s|\d{1,3}[.)]\s)/;
const SENTENCE_END = /[.!?…:;"”»)\]。！？]$/;

/** Whitespace a line may start or end with (ASCII and Unicode spaces, NBSP, BOM, zero width). */
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/**
 * Span of a line without its leading and trailing whitespace. A scan, not a
 * regular expression: `/\s+$/` retries from every space of a long run (a
 * line of 100,000 spaces then "x" took 42 s).
 */
function trimmedSpan(line: Line): [number, number] {
  const { text } = line;
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [line.start + a, line.start + b];
}

/**
 * A dump is hard-wrapped when most of its long lines end near one width
 * (as `fmt` or an e-mail client leaves them). Then the lines of a paragraph
 * are joined; otherwise every line is a block of its own (one line per
 * paragraph, headings directly above their paragraph).
 */
export function wrapWidth(lines: Line[]): number | null {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 40);
  if (lengths.length < 6) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  if (width > 100) return null;
  const near = lengths.filter((n) => n >= width - 15).length;
  return near / lengths.length >= 0.6 ? width : null;
}

function joins(prev: Line, next: Line, width: number | null): boolean {
  if (width === null) return false;
  const p = prev.text.trim();
  if (p.length < width * 0.6 || BULLET.test(next.text)) return false;
  return !SENTENCE_END.test(p) || /^[\p{Ll}\p{N}]/u.test(next.text.trim());
}

function kindOf(text: string, lineCount: number, alone: boolean): BlockKind {
  if (BULLET.test(text)) return 'list-item';
  return lineCount > 1 || alone ? 'paragraph' : 'line';
}

/**
 * Blocks of a plain-text dump: paragraphs separated by blank lines, and
 * within a paragraph group one block per line unless the dump is hard-wrapped.
 * Whitespace-only lines (including NBSP and zero-width ones) separate blocks.
 */
export function segmentText(text: string): Block[] {
  const lines = splitLines(text);
  const width = wrapWidth(lines);
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line.text)) {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) groups.push(current);

  const blocks: Block[] = [];
  for (const group of groups) {
    const runs: Line[][] = [];
    for (const line of group) {
      const run = runs.at(-1);
      if (run && joins(run.at(-1)!, line, width)) run.push(line);
      else runs.push([line]);
    }
    for (const run of runs) {
      const first = trimmedSpan(run[0]!);
      const last = trimmedSpan(run.at(-1)!);
      const raw = run.map((l) => l.text.trim()).join(' ');
      blocks.push({
        i: blocks.length,
        kind: kindOf(raw, run.length, runs.length === 1),
        span: [first[0], last[1]],
        line: run[0]!.n,
        text: raw,
      });
    }
  }
  return blocks;
}
