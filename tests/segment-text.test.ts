import { describe, expect, it } from 'vitest';
import { segmentText, wrapWidth } from '../src/stages/text/segment-text.js';
import { splitLines } from '../src/text/split-lines.js';

describe('segmentText', () => {
  it('makes one block per blank-line paragraph, with exact spans and line numbers', () => {
    const text = 'Title here\n\nFirst paragraph.\n\n  Second paragraph.  \n';
    const blocks = segmentText(text);
    expect(blocks.map((b) => [b.text, b.span, b.line, b.kind])).toEqual([
      ['Title here', [0, 10], 1, 'paragraph'],
      ['First paragraph.', [12, 28], 3, 'paragraph'],
      ['Second paragraph.', [32, 49], 5, 'paragraph'],
    ]);
    for (const b of blocks) expect(text.slice(...b.span)).toBe(b.text);
  });

  it('makes one block per line in a dump with one line per paragraph', () => {
    const text = 'A title\nThe first paragraph is here.\nThe second one follows.\n- a list item\n';
    expect(segmentText(text).map((b) => [b.text, b.kind, b.line])).toEqual([
      ['A title', 'line', 1],
      ['The first paragraph is here.', 'line', 2],
      ['The second one follows.', 'line', 3],
      ['- a list item', 'list-item', 4],
    ]);
  });

  it('treats CRLF and lone CR as line ends', () => {
    expect(splitLines('a\r\nb\rc').map((l) => [l.text, l.n, l.start])).toEqual([
      ['a', 1, 0],
      ['b', 2, 3],
      ['c', 3, 5],
    ]);
  });

  it('does not make a block of a line holding only NBSP and zero-width spaces', () => {
    const blocks = segmentText('One.\n\u00a0\u200b \nTwo.');
    expect(blocks.map((b) => b.text)).toEqual(['One.', 'Two.']);
  });

  it('joins the lines of a hard-wrapped paragraph into one block', () => {
    const para =
      'This dump was wrapped at a fixed width by the tool that wrote it, so the\n' +
      'lines of one paragraph end near the same column and must be joined back\n' +
      'into one block before anything judges them as prose or boilerplate.\n';
    const text = `${para}\n${para}`;
    expect(wrapWidth(splitLines(text))).toBeGreaterThan(60);
    const blocks = segmentText(text);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.text).toMatch(/^This dump was wrapped .* so the lines of one paragraph .* or boilerplate\.$/);
    expect(blocks[0]!.span[0]).toBe(0);
    expect(blocks[1]!.line).toBe(5);
  });
});
