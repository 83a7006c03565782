/**
 * Shape features of one line or paragraph of text: what jusText and similar
 * tools look at when there is no DOM. Pure and cheap; computed once per block.
 */
export interface TextFeatures {
  chars: number;
  words: number;
  /** Share of words that are stop words of the document's language. */
  stopDensity: number;
  /** Ends with sentence punctuation (. ! ? … and CJK equivalents, closing quotes allowed). */
  endsSentence: boolean;
  /** Ends with a period or ellipsis (not ? or !). */
  endsPeriod: boolean;
  /** Number of sentence ends inside the text. */
  sentences: number;
  /** Share of words that start with a capital letter. */
  capitalized: number;
  /** Share of characters that are digits. */
  digits: number;
  /** Contains a pipe, guillemet or bullet separator between items. */
  separators: number;
  /** Ends with a colon (a label, a header of a list or form). */
  endsColon: boolean;
  /** Written in a script without spaces between words (CJK, Thai). */
  unspaced: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-_.]*/gu;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;
/** Sentence ends, counted; the lookbehind starts a match at the first mark of a run only ("!!!!…" stays linear). */
const SENTENCE_MARK = /(?<![.!?…。！？])[.!?…。！？]+["'”’»)\]]*(?:\s|$)/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export function textFeatures(text: string, stopwords: ReadonlySet<string>): TextFeatures {
  const words = text.match(WORD) ?? [];
  let stop = 0;
  let capitalized = 0;
  for (const word of words) {
    if (stopwords.has(word.toLowerCase())) stop++;
    if (/^\p{Lu}/u.test(word)) capitalized++;
  }
  const unspaced = UNSPACED.test(text) && words.length < text.length / 8;
  const digits = (text.match(/\p{N}/gu) ?? []).length;
  return {
    chars: text.length,
    // Text without spaces between words: count a "word" per two characters.
    words: unspaced ? Math.round(text.replace(/\s/g, '').length / 2) : words.length,
    stopDensity: words.length ? stop / words.length : 0,
    endsSentence: SENTENCE_END.test(text),
    endsPeriod: /[.…。]["'”’»)\]]*$/u.test(text),
    sentences: (text.match(SENTENCE_MARK) ?? []).length,
    capitalized: words.length ? capitalized / words.length : 0,
    digits: text.length ? digits / text.length : 0,
    separators: (text.match(/\s[|»·•›/]\s|\s[|]|[|]\s|^[|]|[|]$/g) ?? []).length,
    endsColon: /[:：]\s*\*?$/.test(text),
    unspaced,
  };
}

/**
 * Prose: a real sentence or more, as opposed to a label, a headline or a
 * link. Length alone is not enough (headlines of related posts can be long),
 * so it also wants sentence punctuation or the stop-word density of running text.
 */
export function isProse(f: TextFeatures): boolean {
  if (isTitleCaseQuestion(f)) return false;
  if (f.unspaced) return f.chars >= 40 || (f.endsSentence && f.chars >= 20);
  if (f.words < 6) return false;
  if (f.endsSentence) return f.words >= 8 || f.stopDensity >= 0.25;
  // No final punctuation: only long text that reads like running prose.
  return f.words >= 18 && f.stopDensity >= 0.2 && f.capitalized < 0.6;
}

/**
 * A headline that ends in "?" or "!" ("What Does it Mean for the Two
 * Actors?"): title case gives it away, since running text capitalizes few
 * words (German nouns included, well under 60%).
 */
function isTitleCaseQuestion(f: TextFeatures): boolean {
  return f.endsSentence && !f.endsPeriod && f.sentences <= 1 && f.words <= 20 && f.capitalized >= 0.6;
}

/** A short line shaped like a title or heading: few words, no final period. */
export function isHeadlineLike(f: TextFeatures): boolean {
  return (!f.endsSentence || isTitleCaseQuestion(f)) && !f.endsColon && f.words >= 2 && f.words <= 25 && f.separators === 0;
}
