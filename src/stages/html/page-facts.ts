import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { hasWord, walkElements } from './dom.js';

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

/**
 * One walk over the page for what four queries found (meta[content],
 * script[type="application/ld+json"], the first <title>, the first
 * link[rel~="canonical"]), in document order. `type` and `rel` compare
 * without case, as selectors do in HTML.
 */
export function readPageFacts($: CheerioAPI): PageFacts {
  const metas = new Map<string, string[]>();
  const scripts: Element[] = [];
  let titleEl: Element | undefined;
  let canonicalEl: Element | undefined;
  walkElements($.root().get(0)!, (el) => {
    const { attribs } = el;
    if (el.name === 'meta' && attribs.content != null) {
      const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'])?.trim().toLowerCase();
      const content = attribs.content.trim();
      if (!key || !content) return;
      const list = metas.get(key);
      if (list) list.push(content);
      else metas.set(key, [content]);
    } else if (el.name === 'script' && attribs.type?.toLowerCase() === 'application/ld+json') scripts.push(el);
    else if (el.name === 'title') titleEl ??= el;
    else if (el.name === 'link' && hasWord(attribs.rel, 'canonical')) canonicalEl ??= el;
  });
  const jsonld: Record<string, unknown>[] = [];
  const articleBodies: ArticleBody[] = [];
  for (const el of scripts) {
    const raw = $(el).text().trim();
    if (!raw) continue;
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
  }
  const title = (titleEl ? $(titleEl).text() : '').replace(/\s+/g, ' ').trim() || null;
  const canonical = (canonicalEl ? $(canonicalEl).attr('href') : undefined)?.trim() || null;
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
