import type { CheerioAPI } from 'cheerio';

/** What a page says about itself in <head>, <link> and JSON-LD (read before scripts are dropped). */
export interface PageFacts {
  /** <meta name|property|itemprop> → contents, keys lower-cased, in document order. */
  metas: Map<string, string[]>;
  title: string | null;
  canonical: string | null;
  /** Flattened JSON-LD objects (@graph expanded). */
  jsonld: Record<string, unknown>[];
  /** `articleBody` strings of the JSON-LD, each with the span of its <script> in the source. */
  articleBodies: ArticleBody[];
}

export interface ArticleBody {
  text: string;
  span: [number, number];
}

export function readPageFacts($: CheerioAPI): PageFacts {
  const metas = new Map<string, string[]>();
  $('meta[content]').each((_, el) => {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? el.attribs['http-equiv'])?.trim().toLowerCase();
    const content = el.attribs.content?.trim();
    if (!key || !content) return;
    const list = metas.get(key);
    if (list) list.push(content);
    else metas.set(key, [content]);
  });
  const jsonld: Record<string, unknown>[] = [];
  const articleBodies: ArticleBody[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    const objects: Record<string, unknown>[] = [];
    try {
      flatten(JSON.parse(raw), objects, 0);
    } catch {
      /* broken JSON-LD is common: ignore it, other sources remain */
    }
    jsonld.push(...objects);
    for (const obj of objects) {
      if (typeof obj.articleBody === 'string' && el.startIndex != null && el.endIndex != null) {
        articleBodies.push({ text: obj.articleBody, span: [el.startIndex, el.endIndex + 1] });
      }
    }
  });
  const title = $('title').first().text().replace(/\s+/g, ' ').trim() || null;
  const canonical = $('link[rel~="canonical"]').attr('href')?.trim() || null;
  return { metas, title, canonical, jsonld, articleBodies };
}

function flatten(value: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 3 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  out.push(obj);
  if (obj['@graph']) flatten(obj['@graph'], out, depth + 1);
}
