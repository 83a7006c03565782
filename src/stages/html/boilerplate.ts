import type { AnyNode, Element } from 'domhandler';
import type { DocumentContext } from '../../model/document.js';
import { Stats, type DocumentStage, type StageContext } from '../types.js';
import { EMPTY_FALLBACK, htmlBoilerplateSpec, type HtmlBoilerplateOptions } from '../specs/html-boilerplate.js';
import { RULES, ruleSwitch } from '../../rules/registry.js';
import { noticeOf } from '../../rules/notices.js';
import { categoryOf, FORM, INSIDE_MAIN, PROSE_VETO, type Match } from './categories.js';
import { ancestors, isInside, ownTokens, someDescendant, walkElements, type PageDom } from './dom.js';
import { parseByline } from '../meta/byline.js';
import { lineCategory } from './lines.js';
import { WIDGET_WORDS, widgetCategory } from './widget-lines.js';
import { fallBackToJsonLdBody } from './json-ld-body.js';
import { articleTeasers, teaserOf } from './teasers.js';
import { blockInfo, findMainContent, massByElement, type BlockInfo } from './main-content.js';
import { applyScorer } from './scorer-apply.js';
import { removePersonBoxes } from './person-box.js';
import type { Removal } from '../../model/block.js';

const R = RULES;

export type { HtmlBoilerplateOptions };

/**
 * DOM-aware boilerplate removal for HTML pages. First the selector groups
 * (categories.ts): a block inside a navigation, comment, share, cookie… group
 * is removed with that category as its rule. Then the main content: the
 * container holding the densest prose (main-content.ts); blocks outside it
 * go, and inside it link lists go. Headings, lists, tables, quotes and code
 * inside the main content stay.
 */
export const htmlBoilerplate: DocumentStage<HtmlBoilerplateOptions> = {
  ...htmlBoilerplateSpec,
  run(doc, opts, ctx) {
    const dom = doc.page;
    if (!dom) return;
    // Each pass counts into stats of its own: only the pass whose decisions stand reaches the run's.
    let stats = new Stats();
    const infos = decide(doc, dom, opts, { ...ctx, stats });
    if (!infos) return;
    if (opts.selectors && opts.emptyFallback && emptiedByGroups(infos)) {
      // Undo this stage's decisions and take them again without the selector groups; when that
      // finds no content either (a page of menus only), the page had none: the first decisions stand.
      const first = infos.map((i) => [i.block.removed, i.block.role] as const);
      for (const info of infos) info.block.removed = undefined;
      const again = new Stats();
      decide(doc, dom, { ...opts, selectors: false }, { ...ctx, stats: again });
      if (infos.reduce((n, i) => n + (i.block.removed ? 0 : i.f.words), 0) >= EMPTY_FALLBACK.maxKeptWords) {
        stats = again;
        stats.update('html-boilerplate.empty-fallback');
      } else infos.forEach((info, k) => ([info.block.removed, info.block.role] = first[k]!));
    }
    ctx.stats.merge(stats);
    if (ruleSwitch('html', opts.rules)(R.jsonLdBody)) fallBackToJsonLdBody(doc, dom.facts.articleBodies, ctx);
    ctx.stats.update('html-boilerplate.documents');
  },
};

/**
 * One pass of the stage's decisions over the blocks still kept (selector groups, main content,
 * the structure and lexicon rules, bylines, the tail, person boxes, empty sections); the blocks'
 * infos, or null when there is no block to decide on.
 */
