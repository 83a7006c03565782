import type { Element } from 'domhandler';
import { ownTokens } from './dom.js';

/**
 * Boilerplate categories, each a group of selectors: element names, ARIA
 * roles and class/id words. Every removal carries its category as its rule,
 * so a reviewer sees "share" or "comments", not "boilerplate".
 *
 * Class/id tokens are split into words ("post-share_bar" → post, share, bar;
 * "relatedPosts" → related, posts) and matched word by word, so "ad" matches
 * "ad-slot" but not "shadow" or "header". Compound words written without a
 * separator ("sharedaddy", "sidebar") are matched by the `contains` list.
 */
export type Category =
  | 'hidden'
  | 'cookie'
  | 'navigation'
  | 'breadcrumbs'
  | 'pagination'
  | 'header'
  | 'footer'
  | 'sidebar'
  | 'related'
  | 'comments'
  | 'share'
  | 'newsletter'
  | 'ads'
  | 'author-box'
  | 'tags'
  | 'caption'
  | 'form';

interface Group {
  category: Category;
  tags?: string[];
  roles?: string[];
  /** Whole class/id tokens. */
  tokens?: string[];
  /** Words inside a token. */
  words?: string[];
  /** Substrings of a token (long, unambiguous compounds only). */
  contains?: string[];
  /** The last word of a token: "post-author" is a box about the author, "author-article" is an article. */
  last?: string[];
  /** Tokens that look like the group but are not ("commentary" is an opinion piece, not reader comments). */
  unless?: RegExp;
}

