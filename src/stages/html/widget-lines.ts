import { RULES, type RuleSpec, type RuleSwitch } from '../../rules/registry.js';

const { related, social, comments, legal, newsletter, cookie, copyright } = RULES;

/**
 * Short widget lines that the page did not wrap in a telling element ("Share
 * this", "Leave a comment", "Sign up for our newsletter"), by the multilingual
 * widget lexicon (src/text/lexicon.ts), tried in this order. One signal only:
 * the caller applies it to short blocks (each rule's html `maxWords`).
 * Newsletter, cookie and copyright words turn up in prose in passing: those
 * count only on short lines (`maxWords`, `proseMaxWords` for prose).
 */
const WIDGETS: ReadonlyArray<{ rule: RuleSpec; test: (text: string, words: number, prose: boolean) => boolean }> = [
  { rule: related, test: (t) => related.patterns.RELATED_HEADER.test(t) },
  { rule: social, test: (t) => social.patterns.SOCIAL.test(t) },
  { rule: comments, test: (t) => comments.patterns.COMMENT_HEADER.test(t) || comments.patterns.FORM_LABEL.test(t) || comments.patterns.FORM_BUTTON.test(t) },
  { rule: legal, test: (t) => legal.patterns.LEGAL.test(t) },
  { rule: newsletter, test: (t, w, p) => shortEnough(newsletter.gates.html, w, p) && newsletter.patterns.NEWSLETTER.test(t) },
  { rule: cookie, test: (t, w, p) => shortEnough(cookie.gates.html, w, p) && cookie.patterns.COOKIE.test(t) },
  { rule: copyright, test: (t, w, p) => shortEnough(copyright.gates.html, w, p) && copyright.patterns.COPYRIGHT.test(t) },
];

const shortEnough = (gates: { maxWords: number; proseMaxWords: number }, words: number, prose: boolean) => words <= gates.maxWords && !(prose && words > gates.proseMaxWords);

/** Longest block the widget lines read (the rules' html `maxWords`). */
export const WIDGET_WORDS = Math.max(...WIDGETS.map((w) => (w.rule.gates?.html as { maxWords: number }).maxWords));

export function widgetCategory(text: string, words: number, prose: boolean, on: RuleSwitch): RuleSpec | null {
  return WIDGETS.find((w) => on(w.rule) && w.test(text, words, prose))?.rule ?? null;
}