function decide(doc: DocumentContext, dom: PageDom, opts: HtmlBoilerplateOptions, ctx: StageContext): BlockInfo[] | null {
  const on = ruleSwitch('html', opts.rules);
  const infos: BlockInfo[] = [];
  for (const block of doc.blocks) {
    const el = dom.elements[block.i];
    if (!block.removed && el) infos.push(blockInfo(doc.view(block), el));
  }
  if (!infos.length) return null;

  // Selector matches, cached per element.
  const cache = new Map<Element, Match | null>();
  const match = (el: Element): Match | null => {
    let m = cache.get(el);
    if (m === undefined) cache.set(el, (m = !opts.selectors ? null : dom.forms.has(el) && on(R.form) ? FORM : categoryOf(el, on)));
    return m;
  };
  // A "boilerplate group" that holds most of the page's prose is a page wrapper with an unlucky class.
  const all = massByElement(infos, () => false);
  const { root } = dom;
  const total = all.get(root) ?? 0;
  const longInfos = infos.filter((i) => i.prose && i.f.words >= 25);
  const longProse = massByElement(longInfos, () => false);
  // Captions are no article text, even long ones; but where the captions carry much of the
  // page's prose (a slideshow told in its <figcaption>s), or one holds more than a caption
  // would (the article's lead put in the figure), they are the article.
  const captionProse = longInfos.filter((i) => [i.el, ...ancestors(i.el)].some((el) => match(el)?.category === 'caption')).reduce((sum, i) => sum + i.mass, 0);
  const captionsAreText = captionProse > (longProse.get(root) ?? 0) * CAPTION_SHARE;
  // A match holding over half the page's prose is a page wrapper with an unlucky class, not a group.
  const isWrapper = (el: Element) => (all.get(el) ?? 0) > total * 0.5;
  // A thread page (a forum's topic, a Q&A) has its text in the posts, which are marked up as
  // comments: when the long prose lies in comment groups and nothing outside any group makes an
  // article, the comments are the page's content.
  let threadWords = 0;
  let outside = 0;
  for (const i of longInfos) {
    const groups = [i.el, ...ancestors(i.el)].filter((el) => match(el) && !isWrapper(el));
    if (!groups.length) outside++;
    else if (groups.some((el) => match(el)!.category === R.comments.id)) threadWords += i.f.words;
  }
  const threadIsContent = threadWords > 0 && outside < THREAD_ARTICLE_PARAGRAPHS;
  const group = (el: Element): Match | null => {
    const m = match(el);
    if (!m || (threadIsContent && m.category === R.comments.id)) return null;
    // …but a cookie or consent panel outweighs a short post without being the page: it holds
    // none of the page's own landmarks (its <h1>, <main>, <article>).
    if (isWrapper(el) && !(m.category === R.cookie.id && !holdsLandmark(el))) return null;
    if (m.category === 'caption') return captionsAreText || (longProse.get(el) ?? 0) > CAPTION_PROSE ? null : m;
    // A "paywall" container that holds running text holds the article behind the wall, not the pitch.
    return (PROSE_VETO.has(m.category) || m.wall) && longProse.has(el) ? null : m;
  };
  // Teaser lists ("more stories": linked headlines with a line of summary) go when the page
  // has an article of its own; on a listing page they are the content and stay.
  const inGroup = (el: Element) => [el, ...ancestors(el)].some((node) => group(node) !== null);
  const teasers = on(R.teaserList) ? articleTeasers(infos, inGroup) : new Map<Element, never>();
  const skip = (el: Element) => group(el) !== null || teasers.has(el);
  const mass = massByElement(infos, skip);
  const plain = massByElement(infos, skip, 'plain');
  let main = opts.mainContent ? findMainContent(root, mass, plain) : root;
  // The page's own word for it: when the densest prose lies outside the one element marked as
  // the article (<article>, <main>, itemprop=articleBody) and that element still holds a fair
  // share of the prose, search again inside it.
  if (opts.mainContent) {
    const marked: Element[] = [];
    walkElements(dom.$.root().get(0)!, (el) => {
      const isMarked = el.attribs.itemprop === 'articleBody' || el.name === 'article' || el.name === 'main' || el.attribs.role === 'main';
      if (isMarked && !isInside(main, el) && !isInside(el, main)) marked.push(el);
    });
    const best = marked.sort((a, b) => (mass.get(b) ?? 0) - (mass.get(a) ?? 0))[0];
    if (best && (mass.get(best) ?? 0) >= (mass.get(root) ?? 0) * MARKED_SHARE) main = findMainContent(best, mass, plain);
  }
  const context = contextOf(main, massByElement(infos, skip, 'plain'));

  // Where the main content starts: what precedes it in its context is the article's head
  // (title, standfirst, a lead "teaser"), what follows it there is mostly related content.
  const mainStart = infos.find((i) => isInside(i.el, main))?.block.i ?? 0;
  // With the block scorer on, the structure rules' removals are proposals it may overrule.
  const scorerOn = on(R.scorer);
  const proposed = new Map<BlockInfo, Removal>();
  const structural = (info: BlockInfo, removal: Removal) => (scorerOn ? proposed.set(info, removal) : doc.remove(info.block, removal));
  // Rules with provenance words, for every block the structure rules keep.
  const byWords = (info: BlockInfo): boolean => {
    const { block } = info;
    if (on(R.ads) && R.ads.patterns.isObfuscated(block.text)) {
      return doc.remove(block, { stage: 'html-boilerplate', rule: R.ads.id, reason: 'words written in mixed Latin and Cyrillic letters: an obfuscated ad' });
    }
    const widget = info.f.words <= WIDGET_WORDS ? widgetCategory(block.text, info.f.words, info.prose, on) : null;
    if (widget) return doc.remove(block, { stage: 'html-boilerplate', rule: widget.id, reason: `widget line (${widget.id}) by the multilingual lexicon` });
    const line = lineCategory(block.text, info.f.words, on);
    if (line) return doc.remove(block, { stage: 'html-boilerplate', rule: line.id, reason: `${line.id} line ("${block.text.slice(0, 30)}…") by the multilingual lexicon` });
    // The sentences widgets write (comment-form notices, calls to follow or support the site), as in text mode.
    const notice = noticeOf(block.text, info.f.words, on);
    return notice ? doc.remove(block, { stage: 'html-boilerplate', rule: notice.rule.id, reason: notice.reason }) : false;
  };
  for (const info of infos) {
    const { block, el } = info;
    const inMain = isInside(el, main);
    const head = !inMain && block.i < mainStart && isInside(el, context);
    let removed = false;
    for (let node: AnyNode | null = el; node && node !== main && node.type === 'tag'; node = node.parent) {
      const m = group(node as Element);
      if (!m || (inMain && !INSIDE_MAIN.has(m.category))) continue;
      // The article's own head: its <header> and lead "teaser" are no page header or related list.
      if (head && (m.category === 'header' || m.category === 'related') && isInside(node, context) && isArticleHead(node as Element)) continue;
      doc.remove(block, { stage: 'html-boilerplate', rule: m.category, reason: `inside ${m.by}: ${m.category}` });
      ctx.stats.update(`html-boilerplate.${m.category}`);
      removed = true;
      break;
    }
    if (removed) continue;
    // Teasers inside the main content are left to the rules there (a forum's posts, a
    // documentation index look alike); beside it, they are no lead or context of the article.
    const teaser = inMain ? undefined : teaserOf(el, teasers);
    if (teaser) {
      structural(info, { stage: 'html-boilerplate', rule: R.teaserList.id, reason: `in a list of ${teaser.items.length} teasers <${teaser.shape}>: linked headlines with little text, repeated` });
      continue;
    }
    if (!inMain) {
      // jusText-style context: the lead, the title and subtitle, a recipe's ingredient list
      // right beside the main content belong to it (and are read for widget lines below).
      const beside = head ? belongsBeside(info) : isInside(el, context) && info.prose && (block.html?.linkDensity ?? 0) < 0.3;
      const lead = !beside && block.i < mainStart && block.i >= mainStart - LEAD_REACH && isLead(info, main);
      if (!beside && !lead && !(opts.keepOutsideProse && info.prose && info.f.words >= 30) && on(R.outsideMain)) {
        structural(info, { stage: 'html-boilerplate', rule: R.outsideMain.id, reason: `outside the main content (${describe(main)})` });
        continue;
      }
    } else if (block.kind !== 'heading' && !info.prose && (block.html?.linkDensity ?? 0) > opts.maxLinkDensity && on(R.linkList)) {
      structural(info, { stage: 'html-boilerplate', rule: R.linkList.id, reason: `mostly link text (${Math.round((block.html?.linkDensity ?? 0) * 100)}%), not prose` });
      continue;
    }
    byWords(info);
  }
  if (scorerOn) applyScorer(doc, proposed, byWords, ctx);
  removeBylines(doc, infos);
  if (on(R.afterMain)) removeTail(doc, infos.filter((i) => isInside(i.el, main)));
  // Author bios after the article; after the tail rule, so that a sign-off the bio followed stays.
  if (on(R.personBox)) removePersonBoxes(doc, infos, main, root, dom.facts.metas.get('author') ?? []);
  if (on(R.emptySection)) removeEmptySections(doc, infos);
  return infos;
}

