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
  // One pass over the <meta> elements, keyed by name or property.
  const metas = new Map<string, string[]>();
  $('meta[content]').each((_, el) => {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase();
    const value = clean(el.attribs.content);
    if (key && value) metas.set(key, [...(metas.get(key) ?? []), value]);
  });
  const content = (...keys: string[]) => keys.flatMap((k) => metas.get(k) ?? []);
  jsonLd($, meta);
  meta.titles.push(...content('og:title', 'twitter:title'));
  meta.authors.push(...content('author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author'));
  meta.authors.push(...$('[rel="author"], [itemprop="author"] [itemprop="name"]').map((_, el) => clean($(el).text())).get().filter(Boolean));
  meta.dates.push(
    ...content('article:published_time', 'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.date', 'citation_publication_date', 'datepublished', 'og:published_time'),
  );
  meta.dates.push(...$('time[datetime]').first().map((_, el) => clean($(el).attr('datetime'))).get().filter(Boolean));
  meta.siteNames.push(...content('og:site_name', 'application-name'));
  meta.urls.push(...content('og:url'), ...$('link[rel="canonical"]').map((_, el) => clean($(el).attr('href'))).get().filter(Boolean));
  const title = clean($('head > title').first().text());
  if (title) meta.titles.push(title);
  for (const key of Object.keys(meta) as Array<keyof PageMeta>) meta[key] = [...new Set(meta[key].map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return meta;
}
