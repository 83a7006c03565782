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
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
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
