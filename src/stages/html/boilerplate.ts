import { z } from 'zod';
import type { Block, HtmlNode } from '../../model/block.js';
import { removeBlock, type UnboilFile } from '../../model/document.js';
import { isProse, textFeatures } from '../../text/features.js';
import { stopwordsFor } from '../../text/stopwords.js';
import type { DocumentStage } from '../types.js';
import { categoryByNames, categoryOf, type Category } from './categories.js';
import { findMainContent, isInside } from './main-content.js';

const options = z
  .object({
    categories: z.boolean().default(true).describe('Remove blocks inside elements whose tag, role or class/id names say what boilerplate they are (navigation, sidebar, comments…).'),
    mainContent: z.boolean().default(true).describe('Remove the blocks outside the element that holds the main content.'),
    share: z.number().min(0.1).max(1).default(0.5).describe('The main content element holds at least this share of the page\'s prose.'),
    widen: z.number().min(0).default(0.25).describe('Widen the main content to its parent while the parent adds at least this share of extra prose.'),
    keepCaptions: z.boolean().default(false).describe('Keep <figcaption> and <caption> text (captions and photo credits are not article prose).'),
    maxLinkDensity: z.number().min(0).max(1).default(0.5).describe('Short blocks with more of their text in links than this are link lists.'),
  })
  .strict();

type Options = z.infer<typeof options>;

const REASONS: Record<Category, string> = {
  navigation: 'inside a navigation menu',
  breadcrumbs: 'inside a breadcrumb trail',
  header: 'inside the site header',
  footer: 'inside the page footer',
  sidebar: 'inside a sidebar or widget area',
  related: 'inside a related-content box',
  comments: 'inside the comment section',
  share: 'inside a share or social-media bar',
  newsletter: 'inside a newsletter or subscription box',
  cookie: 'inside a cookie or consent banner',
  ads: 'inside an advertisement or promotion',
  pagination: 'inside pagination links',
  'author-box': 'inside an author box',
  form: 'inside a form',
};

const ARTICLE_TAGS = new Set(['article', 'main']);
const ARTICLE_NAMES = /article|entry|post|story|content|title|headline/i;

/**
 * The boilerplate category of a block: that of its innermost categorised
 * ancestor, skipping elements that hold most of the page's prose (a page
 * wrapped in <form>, a <div class="widget"> around the article) and
 * <header>/<footer> elements of the article itself.
 */
function categoryOfBlock(block: Block, holdsMostProse: (node: HtmlNode) => boolean): { category: Category; node: HtmlNode } | null {
  const ancestors = block.html?.ancestors ?? [];
  for (let k = ancestors.length - 1; k >= 0; k--) {
    const node = ancestors[k]!;
    const category = categoryOf(node);
    if (!category || holdsMostProse(node)) continue;
    // <header>/<footer> of the article itself (its title, lead, byline), not of the site.
    const byTagOnly = (category === 'header' || category === 'footer') && categoryByNames(node) === null;
    if (byTagOnly && (ARTICLE_NAMES.test(node.names) || ancestors.slice(0, k).some((a) => ARTICLE_TAGS.has(a.tag) || a.role === 'main'))) continue;
    return { category, node };
  }
  return null;
}

/**
 * DOM-aware boilerplate removal for HTML pages: blocks inside elements of a
 * known boilerplate category go with that category as their rule; then the
 * main content element is found (the densest prose, see findMainContent)
 * and what lies outside it goes too, except the article's title heading
 * just before it and prose right against it; then captions, headings with
 * nothing under them (teaser titles) and short link lists. The text rules
 * of the `boilerplate` stage then judge what is left line by line.
 */
export const htmlBoilerplate: DocumentStage<Options> = {
  kind: 'document',
  name: 'html-boilerplate',
  formats: ['html'],
  description: 'HTML pages: removes blocks inside navigation, header, footer, sidebar, related, comments, share, newsletter, cookie, ads, breadcrumbs, pagination, author-box and form elements, then everything outside the main content, captions, orphan headings and link lists.',
  options,
  run(file: UnboilFile, opts, ctx) {
    const stop = stopwordsFor(file.data.lang3);
    const blocks = file.data.blocks.filter((b) => !b.removed && b.html);
    const proseWeight = new Map<Block, number>();
    for (const block of blocks) {
      const f = textFeatures(block.text, stop);
      proseWeight.set(block, isProse(f) && block.html!.linkDensity <= opts.maxLinkDensity ? f.chars : 0);
    }
    const weightOf = (b: Block) => proseWeight.get(b) ?? 0;
    const all = findMainContent(blocks, weightOf, opts);
    const holdsMostProse = (node: HtmlNode) => (all.weight.get(node.id) ?? 0) >= all.total * 0.5;

    const remove = (block: Block, rule: string, reason: string) => {
      removeBlock(file, block, { stage: 'html-boilerplate', rule, reason });
      ctx.stats.update(`html-boilerplate.${rule}`);
    };

    if (opts.categories) {
      for (const block of blocks) {
        const hit = categoryOfBlock(block, holdsMostProse);
        if (hit) remove(block, hit.category, `${REASONS[hit.category]} (${hit.node.tag}${hit.node.names ? ` "${hit.node.names}"` : ''})`);
      }
    }

    const rest = blocks.filter((b) => !b.removed);
    if (opts.mainContent) {
      const { container } = findMainContent(rest, weightOf, opts);
      if (container) {
        const inside = rest.map((b) => isInside(b, container));
        const firstInside = inside.indexOf(true);
        const lastInside = inside.lastIndexOf(true);
        // Prose right next to the content element (a lead paragraph in the
        // article header, a sibling text block) belongs to it; the first
        // non-prose block ends the extension.
        for (let k = firstInside - 1; k >= 0 && weightOf(rest[k]!) > 0; k--) inside[k] = true;
        for (let k = lastInside + 1; k < rest.length && weightOf(rest[k]!) > 0; k++) inside[k] = true;
        const start = inside.indexOf(true);
        // The title heading often sits just outside the content element.
        const title = rest.slice(Math.max(0, start - 6), start).findLast((b) => b.kind === 'heading' && (b.level ?? 9) <= 2);
        if (title) title.role = 'title';
        const where = `${container.tag}${container.names ? ` "${container.names}"` : ''}`;
        rest.forEach((block, k) => {
          if (block === title || inside[k]) return;
          remove(block, 'outside-main', `outside the main content element (${where})`);
        });
      }
    }

    if (!opts.keepCaptions) {
      for (const block of rest) if (!block.removed && block.kind === 'caption') remove(block, 'caption', 'image or table caption (keepCaptions: false)');
    }

    // A heading with nothing of its own under it (up to the next heading or
    // the end) titles a teaser or an emptied widget, not a section.
    const kept = rest.filter((b) => !b.removed);
    kept.forEach((block, k) => {
      if (block.kind !== 'heading' || block.role === 'title') return;
      let content = false;
      for (let j = k + 1; j < kept.length && kept[j]!.kind !== 'heading' && !content; j++) content = kept[j]!.html!.linkDensity < 0.5;
      if (!content) remove(block, 'orphan-heading', 'heading with no content of its own under it (a teaser or an emptied box)');
    });

    for (const block of rest) {
      if (block.removed || weightOf(block) > 0 || block.kind === 'heading') continue;
      if (block.html!.linkDensity > opts.maxLinkDensity && block.text.length < 200) {
        remove(block, 'link-list', `mostly link text (${Math.round(block.html!.linkDensity * 100)}%): a list of links`);
      }
    }
  },
};
