import { describe, expect, it } from 'vitest';
import { isBlank, normalizeText } from '../src/text/normalize-text.js';

describe('normalizeText', () => {
  it('turns non-breaking and odd spaces into plain spaces and trims', () => {
    expect(normalizeText('\u00a0By\u2009Xavier\u00a0Villar  ')).toBe('By Xavier Villar');
  });
  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Café');
  });
  it('drops zero-width and control characters', () => {
    expect(normalizeText('in\u200bvisible\u0007 text\ufeff')).toBe('invisible text');
  });
  it('collapses runs of spaces', () => {
    expect(normalizeText('a \t  b')).toBe('a b');
  });
});

describe('isBlank', () => {
  it('treats a line of NBSPs and zero-width spaces as blank', () => {
    expect(isBlank('\u00a0 \u200b\u00a0')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });
});
