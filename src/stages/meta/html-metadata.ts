import { z } from 'zod';
import type { UnboilFile } from '../../model/document.js';
import { findDates, isoDateOf } from '../../text/dates.js';
import type { DocumentStage } from '../types.js';
import { stripSiteName } from './metadata.js';

const options = z.object({}).strict();

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
};

/** An author value worth keeping: a name, not a URL or a handle list. */
const isName = (value: string) => !/^https?:|[/@]|^\d/.test(value) && value.length <= 80;

/**
 * Metadata an HTML page declares (Open Graph, article meta tags, JSON-LD,
 * <time>, rel=author, <title>, canonical URL), read by the segment stage,
 * interpreted here: the first good value of each kind wins. Later stages
 * (byline, metadata) only fill what is still missing.
 */
export const htmlMetadata: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'html-metadata',
  formats: ['html'],
  description: 'HTML pages: title, author, date, site and URL from meta tags, JSON-LD, <time> and <title>.',
  options,
  run(file: UnboilFile) {
    const { page, meta, source } = file.data;
    if (!page) return;
    const url = page.urls.find((u) => /^https?:\/\//.test(u));
    if (url && !source.url) source.url = url;
    meta.site ??= page.siteNames[0] ?? (source.url ? hostOf(source.url) : null);
    source.site ??= source.url ? hostOf(source.url) : meta.site;
    const title = page.titles[0];
    if (title) meta.title ??= stripSiteName(title, meta.site, page.siteNames);
    meta.author ??= page.authors.find(isName) ?? null;
    for (const value of page.dates) {
      meta.date ??= isoDateOf(value) ?? findDates(value, meta.lang)[0]?.iso ?? null;
    }
  },
};
