import type { RuleSpec } from './types.js';

/** The stub paragraph of the JSON-LD example page. */
const STUB = 'The council approved the harbour plan on Monday night after a long debate.';

/**
 * HTML-only rules: groups of the page found by element, ARIA role and
 * class/id words (html/categories.ts), and the structure rules of the main
 * content (html/boilerplate.ts, teasers.ts, json-ld-body.ts).
 */

export const hidden = {
  id: 'hidden',
  modes: ['html'],
  description: 'elements marked hidden by class (screen-reader text, skip links, print-only)',
  gates: { html: { insideMain: true, proseVeto: true } },
  selectors: {
    tokens: ['hidden', 'hide', 'sr-only', 'screen-reader-text', 'screen-reader', 'visually-hidden', 'visuallyhidden', 'offscreen', 'invisible', 'skip-link', 'skiplink', 'skip-links', 'print-only', 'noprint'],
  },
  examples: {
    remove: [{ html: '<div class="sr-only">Jump straight to the story</div>' }],
    keep: [{ html: '<div class="hidden-gems"><p>Hidden in the hills above the town, the old monastery is open to visitors again.</p></div>' }],
  },
} as const satisfies RuleSpec;

export const breadcrumbs = {
  id: 'breadcrumbs',
  modes: ['html'],
  description: 'breadcrumb trails',
  gates: { html: { insideMain: true, proseVeto: true } },
  selectors: { words: ['breadcrumb', 'breadcrumbs', 'crumbs', 'crumb'], contains: ['breadcrumb'] },
  examples: {
    remove: [{ html: '<div class="breadcrumb"><a href="/">Start</a> › <a href="/city">City</a></div>' }],
    keep: [{ html: '<div class="crumble-recipe"><p>The crumble needs cold butter, flour and sugar rubbed together until it looks like sand.</p></div>' }],
  },
} as const satisfies RuleSpec;

export const header = {
  id: 'header',
  modes: ['html'],
  description: "the site's header and banner (not the article's own header)",
  gates: { html: { proseVeto: true } },
  selectors: { tags: ['header'], roles: ['banner'], tokens: ['header', 'site-header', 'masthead', 'page-header', 'global-header', 'top-bar', 'topbar', 'siteheader', 'head', 'kopf', 'logo', 'branding', 'site-branding'] },
  examples: {
    remove: [{ html: '<header class="masthead"><div>Example Daily</div></header>', at: 'before' }],
    keep: [{ html: '<header><p>The council has approved the plan after a long night of debate in the town hall.</p></header>' }],
  },
} as const satisfies RuleSpec;

export const footer = {
  id: 'footer',
  modes: ['html'],
  description: "the site's footer (footer elements, contentinfo, colophon and imprint boxes)",
  gates: { html: { insideMain: true, onTextElements: true } },
  selectors: { tags: ['footer'], roles: ['contentinfo'], words: ['footer', 'colophon', 'copyright', 'legal', 'imprint', 'impressum', 'disclaimer', 'fusszeile'], contains: ['footer'] },
  examples: {
    remove: [{ html: '<footer><div>Example Daily, 1 Main Street, Springfield</div></footer>', at: 'outside' }],
    keep: ['The footer of the letter was signed by all twelve members of the board.'],
  },
} as const satisfies RuleSpec;

export const sidebar = {
  id: 'sidebar',
  modes: ['html'],
  description: 'sidebars, rails and widget boxes beside the main content',
  selectors: { tags: ['aside'], roles: ['complementary'], words: ['sidebar', 'aside', 'widget', 'widgets', 'rail', 'secondary', 'marginal', 'sidebox'], contains: ['sidebar', 'widget'] },
  examples: {
    remove: [{ html: '<aside><div>Weather in Springfield: sunny, 21 degrees</div></aside>', at: 'outside' }],
    keep: [{ html: '<aside><p>The harbour was built in 1850 and rebuilt twice after storms, the last time in 1953.</p></aside>' }],
  },
} as const satisfies RuleSpec;

export const form = {
  id: 'form',
  modes: ['html'],
  description: 'forms with several input fields (search, login, contact forms)',
  gates: { html: { insideMain: true } },
  examples: {
    remove: [{ html: '<form><div>Your details</div><input name="name"><input name="email"><button>Send</button></form>', check: 'Your details' }],
    keep: [{ html: '<form><p>The town hall form asks for a name and nothing else, the clerk said on Monday.</p><input name="q"></form>' }],
  },
} as const satisfies RuleSpec;

export const teaserList = {
  id: 'teaser-list',
  modes: ['html'],
  description: 'lists of teasers for other stories outside the main content: 3+ siblings of one shape (their tag and the classes most of them share), each a linked headline of 4+ words and a summary from one sentence up to the length of a blog excerpt (70 words), on a page with an article of its own (two long paragraphs under one parent or grandparent)',
  gates: {
    html: {
      minItems: 3, itemShare: 0.6, itemMaxWords: 100, blockMaxWords: 70, plainMaxWords: 70, headlineMinWords: 4, minLinkShare: 0.1, summaryMinWords: 6, headlineLinkShare: 0.5,
      articleParagraphs: 2, articleParagraphWords: 25, articleWords: 60, articleShare: 0.3,
    },
  },
  examples: {
    remove: [{ html: teasers(), at: 'outside', check: 'The vote ends a year of debate over the car park by the harbour.' }],
    keep: [{ html: teasers(), check: 'The vote ends a year of debate over the car park by the harbour.' }],
  },
} as const satisfies RuleSpec;

