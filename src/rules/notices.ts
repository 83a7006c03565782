import {
  AUTHOR_BOX, CITATION, COMMENT_FORM_NOTICE, COMMENT_NOTICE, CONSENT_PLACEHOLDER, CREDIT_LABEL, CREDIT_START, DISCLOSURE, LIABILITY_DISCLAIMER, LICENSE_NOTICE, LIKE_WIDGET, NEWSLETTER_PITCH,
  NO_JAVASCRIPT, OPINION_DISCLAIMER, PAGINATION_LINK, POST_META, RATING, READ_MORE, READER_PROMPT, READING_TIME,
} from '../text/lexicon.js';
import { comments } from './structures.js';
import type { RuleSpec } from './types.js';
import { newsletter, social } from './widgets.js';

/**
 * Sentences widgets write, matched at the start of a block of at most 40
 * words in both modes, so that an article merely quoting such words in a
 * long paragraph is safe.
 */
export const NOTICE_WORDS = 40;
const NOTICE_GATES = { text: { maxWords: NOTICE_WORDS }, html: { maxWords: NOTICE_WORDS } } as const;

export const readerPrompt = {
  id: 'reader-prompt',
  modes: ['text', 'html'],
  description: 'the site asking the reader to follow it, support it, subscribe, donate, get its app or write to it',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: NOTICE_GATES.html },
  patterns: { READER_PROMPT },
  examples: {
    remove: ['Follow us on Twitter for the latest news.', 'If you enjoyed this article, please consider supporting our work.'],
    keep: ['Readers who follow the case closely say the verdict came as no surprise to them.'],
  },
} as const satisfies RuleSpec;

export const disclosure = {
  id: 'disclosure',
  modes: ['text', 'html'],
  description: 'advertising and affiliate disclosures of the site',
  gates: NOTICE_GATES,
  patterns: { DISCLOSURE },
  examples: {
    remove: ['This post contains affiliate links.'],
    keep: ['The company did not disclose how much it paid for the land near the river.'],
  },
} as const satisfies RuleSpec;

export const pagination = {
  id: 'pagination',
  modes: ['text', 'html'],
  description: 'links to the previous or next post, and page-number bars',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: { ...NOTICE_GATES.html, insideMain: true, proseVeto: true } },
  patterns: { PAGINATION_LINK },
  selectors: {
    words: ['pagination', 'pager', 'paging', 'pagenav', 'prevnext'],
    tokens: ['page-numbers', 'nav-links', 'post-navigation', 'posts-navigation', 'navigation-post', 'nav-previous', 'nav-next', 'previous-post', 'next-post', 'prev-next', 'post-nav', 'postnav'],
    contains: ['pagination'],
  },
  examples: {
    remove: ['Next article in this series', { html: '<div class="nav-links"><a href="/p/1">1</a> <a href="/p/2">2</a> <a href="/p/3">3</a></div>' }],
    keep: ['Next year the council will vote again on the plan for the old harbour.'],
  },
} as const satisfies RuleSpec;

export const readMore = {
  id: 'read-more',
  modes: ['text', 'html'],
  description: '"Continue reading" and "Weiterlesen" links',
  gates: NOTICE_GATES,
  patterns: { READ_MORE },
  examples: {
    remove: ['Continue reading', 'Weiterlesen'],
    keep: ['Reading more books was her goal for the year, she wrote in her diary.'],
  },
} as const satisfies RuleSpec;

export const credit = {
  id: 'credit',
  modes: ['text', 'html'],
  description: 'photo credits ("Photo: …", "Quelle: …", "(Credit: …)")',
  gates: { text: NOTICE_GATES.text, html: { ...NOTICE_GATES.html, lineMaxWords: 12 } },
  patterns: { CREDIT_LABEL, CREDIT_START },
  examples: {
    remove: ['Photo: Jane Doe / Reuters'],
    keep: ['Photography was his passion long before he became a doctor in the city.'],
  },
} as const satisfies RuleSpec;

export const postMeta = {
  id: 'post-meta',
  modes: ['text', 'html'],
  description: 'post footers: where and when the post was filed, the permalink ("This entry was posted in …")',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: NOTICE_GATES.html },
  patterns: { POST_META },
  examples: {
    remove: ['This entry was posted in News.'],
    keep: ['This entry in the diary was written by her father in 1942, the family said.'],
  },
} as const satisfies RuleSpec;

export const rating = {
  id: 'rating',
  modes: ['text', 'html'],
  description: 'rating and feedback widgets ("Was this helpful?", "Rate this:")',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: NOTICE_GATES.html },
  patterns: { RATING },
  examples: {
    remove: ['Was this article helpful?'],
    keep: ['Was the meeting a success? Few of the delegates thought so, the report says.'],
  },
} as const satisfies RuleSpec;

export const license = {
  id: 'license',
  modes: ['text', 'html'],
  description: 'licence and reuse notices of the site or the text',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: NOTICE_GATES.html },
  patterns: { LICENSE_NOTICE },
  examples: {
    remove: ['This article is licensed under a Creative Commons licence.'],
    keep: ['The licence to build the mine was granted in 2019 after a long review.'],
  },
} as const satisfies RuleSpec;

export const disclaimer = {
  id: 'disclaimer',
  modes: ['text', 'html'],
  description: "liability disclaimers, and the site's note that a post gives its author's opinion",
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: NOTICE_GATES.html },
  patterns: { LIABILITY_DISCLAIMER, OPINION_DISCLAIMER },
  examples: {
    remove: ['Disclaimer: the author holds shares in the company.', 'The views expressed in this column are those of the author.'],
    keep: ['The disclaimer on the packet was too small to read, the court found.'],
  },
} as const satisfies RuleSpec;

