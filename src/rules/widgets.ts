import { isObfuscated } from '../text/homoglyphs.js';
import {
  AD_LABEL, AD_LABEL_START, COOKIE, COOKIE_ACCEPT, COOKIE_CONTEXT, COOKIE_WORD, COPYRIGHT, COPYRIGHT_SIGN, isLanguageSwitcher, LEGAL, LIKE_WIDGET, NEWSLETTER, NEWSLETTER_PITCH, SOCIAL, UI_ACTION,
} from '../text/lexicon.js';
import type { RuleSpec } from './types.js';

/**
 * One-line widgets: short lines recognised by their shape and the
 * multilingual lexicon. Text mode reads them anywhere; HTML mode inside the
 * main content and in what stays beside it (and also finds most of them by
 * their element: `selectors`).
 */

export const languageSwitcher = {
  id: 'language-switcher',
  modes: ['text'],
  description: 'a line of language codes or names ("EN|FR|RU", "English · Deutsch")',
  gates: { text: { maxWords: 12, prose: false } },
  patterns: { isLanguageSwitcher },
  examples: {
    remove: ['EN|FR|RU', 'English · Deutsch · Français'],
    keep: ['English football clubs spent more money than ever this summer, the league says.', 'in to an'],
  },
} as const satisfies RuleSpec;

export const social = {
  id: 'social',
  modes: ['text', 'html'],
  description: '"Follow us", share bars, "Like this:" and share and follow widgets',
  gates: { text: { maxWords: 8, prose: false }, html: { maxWords: 40, insideMain: true, proseVeto: true, onTextElements: true } },
  patterns: { SOCIAL, LIKE_WIDGET },
  selectors: {
    words: ['share', 'sharing', 'shares', 'social', 'sociable', 'addthis', 'sharethis', 'shariff', 'sharebar', 'socials', 'follow', 'sharebox', 'socialbar'],
    contains: ['sharedaddy', 'share', 'social', 'addtoany'],
  },
  aliases: ['share'],
  examples: {
    remove: ['Follow us on:', 'Facebook | Twitter | E-mail', 'Like this:', { html: '<div class="share-buttons"><span>Send this story to a friend</span></div>' }],
    keep: ['She shared the letter with her colleagues before the meeting began on Monday.', { html: '<div class="shadow-box"><p>She shared the letter with her colleagues before the meeting began on Monday.</p></div>' }],
  },
} as const satisfies RuleSpec;

export const ads = {
  id: 'ads',
  modes: ['text', 'html'],
  description: 'advertisement labels and slots, and ads written in Cyrillic look-alike letters',
  gates: { text: { labelMaxWords: 4 }, html: { labelMaxWords: 8, insideMain: true, proseVeto: true, onTextElements: true } },
  patterns: { AD_LABEL, AD_LABEL_START, isObfuscated },
  selectors: {
    words: ['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsense', 'adslot', 'sponsor', 'sponsored', 'promo', 'promotion', 'dfp', 'banner', 'outbrain', 'taboola', 'werbung', 'anzeige', 'publicite', 'affiliate'],
    contains: ['advert', 'adsense', 'sponsor', 'outbrain', 'taboola', 'affiliate'],
  },
  aliases: ['advertisement'],
  examples: {
    remove: ['Advertisement', 'Сheap flights tоday, bооk nоw', { html: '<div class="ad-slot"><span>Cheap flights to Lisbon from 19 euros</span></div>' }],
    keep: ['Advertising revenue at the paper fell by a third last year, its owners said.', { html: '<div class="shadow"><p>Advertising revenue at the paper fell by a third last year, its owners said.</p></div>' }],
  },
} as const satisfies RuleSpec;

export const uiLabel = {
  id: 'ui-label',
  modes: ['text'],
  description: 'buttons and links of the page interface ("Drucken", "Show all", "Jetzt registrieren")',
  gates: { text: { maxWords: 6, prose: false } },
  patterns: { UI_ACTION },
  examples: {
    remove: ['Show all', 'Jetzt registrieren'],
    keep: ['Show all your working, the teacher told the class before the exam began.'],
  },
} as const satisfies RuleSpec;

export const copyright = {
  id: 'copyright',
  modes: ['text', 'html'],
  description: 'copyright and rights notices ("© 2024 …", "All rights reserved")',
  gates: { text: { maxWords: 30, sentenceMaxWords: 12, endsArticle: true }, html: { maxWords: 30, proseMaxWords: 15 } },
  patterns: { COPYRIGHT, COPYRIGHT_SIGN },
  examples: {
    remove: ['© 2024 Example Media. All rights reserved.'],
    keep: ['The band lost a copyright case over the song in a London court last week, after years of dispute.'],
  },
} as const satisfies RuleSpec;

export const legal = {
  id: 'legal',
  modes: ['text', 'html'],
  description: 'links to legal and contact pages ("Imprint", "Privacy Policy", "Contact us")',
  gates: { text: { maxWords: 5, prose: false }, html: { maxWords: 40 } },
  patterns: { LEGAL },
  examples: {
    remove: ['Privacy Policy', 'Impressum'],
    keep: ['Contact with the rebels was lost on Tuesday, the army said in a statement.'],
  },
} as const satisfies RuleSpec;

export const cookie = {
  id: 'cookie',
  modes: ['text', 'html'],
  description: 'cookie banners and consent prompts, with the explanation under them',
  gates: {
    text: { promptMaxWords: 40, shortPromptMaxWords: 12, noticeMaxWords: 120 },
    html: { maxWords: 30, proseMaxWords: 15, insideMain: true, onTextElements: true },
  },
  patterns: { COOKIE, COOKIE_ACCEPT, COOKIE_WORD, COOKIE_CONTEXT },
  selectors: { words: ['cookie', 'cookies', 'consent', 'gdpr', 'cookiebar'], contains: ['cookie', 'consent'] },
  examples: {
    remove: ['We use cookies. Accept all', { html: '<div class="cookie-notice"><p>We and our partners store data on your device to measure the audience.</p></div>' }],
    keep: ['The recipe calls for two cups of flour and a dozen cookies crushed into crumbs for the base.'],
  },
} as const satisfies RuleSpec;

export const newsletter = {
  id: 'newsletter',
  modes: ['text', 'html'],
  description: 'newsletter and subscription prompts, with the pitch under them',
  gates: {
    text: { maxWords: 25, prose: false, pitchMaxWords: 40, endsArticle: true },
    html: { maxWords: 30, proseMaxWords: 15, insideMain: true, onTextElements: true },
  },
  patterns: { NEWSLETTER, NEWSLETTER_PITCH },
  selectors: {
    words: ['newsletter', 'subscribe', 'subscription', 'signup', 'mailchimp', 'mc4wp', 'optin', 'mailing'],
    contains: ['newsletter', 'subscribe', 'paywall', 'regwall'],
  },
  examples: {
    remove: ['Sign up for our newsletter', { text: 'Sign up for our newsletter\nThe best stories of the week, every Friday in your inbox.' }, 'Sign up for our weekly newsletter and never miss a story from the city.'],
    keep: ['The newsletter, founded in 1998 by two teachers, now reaches forty thousand readers every single week of the year.'],
  },
} as const satisfies RuleSpec;
