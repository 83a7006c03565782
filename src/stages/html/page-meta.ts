import type { CheerioAPI } from 'cheerio';
import type { PageMeta } from '../../model/document.js';

const clean = (value: string | undefined | null): string | null => {
  const t = value?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** Values from JSON-LD objects (the article, or anything in an @graph), in order of appearance. */
function jsonLd($: CheerioAPI, into: PageMeta): void {
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    const type = String(o['@type'] ?? '');
    if (/Article|Posting|Report|NewsArticle|WebPage|Recipe|Review|CreativeWork/i.test(type)) {
      for (const key of ['headline', 'name']) if (typeof o[key] === 'string' && !/WebPage/i.test(type)) into.titles.push(o[key] as string);
      for (const key of ['datePublished', 'dateCreated', 'uploadDate']) if (typeof o[key] === 'string') into.dates.push(o[key] as string);
      const authors = Array.isArray(o.author) ? o.author : o.author ? [o.author] : [];
      for (const a of authors) {
        const name = typeof a === 'string' ? a : (a as Record<string, unknown>)?.name;
        if (typeof name === 'string') into.authors.push(name);
      }
      const publisher = o.publisher as Record<string, unknown> | undefined;
      if (typeof publisher?.name === 'string') into.siteNames.push(publisher.name);
      if (typeof o.url === 'string') into.urls.push(o.url);
    }
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()), 0);
    } catch {
      /* broken JSON-LD is common; the other sources still count */
    }
  });
}

/**
 * Reads what a page declares about itself: Open Graph and article meta tags,
 * JSON-LD, <time>, rel=author, <title>, canonical URL. Call it before
 * scripts are removed (JSON-LD lives in script tags). Earlier entries are
 * better sources; interpretation is left to the html-metadata stage.
 */
export function readPageMeta($: CheerioAPI): PageMeta {
  const meta: PageMeta = { titles: [], authors: [], dates: [], siteNames: [], urls: [] };
  const content = (selector: string) =>
    $(selector)
      .map((_, el) => clean($(el).attr('content')))
      .get()
      .filter((v): v is string => v !== null);
  jsonLd($, meta);
  meta.titles.push(...content('meta[property="og:title"], meta[name="twitter:title"]'));
  meta.authors.push(...content('meta[name="author"], meta[property="article:author"], meta[name="dc.creator" i], meta[name="sailthru.author"], meta[name="parsely-author"]'));
  meta.authors.push(...$('[rel="author"], [itemprop="author"] [itemprop="name"]').map((_, el) => clean($(el).text())).get().filter(Boolean));
  meta.dates.push(
    ...content(
      'meta[property="article:published_time"], meta[name="pubdate"], meta[name="publishdate"], meta[name="date"], meta[name="dc.date" i], meta[name="dcterms.date" i], meta[name="citation_publication_date"], meta[itemprop="datePublished"], meta[property="og:published_time"]',
    ),
  );
  meta.dates.push(...$('time[datetime]').map((_, el) => clean($(el).attr('datetime'))).get().filter(Boolean).slice(0, 1));
  meta.siteNames.push(...content('meta[property="og:site_name"], meta[name="application-name"]'));
  meta.urls.push(...content('meta[property="og:url"]'), ...$('link[rel="canonical"]').map((_, el) => clean($(el).attr('href'))).get().filter(Boolean));
  const title = clean($('head > title').first().text());
  if (title) meta.titles.push(title);
  for (const key of Object.keys(meta) as Array<keyof PageMeta>) meta[key] = [...new Set(meta[key].map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return meta;
}
