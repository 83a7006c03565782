import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/text/line-index.js';

/** The line starts as a character-by-character scan finds them. */
function scanStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

describe('LineIndex', () => {
  it('ends lines at \\n, \\r and \\r\\n, as a scan of every character does', () => {
    for (const text of ['', 'one line', 'a\nb', 'a\r\nb\r\nc', 'a\rb\rc', '\n\n\r\r\n\n\r', 'a\n\rb', 'end\r', 'end\n', 'end\r\n', 'x\r\r\ny\n\nz\r']) {
      expect(new LineIndex(text).starts).toEqual(scanStarts(text));
    }
  });

  it('finds the line of an offset', () => {
    const lines = new LineIndex('ab\r\ncd\ref\ngh');
    expect([0, 2, 3, 4, 6, 7, 9, 10, 11].map((o) => lines.lineAt(o))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(lines.lines).toBe(4);
  });
});
