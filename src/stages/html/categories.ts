import type { HtmlNode } from '../../model/block.js';

/**
 * Boilerplate categories of HTML elements, recognised by tag, ARIA role and
 * class/id names. The category becomes the rule id of every block removed
 * inside such an element, so a reviewer sees "sidebar" or "comments", not a
 * score. Name patterns match whole words of a class or id, where words are
 * separated by `-`, `_`, spaces or a change of case (`relatedPosts`).
 */
export type Category =
  | 'navigation' | 'breadcrumbs' | 'header' | 'footer' | 'sidebar' | 'related' | 'comments' | 'share'
  | 'newsletter' | 'cookie' | 'ads' | 'pagination' | 'author-box' | 'form';

interface CategoryRule {
  category: Category;
  tags?: string[];
  roles?: string[];
  /** Words of class/id names (regex source, matched as whole words). */
  names?: string;
}

const RULES: CategoryRule[] = [
  { category: 'cookie', names: 'cookies?|cookie-?(?:banner|notice|consent|bar)|consent|gdpr|onetrust|cookiebot|privacy-?banner' },
  { category: 'comments', names: 'comments?|comment-?(?:list|form|area|section|respond)|commentlist|disqus|respond|replies|discussion|kommentare?|commentaires?|comentarios?' },
  { category: 'share', names: 'share|shares|sharing|social|socials|sociable|addthis|addtoany|shariff|sharedaddy|share-?(?:bar|buttons?|links|tools)|follow-?us|social-?(?:links|media|icons|share)' },
  { category: 'newsletter', names: 'newsletter|subscribe|subscription|signup|sign-?up|mailchimp|mc4wp|optin|opt-?in' },
  { category: 'related', names: 'related|related-?(?:posts?|articles?|content|stories|links|news)|recommended|recommendations?|more-?(?:stories|articles|news|from)|also-?read|read-?(?:next|also)|similar|yarpp|jp-relatedposts|popular|trending|most-?(?:read|popular|viewed)|outbrain|taboola|zergnet|crp_related|you-?may-?like' },
  { category: 'ads', names: 'ads?|advert|adverts|advertising|advertisement|adsbygoogle|ad-?(?:slot|unit|container|wrapper|banner|box)|banner-?ad|sponsor|sponsored|promo|promotion|dfp|doubleclick|werbung|anzeige|publicidad|commercial' },
  { category: 'breadcrumbs', names: 'breadcrumbs?|crumbs?|breadcrumb-?trail' },
  { category: 'pagination', names: 'pagination|pager|paging|page-?numbers|nav-?links|post-?navigation|prev-?next|next-?prev' },
  { category: 'author-box', names: 'author-?(?:box|bio|info|card|profile)|about-?(?:the-)?author|authorbox|post-?author-?bio' },
  { category: 'sidebar', tags: ['aside'], roles: ['complementary'], names: 'sidebar|side-?bar|sidebars|widgets?|widget-?area|rail|right-?col(?:umn)?|left-?col(?:umn)?|sidenav|side-?nav' },
  { category: 'navigation', tags: ['nav', 'menu'], roles: ['navigation', 'menubar', 'menu', 'tablist', 'search'], names: 'nav|navbar|navigation|menu|menus|menubar|main-?menu|top-?menu|sub-?menu|mainnav|topnav|subnav|skip-?links?|toc-?nav|search-?form|searchform|language-?(?:switcher|selector|menu)' },
  { category: 'header', tags: ['header'], roles: ['banner'], names: 'masthead|site-?header|page-?header-?top|top-?bar|topbar|header-?(?:top|bar|wrapper|nav)|global-?header' },
  { category: 'footer', tags: ['footer'], roles: ['contentinfo'], names: 'footer|site-?footer|page-?footer|footer-?(?:wrapper|nav|links)|copyright|colophon|global-?footer' },
  { category: 'form', tags: ['form'] },
];

const COMPILED = RULES.map((rule) => ({
  ...rule,
  pattern: rule.names ? new RegExp(`(?:^|[\\s_-])(?:${rule.names})(?=$|[\\s_-])`, 'i') : null,
}));

/**
 * Splits camelCase so that "relatedPosts" reads as "related-posts", and
 * drops taxonomy classes ("category-no-newsletter", "tag-cookies") that CMSs
 * put on articles: they describe the content, not the element.
 */
const words = (names: string) =>
  names
    .split(/\s+/)
    .filter((token) => !/^(?:category|categories|tag|tags|topic|format|type|status|post-?type|section|rubrik|ressort|anlass|label)[-_]/i.test(token))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();

const cache = new WeakMap<HtmlNode, Category | null>();

/** The boilerplate category of one element, or null. Names win over tags (an <aside class="related"> is "related"). */
export function categoryOf(node: HtmlNode): Category | null {
  let category = cache.get(node);
  if (category === undefined) cache.set(node, (category = classify(node)));
  return category;
}

function classify(node: HtmlNode): Category | null {
  return categoryByNames(node) ?? categoryByTag(node);
}

const namesCache = new WeakMap<HtmlNode, Category | null>();

/** The category an element's class and id names give it, or null. */
export function categoryByNames(node: HtmlNode): Category | null {
  let category = namesCache.get(node);
  if (category === undefined) {
    const names = node.names ? words(node.names) : '';
    category = (names && COMPILED.find((rule) => rule.pattern?.test(names))?.category) || null;
    namesCache.set(node, category);
  }
  return category;
}

function categoryByTag(node: HtmlNode): Category | null {
  return COMPILED.find((rule) => rule.tags?.includes(node.tag) || (node.role && rule.roles?.includes(node.role)))?.category ?? null;
}