// Order matters: the first group that matches names the category.
const GROUPS: Group[] = [
  {
    category: 'hidden',
    tokens: ['hidden', 'hide', 'sr-only', 'screen-reader-text', 'screen-reader', 'visually-hidden', 'visuallyhidden', 'offscreen', 'invisible', 'skip-link', 'skiplink', 'skip-links', 'print-only', 'noprint'],
  },
  { category: 'cookie', words: ['cookie', 'cookies', 'consent', 'gdpr', 'cookiebar'], contains: ['cookie', 'consent'] },
  { category: 'breadcrumbs', words: ['breadcrumb', 'breadcrumbs', 'crumbs', 'crumb'], contains: ['breadcrumb'] },
  {
    category: 'pagination',
    words: ['pagination', 'pager', 'paging', 'pagenav', 'prevnext'],
    tokens: ['page-numbers', 'nav-links', 'post-navigation', 'posts-navigation', 'navigation-post', 'nav-previous', 'nav-next', 'previous-post', 'next-post', 'prev-next', 'post-nav', 'postnav'],
    contains: ['pagination'],
  },
  {
    category: 'comments',
    words: ['comment', 'comments', 'respond', 'disqus', 'discussion', 'replies', 'commentlist', 'kommentare', 'commentaires', 'comentarios'],
    contains: ['comment', 'disqus'],
    unless: /commentary|commentator/,
  },
  {
    category: 'share',
    words: ['share', 'sharing', 'shares', 'social', 'sociable', 'addthis', 'sharethis', 'shariff', 'sharebar', 'socials', 'follow', 'sharebox', 'socialbar'],
    contains: ['sharedaddy', 'share', 'social', 'addtoany'],
  },
  {
    category: 'newsletter',
    words: ['newsletter', 'subscribe', 'subscription', 'signup', 'mailchimp', 'mc4wp', 'optin', 'mailing'],
    contains: ['newsletter', 'subscribe', 'paywall', 'regwall'],
  },
  {
    category: 'ads',
    words: ['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsense', 'adslot', 'sponsor', 'sponsored', 'promo', 'promotion', 'dfp', 'banner', 'outbrain', 'taboola', 'werbung', 'anzeige', 'publicite', 'affiliate'],
    contains: ['advert', 'adsense', 'sponsor', 'outbrain', 'taboola', 'affiliate'],
  },
  {
    category: 'related',
    words: ['related', 'recommended', 'recommendations', 'popular', 'trending', 'mostread', 'morestories', 'also', 'yarpp', 'relatedposts', 'more', 'teaser', 'teasers', 'latest', 'recent'],
    contains: ['related', 'recommend', 'most-read', 'mostpopular', 'also-read'],
  },
  {
    category: 'author-box',
    tokens: ['author-box', 'authorbox', 'author-bio', 'about-author', 'about-the-author', 'author-info', 'author-description', 'authorinfo', 'author-card', 'post-author-box', 'saboxplugin-wrap'],
    words: ['authorbox', 'authorinfo', 'autorbox', 'aboutauthor', 'authorbio', 'bio'],
    last: ['author', 'autor', 'auteur', 'autore'],
    contains: ['author-box', 'authorbox', 'author-bio', 'about-author', 'about-the-author', 'author-description', 'author__description', 'author-info', 'author__info', 'author-details'],
  },
  {
    category: 'tags',
    words: ['tags', 'tagcloud', 'taglist', 'keywords', 'categories', 'cat-links', 'tag-links'],
    // Post metadata lines ("Posted in … | Tagged … | Bookmark the permalink") go with the tags.
    contains: ['postmetadata', 'postmeta', 'entry-utility', 'entry-footer'],
    tokens: ['tag-list', 'post-tags', 'entry-tags', 'tags-links', 'cat-links', 'entry-categories', 'post-categories', 'article-tags'],
  },
  // Image captions and credits: trafilatura's evaluation counts them as not part of the text.
  { category: 'caption', tags: ['figcaption'], words: ['caption', 'captions', 'credit', 'credits', 'bildunterschrift', 'bilduntertitel', 'legende', 'wp-caption-text'], contains: ['caption'] },
  { category: 'navigation', tags: ['nav', 'menu'], roles: ['navigation', 'menu', 'menubar', 'search', 'tablist'], words: ['nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'topnav', 'subnav', 'navi', 'toolbar', 'search', 'searchform', 'skip', 'toc', 'tableofcontents'], contains: ['navbar', 'navigation', 'menu'] },
  { category: 'header', tags: ['header'], roles: ['banner'], tokens: ['header', 'site-header', 'masthead', 'page-header', 'global-header', 'top-bar', 'topbar', 'siteheader', 'head', 'kopf', 'logo', 'branding', 'site-branding'] },
  { category: 'footer', tags: ['footer'], roles: ['contentinfo'], words: ['footer', 'colophon', 'copyright', 'legal', 'imprint', 'impressum', 'disclaimer', 'fusszeile'], contains: ['footer'] },
  { category: 'sidebar', tags: ['aside'], roles: ['complementary'], words: ['sidebar', 'aside', 'widget', 'widgets', 'rail', 'secondary', 'marginal', 'sidebox'], contains: ['sidebar', 'widget'] },
];

/** Categories that also apply inside the main content (a share bar inside the article still goes). */
export const INSIDE_MAIN = new Set<Category>(['hidden', 'cookie', 'breadcrumbs', 'pagination', 'comments', 'share', 'newsletter', 'ads', 'related', 'author-box', 'tags', 'navigation', 'caption', 'footer', 'form']);

/** Categories a group loses when it holds real prose (a long paragraph is no ad, share bar or menu). */
export const PROSE_VETO = new Set<Category>(['hidden', 'ads', 'share', 'navigation', 'breadcrumbs', 'pagination', 'tags', 'header']);

/** Elements that are never a boilerplate group themselves (their classes describe the whole page). */
const NEVER = new Set(['html', 'body', 'main', 'a', 'span', 'strong', 'em', 'b', 'i', 'img', 'br', 'tr', 'td', 'th', 'tbody', 'table']);

/** Classes of pay- and registration walls: around the article text behind them as often as around the pitch. */
const WALL = /paywall|regwall/;

/**
 * A paragraph or heading names only what it is by its class when that is a
 * pitch, a label or a caption ("newsletter-promo", "ad-disclosure",
 * "social-title", "media__caption"): words like "teaser", "more" or "header"
 * on a <p> mark the article's own standfirst or subtitle.
 */
const TEXT_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TEXT_ELEMENT_CATEGORIES = new Set<Category>(['newsletter', 'ads', 'share', 'tags', 'footer', 'author-box', 'comments', 'cookie', 'caption']);

/**
 * CMS classes that name the post's taxonomy terms or state ("category-newsletter",
 * "tag-social-media", "has-comments"), and page-builder classes that call every
 * block a widget or module ("elementor-widget-container", "wpb_wrapper"): they
 * do not say what the element is, so they are not matched by word.
 */
const TAXONOMY = /^(?:(?:elementor|wp-block|wpb|vc|et_pb|fl|uagb|kt|category|categories|cat|tag|tags|postid|page|page-id|type|format|status|term|taxonomy|topic|section|rubrik|ressort|has|no|is|single|template|hentry|anlass|kategorie)[-_]|post[-_](?:\d|template|type|format|status|id|thumbnail|has|category|tag))/i;

/** Words that make the next one a state of the element, not its kind ("o-section--has-ads", "no-sidebar"). */
const STATE = new Set(['has', 'no', 'with', 'without']);

const wordsOf = (token: string): string[] =>
  token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w, k, all) => w && !(k > 0 && STATE.has(all[k - 1]!)));

