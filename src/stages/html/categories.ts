import type { Element } from 'domhandler';
import { RULES, type RuleSpec, type RuleSwitch, type SelectorGroup } from '../../rules/registry.js';
import { ownTokens } from './dom.js';

/**
 * Boilerplate categories, each a group of selectors: element names, ARIA
 * roles and class/id words. Every removal carries its category as its rule,
 * so a reviewer sees "social" or "comments", not "boilerplate". The groups are
 * the `selectors` of the rules in src/rules/, tried in GROUP_RULES order.
 *
 * Class/id tokens are split into words ("post-share_bar" → post, share, bar;
 * "relatedPosts" → related, posts) and matched word by word, so "ad" matches
 * "ad-slot" but not "shadow" or "header". Compound words written without a
 * separator ("sharedaddy", "sidebar") are matched by the `contains` list.
 */
const R = RULES;
// Order matters: the first group that matches names the category.
const GROUP_RULES = [
  R.hidden, R.cookie, R.breadcrumbs, R.pagination, R.comments, R.social, R.newsletter, R.ads, R.related, R.authorBox, R.tags, R.caption, R.navigation, R.header, R.footer, R.sidebar,
] as const;

export type Category = (typeof GROUP_RULES)[number]['id'] | typeof R.form.id;

type HtmlGates = { insideMain?: boolean; proseVeto?: boolean; onTextElements?: boolean };
const htmlGates = (rule: RuleSpec): HtmlGates => (rule.gates?.html ?? {}) as HtmlGates;
const categoriesWhere = (gate: keyof HtmlGates) => new Set<Category>([...GROUP_RULES, R.form].filter((r) => htmlGates(r)[gate]).map((r) => r.id));

/** Categories that also apply inside the main content (a share bar inside the article still goes). */
export const INSIDE_MAIN = categoriesWhere('insideMain');

/** Categories a group loses when it holds real prose (a long paragraph is no ad, share bar or menu). */
export const PROSE_VETO = categoriesWhere('proseVeto');

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
const TEXT_ELEMENT_CATEGORIES = categoriesWhere('onTextElements');

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

const compiled = GROUP_RULES.map((rule) => ({ rule, g: rule.selectors as SelectorGroup })).map(({ rule, g }) => ({
  rule: rule as RuleSpec,
  category: rule.id as Category,
  unless: (g as SelectorGroup).unless,
  tags: new Set<string>((g as SelectorGroup).tags ?? []),
  roles: new Set<string>((g as SelectorGroup).roles ?? []),
  tokens: new Set<string>((g as SelectorGroup).tokens ?? []),
  words: new Set<string>((g as SelectorGroup).words ?? []),
  contains: (g as SelectorGroup).contains ?? [],
  last: new Set<string>((g as SelectorGroup).last ?? []),
}));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const allContains = compiled.flatMap((g) => g.contains);
/**
 * The letter and digit runs of every group's words, `contains` and `last` entries. A token
 * matches by its words only if its lower-cased text holds one of them: a word is a run of the
 * token's letters and digits, and a `contains` entry that matches the words joined by "-" has its
 * first run inside one word. (An entry of separators only could match anything: then every token is read.)
 */
const pieces = [...compiled.flatMap((g) => [...g.words, ...g.last]), ...allContains].flatMap((entry) => entry.split(/[^a-z0-9]+/).filter(Boolean));
// Exported (as ANY is) so that tests/regex-safety.test.ts checks the patterns built here.
export const ANY_PIECE = allContains.some((c) => !/[a-z0-9]/.test(c)) ? /(?:)/ : new RegExp([...new Set(pieces)].map(escapeRegExp).join('|'));

/**
 * What any group's words, `contains` and `last` lists hold, together: a class/id token none of
 * them fits matches no group by its words, and is not tried group by group (most tokens of a
 * page, "col-md-6", "entry-content", fit none).
 */
export const ANY = {
  words: new Set(compiled.flatMap((g) => [...g.words])),
  contains: new RegExp(allContains.map(escapeRegExp).join('|')),
  last: new Set(compiled.flatMap((g) => [...g.last])),
};
const mayMatch = (ws: string[], joined: string): boolean =>
  ws.some((w) => ANY.words.has(w)) || ANY.contains.test(joined) || (ws.length > 1 && ANY.last.has(ws.at(-1)!));

export interface Match {
  category: Category;
  /** What matched, for the reason: `<nav>`, `role="navigation"`, `class "share-bar"`. */
  by: string;
  /** Matched by a pay- or registration-wall class: the element may hold the article behind the wall. */
  wall?: boolean;
}

/** A form with several input fields (segmentation lists them: its controls are dropped before). */
export const FORM: Match = { category: R.form.id, by: '<form> with input fields' };

/** The boilerplate category of one element, by its own name, role and class/id tokens. */
export function categoryOf(el: Element, on: RuleSwitch = () => true): Match | null {
  // The document node of a page without <html>/<body> has no name or attributes.
  if (el.type !== 'tag' || NEVER.has(el.name)) return null;
  if (TEXT_ELEMENTS.has(el.name)) {
    const m = groupOf(el, on);
    // A paragraph marked "paywalled" or "regwalled" is the article text behind the wall.
    return m && TEXT_ELEMENT_CATEGORIES.has(m.category) && !m.wall ? m : null;
  }
  return groupOf(el, on);
}

function groupOf(el: Element, on: RuleSwitch): Match | null {
  const role = el.attribs.role?.toLowerCase().trim();
  const { class: cls, id } = el.attribs;
  // Most elements have neither: no string built for them.
  const raw = cls || id ? `${cls ?? ''} ${id ?? ''}`.trim() : '';
  const tokens = raw ? ownTokens(el) : [];
  // Each token with its words, if they may match a group; `contains` reads the words joined again, so a state word's object is gone there too.
  const words: Array<readonly [string, string[], string]> = [];
  if (raw) {
    for (const t of raw.split(/\s+/)) {
      const lower = t.toLowerCase();
      // Splitting into words is the costly part: a token holding no group's letters is passed over before.
      if (TAXONOMY.test(t) || !ANY_PIECE.test(lower)) continue;
      const ws = wordsOf(t);
      const joined = ws.join('-');
      if (mayMatch(ws, joined)) words.push([lower, ws, joined]);
    }
  }
  for (const g of compiled) {
    if (!on(g.rule)) continue;
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
