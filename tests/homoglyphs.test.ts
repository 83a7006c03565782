import { describe, expect, it } from 'vitest';
import { isObfuscated, mixedScriptWords } from '../src/text/homoglyphs.js';

describe('mixed-script words', () => {
  it('counts words that mix Latin with Cyrillic look-alike letters', () => {
    // "Аdvеrtіѕе", "wіth", "thе" carry Cyrillic А/е/і/ѕ; "most" is plain Latin.
    expect(mixedScriptWords('Аdvеrtіѕе wіth thе most visited news site')).toBe(3);
    expect(isObfuscated('Аdvеrtіѕе wіth thе most visited news site')).toBe(true);
  });

  it('does not count text in two scripts with one script per word', () => {
    expect(mixedScriptWords('The talks in Москва and Київ ended with a statement in English and Ελληνικά.')).toBe(0);
    expect(isObfuscated('Die Delegation reiste nach Москва.')).toBe(false);
  });
});