const compiled = GROUPS.map((g) => ({
  ...g,
  tags: new Set(g.tags ?? []),
  roles: new Set(g.roles ?? []),
  tokens: new Set(g.tokens ?? []),
  words: new Set(g.words ?? []),
  contains: g.contains ?? [],
  last: new Set(g.last ?? []),
}));

export interface Match {
  category: Category;
  /** What matched, for the reason: `<nav>`, `role="navigation"`, `class "share-bar"`. */
  by: string;
  /** Matched by a pay- or registration-wall class: the element may hold the article behind the wall. */
  wall?: boolean;
}

/** A form with several input fields (segmentation lists them: its controls are dropped before). */
export const FORM: Match = { category: 'form', by: '<form> with input fields' };

/** The boilerplate category of one element, by its own name, role and class/id tokens. */
export function categoryOf(el: Element): Match | null {
  // The document node of a page without <html>/<body> has no name or attributes.
  if (el.type !== 'tag' || NEVER.has(el.name)) return null;
  if (TEXT_ELEMENTS.has(el.name)) {
    const m = groupOf(el);
    // A paragraph marked "paywalled" or "regwalled" is the article text behind the wall.
    return m && TEXT_ELEMENT_CATEGORIES.has(m.category) && !m.wall ? m : null;
  }
  return groupOf(el);
}

function groupOf(el: Element): Match | null {
  const role = el.attribs.role?.toLowerCase().trim();
  const raw = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.trim();
  const tokens = raw ? ownTokens(el) : [];
  // Each token with its words; `contains` reads the words joined again, so a state word's object is gone there too.
  const words = raw
    ? raw.split(/\s+/).filter((t) => !TAXONOMY.test(t)).map((t) => {
        const ws = wordsOf(t);
        return [t.toLowerCase(), ws, ws.join('-')] as const;
      })
    : [];
  for (const g of compiled) {
    if (g.tags.has(el.name)) return { category: g.category, by: `<${el.name}>` };
    if (role && g.roles.has(role)) return { category: g.category, by: `role="${role}"` };
    for (const t of tokens) if (g.tokens.has(t)) return { category: g.category, by: `class/id "${t}"` };
    for (const [t, ws, joined] of words) {
      if (g.unless?.test(t)) continue;
      if (ws.some((w) => g.words.has(w)) || g.contains.some((c) => joined.includes(c)) || (ws.length > 1 && g.last.has(ws.at(-1)!))) {
        return { category: g.category, by: `class/id "${t}"`, ...(WALL.test(t) ? { wall: true } : {}) };
      }
    }
  }
  return null;
}
