import type { RuleSpec } from './types.js';

/**
 * Rules of position: where the main text is, and what lies around it. Text
 * mode finds the densest run of prose blocks (stages/text/boilerplate/rules/
 * main-text.ts); HTML mode the container of the densest prose
 * (stages/html/main-content.ts).
 */

export const navigation = {
  id: 'navigation',
  modes: ['text', 'html'],
  description: 'menus: runs of 3+ short lines before or after the main text, lines of items separated by | or », navigation elements',
  gates: { text: { minRun: 3, lineMaxWords: 30, minSeparators: 2 }, html: { insideMain: true, proseVeto: true } },
  selectors: {
    tags: ['nav', 'menu'],
    roles: ['navigation', 'menu', 'menubar', 'search', 'tablist'],
    words: ['nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'topnav', 'subnav', 'navi', 'toolbar', 'search', 'searchform', 'skip', 'toc', 'tableofcontents'],
    contains: ['navbar', 'navigation', 'menu'],
  },
  aliases: ['menu'],
  examples: {
    remove: [{ text: 'Home | News | Sport | Weather' }, { text: 'Home\nNews\nSport\nWeather', at: 'before' }, { html: '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>', at: 'before' }],
    keep: ['Home is where the heart is, she said, and then she laughed and walked away.'],
  },
} as const satisfies RuleSpec;

export const siteHeader = {
  id: 'site-header',
  modes: ['text'],
  description: 'a "Site | Tagline" line before the article title (the metadata stage reads the site name from it)',
  gates: { text: { maxWords: 12, prose: false } },
  examples: {
    remove: [{ text: 'Example News | The latest from the city', at: 'before' }],
    keep: [{ text: 'Election results | 2024' }],
  },
} as const satisfies RuleSpec;

export const siteName = {
  id: 'site-name',
  modes: ['text'],
  description: 'a bare domain line outside the article',
  examples: {
    remove: [{ text: 'example.org', at: 'before' }, { text: 'www.example.org', at: 'after' }],
    keep: [{ text: 'example.org' }],
  },
} as const satisfies RuleSpec;

export const beforeMain = {
  id: 'before-main',
  modes: ['text'],
  description: 'a short non-sentence line before the article title (only the title, a byline and a standfirst survive there)',
  examples: {
    remove: [{ text: 'Breaking news', at: 'before' }],
    keep: [{ text: 'Breaking news' }],
  },
} as const satisfies RuleSpec;

export const afterMain = {
  id: 'after-main',
  modes: ['text', 'html'],
  description: 'a short non-sentence line after the end of the article (text: after the main text; HTML: after the last paragraph of the main content, lists, tables, code and quotes aside)',
  gates: { html: { maxWords: 12 } },
  aliases: ['after-article'],
  examples: {
    remove: [{ text: 'Filed from the newsroom', html: '<p>Filed from the newsroom</p>', at: 'after' }],
    keep: ['Filed from the newsroom', { html: '<ul><li>Filed from the newsroom</li></ul>', at: 'after' }],
  },
} as const satisfies RuleSpec;

export const outsideMain = {
  id: 'outside-main',
  modes: ['text', 'html'],
  description: 'prose outside the main text (unless `keepOutsideProse`); in HTML, every block outside the main content and its context (title, standfirst, lead)',
  examples: {
    remove: [{ text: 'The council meets again next week to vote on the new plan for the harbour and the old market.', html: '<p>The council meets again next week to vote on the new plan for the harbour and the old market.</p>', at: 'outside' }],
    keep: ['The council meets again next week to vote on the new plan for the harbour and the old market.'],
  },
} as const satisfies RuleSpec;

export const linkSection = {
  id: 'link-section',
  modes: ['text'],
  description: 'html-to-text dumps end each container with two or more blank lines: a section of two or more lines without a sentence inside the main text is a box set into the article (related links, a teaser list), unless half its lines hold numbers or "Label: value" pairs (ingredients, specifications)',
  gates: { text: { minLines: 2, dataShare: 0.5 } },
  examples: {
    remove: [{ text: 'Council votes on parking rules\nRiver festival returns in June' }],
    keep: [{ text: '2 cups of flour\n3 large eggs' }],
  },
} as const satisfies RuleSpec;