/**
 * Whether the selector groups emptied a page that has text (EMPTY_FALLBACK): almost nothing is
 * kept, and the category that removed most words is a group's (not a structure rule's), and not
 * a footer or a consent banner.
 */
function emptiedByGroups(infos: readonly BlockInfo[]): boolean {
  let kept = 0;
  let total = 0;
  const byRule = new Map<string, number>();
  for (const { block, f } of infos) {
    total += f.words;
    if (!block.removed) kept += f.words;
    else if (block.removed.stage === 'html-boilerplate') byRule.set(block.removed.rule, (byRule.get(block.removed.rule) ?? 0) + f.words);
  }
  if (kept >= EMPTY_FALLBACK.maxKeptWords || total < EMPTY_FALLBACK.minPageWords) return false;
  const top = [...byRule].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top !== undefined && !STRUCTURE_RULES.has(top) && !(EMPTY_FALLBACK.emptyCategories as readonly string[]).includes(top);
}

/** Rules of the structure (not of a selector group): without the groups they would decide the same. */
const STRUCTURE_RULES = new Set<string>([R.outsideMain.id, R.linkList.id, R.teaserList.id, R.afterMain.id, R.emptySection.id, R.scorer.id, R.personBox.id]);

/** Long paragraphs (25 words or more) outside every group that make an article beside a comment thread. */
const THREAD_ARTICLE_PARAGRAPHS = 2;

