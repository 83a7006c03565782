import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aOfWords } from '../src/text/hashing.js';

describe('fnv1aOfWords', () => {
  const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'über', '狐狸', '', 'dog'];

  it('is fnv1a of the words joined by spaces, for every range', () => {
    for (let start = 0; start <= words.length; start++) {
      for (let end = start; end <= words.length; end++) expect(fnv1aOfWords(words, start, end)).toBe(fnv1a(words.slice(start, end).join(' ')));
    }
  });

  it('hashes an empty range as the empty string', () => {
    expect(fnv1aOfWords(words, 2, 2)).toBe(fnv1a(''));
    expect(fnv1aOfWords([], 0, 0)).toBe(0x811c9dc5);
  });

  it('tells word boundaries apart', () => {
    expect(fnv1aOfWords(['ab', 'c'], 0, 2)).not.toBe(fnv1aOfWords(['a', 'bc'], 0, 2));
  });
});
