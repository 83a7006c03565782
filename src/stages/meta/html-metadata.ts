import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { DocumentData } from '../../model/document.js';
import { findDates, isoDateOf } from '../../text/dates.js';
import { firstElement, hasWord, textOf } from '../html/dom.js';
import { looksLikeDate } from '../html/lines.js';
import { parseByline } from './byline.js';
import type { PageFacts } from '../html/page-facts.js';
import type { DocumentStage } from '../types.js';
import { htmlMetadataSpec, type HtmlMetadataOptions } from '../specs/html-metadata.js';
import { stripSiteName } from './metadata.js';

const first = (facts: PageFacts, ...keys: string[]): string | null => {
  for (const key of keys) {
    const v = facts.metas.get(key)?.[0];
    if (v) return v;
  }
  return null;
};

const TYPES = /article|posting|report|blog|news|webpage|recipe|review|creativework/i;
/** JSON-LD values are whatever the page wrote: a string, a list, an object. */
const str = (v: unknown): string | null => (typeof v === 'string' ? v : Array.isArray(v) ? str(v[0]) : null);
const clean = (v: unknown) => {
  const s = str(v);
  return s ? s.replace(/\s+/g, ' ').trim() || null : null;
};

/** A name from a JSON-LD author: a string, a Person, or a list of them. */
function nameOf(value: unknown): string | null {
  if (!value) return null;
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (typeof value === 'object') return clean((value as { name?: unknown }).name);
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Metadata an HTML page states about itself, read before the generic
 * metadata stage (whose values it pre-empts): title (og:title, JSON-LD
 * headline, <h1>, <title>, site name stripped), author (meta, JSON-LD,
 * rel=author, byline elements), date (JSON-LD, article:published_time,
 * <time>, the URL), site (og:site_name, canonical host), URL (canonical, og:url).
 */
export const htmlMetadata: DocumentStage<HtmlMetadataOptions> = {
  ...htmlMetadataSpec,
  run(doc) {
    const dom = doc.page;
    if (!dom) return;
    const { $, facts } = dom;
    const { meta, source } = doc.data;
    const ld = facts.jsonld.find((o) => TYPES.test(String(o['@type'] ?? ''))) ?? facts.jsonld.find((o) => o.headline || o.datePublished);

    source.url ??= facts.canonical?.startsWith('http') ? facts.canonical : first(facts, 'og:url');
    meta.site ??=
      clean(first(facts, 'og:site_name', 'application-name')) ??
      nameOf((ld?.publisher as unknown) ?? null) ??
      hostOf(source.url);

    meta.author ??=
      nameOf(ld?.author) ??
      clean(first(facts, 'author', 'article:author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl')) ??
      clean(firstText($, (el) => hasWord(el.attribs.rel, 'author'))) ??
      clean(firstText($, (el) => el.attribs.itemprop === 'author')) ??
      bylineAuthor(doc.data);
    if (meta.author && (/^https?:\/\//.test(meta.author) || meta.author.length > 100)) meta.author = null;

    meta.date ??=
      isoDateOf(str(ld?.datePublished)) ??
      isoDateOf(first(facts, 'article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'pubdate', 'publishdate', 'publication_date', 'sailthru.date', 'parsely-pub-date')) ??
      isoDateOf(str(ld?.dateCreated)) ??
      isoDateOf(firstElement($.root().get(0)!, (el) => el.name === 'time' && el.attribs.datetime != null)?.attribs.datetime) ??
      dateFromUrl(source.url) ??
      datelineNearTitle(doc.data);

    const title =
      clean(first(facts, 'og:title', 'twitter:title')) ??
      clean(ld?.headline) ??
      clean(firstText($, (el) => el.name === 'h1')) ??
      facts.title;
    if (title && !meta.title) meta.title = stripSiteName(stripSiteName(title, meta.site), hostOf(source.url));
  },
};

/** Text of the first element that passes `test` (iteratively: a page may nest thousands deep); the walk stops there. */
function firstText($: CheerioAPI, test: (el: Element) => boolean): string | null {
  const el = firstElement($.root().get(0)!, test);
  return el ? textOf(el) : null;
}

/** /2019/05/31/ or /2019-05-31 in a URL. */
function dateFromUrl(url: string | null): string | null {
  const m = url ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_]|$)/.exec(url) : null;
  if (!m) return null;
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

/** The name in the first byline html-boilerplate moved out of the text. */
function bylineAuthor(data: DocumentData): string | null {
  for (const b of data.blocks) {
    if (b.role !== 'byline') continue;
    const name = parseByline(b.text, data.meta.lang)?.author;
    if (name) return name;
  }
  return null;
}

/**
 * Last resort: the date of a byline or dateline html-boilerplate moved out of the
 * text ("By Jane Doe, 3 March 2024", as text mode reads it), or one in the short
 * blocks near the top (chrono-node, run only on these few blocks: it is slow).
 */
function datelineNearTitle(data: DocumentData): string | null {
  const moved = data.blocks.filter((b) => b.role === 'dateline' || b.role === 'byline').slice(0, 3);
  for (const b of moved) {
    const date = parseByline(b.text, data.meta.lang)?.date;
    if (date) return date;
  }
  const kept = data.blocks.filter((b) => !b.removed).slice(0, 6);
  for (const b of kept) {
    if (b.text.length > 80 || !looksLikeDate(b.text)) continue;
    const found = findDates(b.text, data.meta.lang)[0];
    if (found) return found.iso;
  }
  return null;
}