/** Whether the page's own landmarks lie inside `el`: its title heading, its main or article element. */
const holdsLandmark = (el: Element): boolean =>
  someDescendant(el, (n) => n.name === 'h1' || n.name === 'main' || n.name === 'article' || n.attribs.role === 'main');

/** Share of the page's long prose inside captions above which the captions are the article. */
const CAPTION_SHARE = 0.3;
/** Characters of long prose no single caption holds. */
const CAPTION_PROSE = 600;

/** Share of the page's prose the marked article element must hold to override the search. */
const MARKED_SHARE = 0.25;

/** A header or teaser that heads an article (inside <article>/<main>, or holding its <h1> without a menu), not the site's banner. */
function isArticleHead(el: Element): boolean {
  if (el.attribs.role === 'banner') return false;
  for (let node: AnyNode | null = el.parent; node && node.type === 'tag'; node = node.parent) {
    const name = (node as Element).name;
    if (name === 'article' || name === 'main' || (node as Element).attribs.role === 'main') return true;
  }
  return someDescendant(el, (n) => n.name === 'h1') && !someDescendant(el, (n) => n.name === 'nav' || n.attribs.role === 'navigation');
}

/** How far above the main content its context reaches: up while the extra text is small beside it. */
const CONTEXT_LEVELS = 3;
const CONTEXT_EXTRA = 0.3;

function contextOf(main: Element, plain: Map<AnyNode, number>): Element {
  const base = plain.get(main) ?? 0;
  let context = main;
  for (let k = 0; k < CONTEXT_LEVELS; k++) {
    const parent = context.parent;
    if (!parent || parent.type !== 'tag') break;
    if ((plain.get(parent) ?? 0) - base > base * CONTEXT_EXTRA) break;
    context = parent as Element;
  }
  return context === main && main.parent?.type === 'tag' ? (main.parent as Element) : context;
}

const LEAD = /(?:^|[-_])(?:lead|intro|summary|teaser|excerpt|subtitle|subheadline|standfirst|abstract|description|chapo|bajada|deck|dek|kicker|einleitung|vorspann)(?:$|[-_])/;

/** How many blocks before the main content its lead may stand (title, byline, picture between). */
const LEAD_REACH = 12;

/**
 * The article's lead (standfirst, excerpt, "dek", "chapo") often sits in the article's header,
 * further from the main content than its context reaches: running text marked as a lead by a
 * class of its own or of a container it does not share with the main content.
 */