export const citation = {
  id: 'citation',
  modes: ['text', 'html'],
  description: 'how to cite the page ("Suggested citation", "Zitiervorschlag")',
  gates: NOTICE_GATES,
  patterns: { CITATION },
  examples: {
    remove: ['Suggested citation: Smith, J. (2024).'],
    keep: ["A citation from the judge's ruling was read out in court on Friday."],
  },
} as const satisfies RuleSpec;

export const readingTime = {
  id: 'reading-time',
  modes: ['text', 'html'],
  description: 'reading-time labels ("5 min read", "Lesezeit: 4 Minuten")',
  gates: NOTICE_GATES,
  patterns: { READING_TIME },
  examples: {
    remove: ['5 min read', 'Lesezeit: 4 Minuten'],
    keep: ['It took five minutes to read the verdict aloud to the packed court.'],
  },
} as const satisfies RuleSpec;

export const consent = {
  id: 'consent',
  modes: ['text', 'html'],
  description: 'placeholders of embeds that wait for consent ("External content", "By loading the tweet you agree …")',
  gates: NOTICE_GATES,
  patterns: { CONSENT_PLACEHOLDER },
  examples: {
    remove: ['External content'],
    keep: ['The external content of the report was checked by two independent experts.'],
  },
} as const satisfies RuleSpec;

export const noJavascript = {
  id: 'no-javascript',
  modes: ['text', 'html'],
  description: 'messages for browsers without JavaScript ("Please enable JavaScript")',
  gates: NOTICE_GATES,
  patterns: { NO_JAVASCRIPT },
  examples: {
    remove: ['Please enable JavaScript to view this content.'],
    keep: ['JavaScript is the language most web pages are written in, the course explains.'],
  },
} as const satisfies RuleSpec;

export const authorBox = {
  id: 'author-box',
  modes: ['text', 'html'],
  description: 'author boxes ("About the author", "View all posts by …")',
  gates: { text: { ...NOTICE_GATES.text, endsArticle: true }, html: { ...NOTICE_GATES.html, insideMain: true, onTextElements: true } },
  patterns: { AUTHOR_BOX },
  selectors: {
    tokens: ['author-box', 'authorbox', 'author-bio', 'about-author', 'about-the-author', 'author-info', 'author-description', 'authorinfo', 'author-card', 'post-author-box', 'saboxplugin-wrap'],
    words: ['authorbox', 'authorinfo', 'autorbox', 'aboutauthor', 'authorbio', 'bio'],
    last: ['author', 'autor', 'auteur', 'autore'],
    contains: ['author-box', 'authorbox', 'author-bio', 'about-author', 'about-the-author', 'author-description', 'author__description', 'author-info', 'author__info', 'author-details'],
  },
  examples: {
    remove: ['About the author', { html: '<div class="author-bio"><p>Jane Doe writes about cities, trains and the people who run them.</p></div>' }],
    keep: ['The author of the report, a former judge, declined to comment on it.'],
  },
} as const satisfies RuleSpec;

/**
 * The notices in the order they are tried (the first match names the rule),
 * each with its reason. Several rules own more than one pattern.
 */
export const NOTICES: ReadonlyArray<{ rule: RuleSpec; reason: string; pattern: RegExp }> = [
  { rule: comments, reason: 'comment-form notice or comment counter', pattern: COMMENT_NOTICE },
  { rule: comments, reason: 'comment-form consent, moderation or login notice', pattern: COMMENT_FORM_NOTICE },
  { rule: readerPrompt, reason: 'the site asking the reader to follow it, support, join or subscribe, donate, get its app or write to it', pattern: READER_PROMPT },
  { rule: disclosure, reason: 'advertising or affiliate disclosure of the site', pattern: DISCLOSURE },
  { rule: newsletter, reason: 'newsletter or subscription pitch', pattern: NEWSLETTER_PITCH },
  { rule: pagination, reason: 'link to the previous or next post', pattern: PAGINATION_LINK },
  { rule: readMore, reason: '"read more" link', pattern: READ_MORE },
  { rule: credit, reason: 'image credit', pattern: CREDIT_LABEL },
  { rule: postMeta, reason: 'post footer: where and when the post was filed, permalink', pattern: POST_META },
  { rule: rating, reason: 'rating or feedback widget', pattern: RATING },
  { rule: license, reason: 'licence or reuse notice of the site or the text', pattern: LICENSE_NOTICE },
  { rule: disclaimer, reason: 'liability disclaimer of the site', pattern: LIABILITY_DISCLAIMER },
  { rule: disclaimer, reason: "the site's note that a post gives its author's opinion", pattern: OPINION_DISCLAIMER },
  { rule: citation, reason: 'how to cite the page', pattern: CITATION },
  { rule: readingTime, reason: 'reading-time label', pattern: READING_TIME },
  { rule: consent, reason: 'placeholder of an embed that waits for consent', pattern: CONSENT_PLACEHOLDER },
  { rule: noJavascript, reason: 'message for browsers without JavaScript', pattern: NO_JAVASCRIPT },
  { rule: authorBox, reason: 'author box header or link', pattern: AUTHOR_BOX },
  { rule: social, reason: 'like or share widget', pattern: LIKE_WIDGET },
];

/**
 * The widget notice a block starts with, if any: blocks longer than
 * NOTICE_WORDS words are the author's, whatever their first words. `on`
 * says which rules the pipeline has on (a rule turned off is skipped).
 */
export function noticeOf(text: string, words: number, on: (rule: RuleSpec) => boolean): (typeof NOTICES)[number] | undefined {
  if (words > NOTICE_WORDS) return undefined;
  const trimmed = text.trim();
  return NOTICES.find((n) => on(n.rule) && n.pattern.test(trimmed));
}