export const linkList = {
  id: 'link-list',
  modes: ['html'],
  description: 'short blocks inside the main content with more of their text in links than `maxLinkDensity` (0.8)',
  examples: {
    remove: [{ html: '<div><a href="/a">Council votes</a> <a href="/b">River festival</a> <a href="/c">Old market</a></div>' }],
    keep: [{ html: '<p>The council <a href="/a">voted</a> on the plan last night after a long debate in the hall.</p>' }],
  },
} as const satisfies RuleSpec;

export const emptySection = {
  id: 'empty-section',
  modes: ['html'],
  description: 'a heading whose section lost all its content (the next kept block is a heading of the same or a higher level)',
  gates: { html: { maxWords: 12 } },
  examples: {
    remove: [{ html: '<h2>Background</h2><div class="related"><p>Older stories from the archive</p></div><h2>The vote</h2>', check: 'Background' }],
    keep: [{ html: '<h2>Background</h2><h2>The vote</h2>', check: 'The vote' }],
  },
} as const satisfies RuleSpec;

export const jsonLdBody = {
  id: 'json-ld-body',
  modes: ['html'],
  description: "the stub of an article whose JSON-LD articleBody holds it in full (the kept text is under half of the articleBody's, 80 words or more): the article is read from there",
  gates: { html: { minBodyWords: 80, stubShare: 0.5 } },
  examples: {
    remove: [{ html: jsonLdPage(true), at: 'page', check: STUB }],
    keep: [{ html: jsonLdPage(false), at: 'page', check: STUB }],
  },
} as const satisfies RuleSpec;

function teasers(): string {
  const item = (headline: string, summary: string) => `<div class="item"><h3><a href="/${headline.length}">${headline}</a></h3><p>${summary}</p></div>`;
  return `<div class="stories">${[
    item('Council votes on new parking rules', 'The vote ends a year of debate over the car park by the harbour.'),
    item('River festival returns in June after a break', 'Boats, music and food stalls are back on both banks of the river.'),
    item('Old market hall to reopen in the spring', 'The roof has been repaired and the stalls will be let again soon.'),
  ].join('')}</div>`;
}


function jsonLdPage(full: boolean): string {
  const sentence = 'The plan, which was first put forward three years ago, sets out how the old harbour will be rebuilt, who will pay for it and what will happen to the fishing boats that still use it every day.';
  const body = full ? [STUB, ...Array.from({ length: 5 }, () => sentence)].join(' ') : STUB;
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbour plan approved', articleBody: body });
  return `<!doctype html><html><head><title>Harbour plan approved</title><script type="application/ld+json">${ld}</script></head><body><article><h1>Harbour plan approved</h1><p>${STUB}</p></article></body></html>`;
}

/** The person-box examples: an avatar named like the box's heading link, and a short blurb. */
const BIO = 'Jane has covered the harbour, its ferries and its long quarrels for twenty years, and lives by the water.';
const BIO_BOX = `<div class="card"><img src="a.jpg" alt="Jane Doe"><h4><a href="/people/jane">Jane Doe</a></h4><p>${BIO}</p></div>`;

/** A feature row named like its heading (a video still whose alt is the heading): its lines sit in same-shaped cards. */
const STEP_LINE = 'One payment covers every crossing of the week on the harbour line.';
const step = (title: string, line: string) => `<div class="step"><img src="icon.png"><div><p class="title">${title}</p><p>${line}</p></div></div>`;
const FEATURE_ROW =
  '<section class="how"><img src="video.png" alt="How the Pass Works"><h2>How the Pass Works</h2><div class="steps">' +
  `${step('Plan', 'Pick the crossings you need for the week ahead, first boat to last.')}${step('Pay', STEP_LINE)}</div></section>`;

export const personBox = {
  id: 'person-box',
  modes: ['html'],
  description: "a small box after the article's last paragraph that presents a person (schema Person/author markup, an avatar named like the box's link or heading, or the name of the page's author from its meta tags or byline) with a short blurb, and whose blurb is in no row of same-shaped cards: the author's bio",
  gates: { html: { maxWords: 150, maxShare: 0.35, maxLevels: 4 } },
  examples: {
    remove: [{ html: BIO_BOX, at: 'after', check: BIO }],
    // Inside the article (its text goes on after the box), the same box stays.
    // A row of same-shaped cards is a feature list, though its picture is named like its heading.
    keep: [{ html: BIO_BOX, check: BIO }, { html: FEATURE_ROW, at: 'after', check: STEP_LINE }],
  },
} as const satisfies RuleSpec;
