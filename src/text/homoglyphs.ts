/**
 * Words that mix Latin and Cyrillic (or Greek) letters: "Аdvеrtіѕе" written
 * with Cyrillic А, е, і, ѕ to slip past filters. No language writes words
 * that way, so a block full of them is an obfuscated ad or spam. Loanwords
 * and names keep one script per word and are not counted.
 */
const LATIN = /\p{Script=Latin}/u;
const OTHER = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

export function mixedScriptWords(text: string): number {
  let n = 0;
  for (const word of text.split(/[^\p{L}]+/u)) if (word.length > 1 && LATIN.test(word) && OTHER.test(word)) n++;
  return n;
}

/** A block that writes several of its words in mixed scripts. */
export const isObfuscated = (text: string): boolean => mixedScriptWords(text) >= 3;