function isLead(info: BlockInfo, main: Element): boolean {
  if (info.f.words < 10 || (info.block.html?.linkDensity ?? 0) > 0.2) return false;
  const shared = new Set<AnyNode>([main, ...ancestors(main)]);
  for (let node: AnyNode | null = info.el; node && node.type === 'tag' && !shared.has(node); node = node.parent) {
    if (ownTokens(node as Element).some((t) => LEAD.test(t))) return true;
  }
  return false;
}

/** Blocks that belong to the article when they sit right beside its main content. */
function belongsBeside(info: BlockInfo): boolean {
  const { block } = info;
  const ld = block.html?.linkDensity ?? 0;
  if (ld > 0.5) return false;
  if (info.prose || (block.kind === 'heading' && (block.level ?? 6) <= 3)) return true;
  if ((block.kind === 'list-item' || block.kind === 'table-row') && ld < 0.3) return true;
  return info.f.words >= 5 && [info.el, ...ancestors(info.el)].some((el) => ownTokens(el).some((t) => LEAD.test(t)));
}

/**
 * jusText-style tail: after the last paragraph of prose in the main content,
 * short lines that are not prose (a sign-off, a source label, a "Tags" line, a
 * call to action) are no longer the article. Lists, tables, code and quotes stay.
 */
function removeTail(doc: DocumentContext, inMain: BlockInfo[]): void {
  const kept = inMain.filter((i) => !i.block.removed);
  let last = -1;
  kept.forEach((i, k) => {
    if (i.prose) last = k;
  });
  if (last < 0) return;
  const tail = kept.slice(last + 1);
  tail.forEach(({ block, f, prose }, k) => {
    // CJK text has no word spaces: its word count says little about a line's nature.
    if (prose || f.unspaced || CJK.test(block.text) || f.words > R.afterMain.gates.html.maxWords || ['list-item', 'table-row', 'code', 'quote'].includes(block.kind)) return;
    // A heading over a list or table that stays is that list's title.
    const next = tail[k + 1]?.block.kind;
    if (block.kind === 'heading' && (next === 'list-item' || next === 'table-row')) return;
    doc.remove(block, { stage: 'html-boilerplate', rule: R.afterMain.id, reason: 'short line after the last paragraph of the article' });
  });
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Bylines and datelines left in the text go to metadata, as in text mode
 * (rules metadata/byline and metadata/dateline): a block that is a date and
 * little else, or "By Name", among the kept blocks.
 */
function removeBylines(doc: DocumentContext, infos: BlockInfo[]): void {
  for (const { block, f } of infos) {
    if (block.removed || block.kind === 'heading' || f.words > 10) continue;
    // The same reader as text mode's byline stage; the author goes to
    // meta.author in html-metadata, after the page's own meta tags.
    const parsed = parseByline(block.text, doc.data.meta.lang);
    if (!parsed) continue;
    block.role = parsed.role;
    const reason = parsed.role === 'byline' ? `byline: author "${parsed.author}" moved to metadata` : 'dateline: a date and nothing else';
    doc.remove(block, { stage: 'metadata', rule: parsed.role, reason });
  }
}

/**
 * A heading whose section lost all its content (the header of a removed
 * related list or comment thread) goes too: the next kept block is a heading
 * of the same or a higher level, or there is none.
 */
function removeEmptySections(doc: DocumentContext, infos: BlockInfo[]): void {
  const kept = infos.filter((i) => !i.block.removed);
  kept.forEach(({ block }, k) => {
    if (block.kind !== 'heading' || block.text.split(/\s+/).length > R.emptySection.gates.html.maxWords) return;
    const next = kept[k + 1]?.block;
    if (next && (next.kind !== 'heading' || (next.level ?? 6) > (block.level ?? 6))) return;
    doc.remove(block, { stage: 'html-boilerplate', rule: R.emptySection.id, reason: 'heading with no kept content after it' });
  });
}

function describe(el: Element): string {
  const id = el.attribs?.id ? `#${el.attribs.id}` : '';
  const cls = el.attribs?.class?.trim().split(/\s+/)[0];
  return `<${el.name}${id}${cls ? `.${cls}` : ''}>`;
}
