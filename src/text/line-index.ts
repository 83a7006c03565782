/**
 * Line starts of a text, built once per document: every offset → line
 * lookup is then a binary search instead of a scan back to the last
 * newline (which made a minified one-line page quadratic in its removals).
 * `\r\n`, `\r` and `\n` each end a line, as in the text segmenter.
 */
export class LineIndex {
  /** Offset of the first character of each line (line 1 starts at 0). */
  readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    // The next \n and the next \r, found by indexOf (native, and pages run to megabytes) rather than a loop over every character.
    let n = text.indexOf('\n');
    let r = text.indexOf('\r');
    while (n >= 0 || r >= 0) {
      // Where the line break ends: at the \n of a \r\n, else at the first of the two.
      const end = r >= 0 && (n < 0 || r < n) ? (n === r + 1 ? n : r) : n;
      starts.push(end + 1);
      if (n >= 0 && n <= end) n = text.indexOf('\n', end + 1);
      if (r >= 0 && r <= end) r = text.indexOf('\r', end + 1);
    }
    this.starts = starts;
  }

  get lines(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
