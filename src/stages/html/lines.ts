import { RULES, type RuleSpec, type RuleSwitch } from '../../rules/registry.js';

const { comments, related, credit, ads } = RULES;

/**
 * Short lines inside an article that point away from it, label a picture or
 * an ad, or ask for a login, in the languages of the evaluation corpus. The
 * related-content and ad words are text mode's lexicon (one list for both
 * modes); HTML reads them at the start of a block, where the label and its
 * link share one element. One signal among others: the caller applies these
 * only to short, non-link blocks.
 */
const LINES: ReadonlyArray<{ rule: RuleSpec; test: (text: string, words: number) => boolean }> = [
  { rule: comments, test: (t, w) => w <= comments.gates.html.loginMaxWords && comments.patterns.COMMENT_WORD.test(t) && comments.patterns.LOGIN_WORD.test(t) },
  // "Read also: <headline>" (a bare related-content title is widgetCategory's).
  { rule: related, test: (t, w) => w <= related.gates.html.leadInMaxWords && related.patterns.relatedLeadIn(t) !== null },
  { rule: credit, test: (t, w) => w <= credit.gates.html.lineMaxWords && credit.patterns.CREDIT_START.test(t) },
  { rule: ads, test: (t, w) => w <= ads.gates.html.labelMaxWords && ads.patterns.AD_LABEL_START.test(t) },
];

/** Longest block these lines read. */
const LINE_WORDS = 25;

export function lineCategory(text: string, words: number, on: RuleSwitch): RuleSpec | null {
  if (words > LINE_WORDS) return null;
  return LINES.find((l) => on(l.rule) && l.test(text, words))?.rule ?? null;
}

const MONTH = '\\p{L}{3,12}\\.?';
/** A date: 23.10.2018, 2018-10-23, 10/23/2018, 15. Mai 2019, May 15, 2019, 15 de mayo de 2019. */
const DATE = new RegExp(
  `(?:\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)\\.?,?\\s+\\d{4}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\.?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+)?\\d{4}\\b|\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b)`,
  'u',
);

/** Cheap pre-check before a date parser runs: something shaped like a date is in the text. */
export const looksLikeDate = (text: string): boolean => DATE.test(text);
