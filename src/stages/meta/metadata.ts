import { comparable } from '../../text/normalize-text.js';
import type { DocumentStage } from '../types.js';
import { metadataSpec, type MetadataOptions } from '../specs/metadata.js';
import { RULES } from '../../rules/registry.js';

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?((?:[\p{L}\p{N}-]+\.)+[a-z]{2,12})\/?$/iu;
/** " | ", " – ": the lookbehind starts a match at the first space of a run only (linear on long runs). */
const SITE_SEPARATOR = /(?<!\s)\s+(?:[|–—»·•:]|::|-)\s+/;

/** "Title | Site" → "Title": drops the part that names the site, when we know it. */
export function stripSiteName(title: string, site: string | null, siteNames: readonly string[] = []): string {
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length < 2) return title;
  // Compared without spaces or punctuation: "Example News" names example-news.com.
  const squash = (text: string) => comparable(text).replace(/ /g, '');
  const names = [site?.split('.').at(-2), ...siteNames].filter((n): n is string => !!n).map(squash).filter((n) => n.length >= 3);
  const namesSite = (part: string) => {
    const p = squash(part);
    return p.length >= 3 && names.some((n) => p.includes(n) || n.includes(p));
  };
  if (namesSite(parts.at(-1)!)) return parts.slice(0, -1).join(' | ').trim();
  if (namesSite(parts[0]!)) return parts.slice(1).join(' | ').trim();
  return title;
}

/**
 * Title and site, once cleaning has decided what the article is: the title
 * is the block the boilerplate stage marked (first kept heading otherwise),
 * the site the URL host, else a bare domain line of the page, else the first
 * part of a "Site | Tagline" header. Values set earlier (HTML meta tags) win.
 */
export const metadata: DocumentStage<MetadataOptions> = {
  ...metadataSpec,
  run(doc) {
    const { meta, blocks, source } = doc.data;
    if (!meta.site && source.url) {
      try {
        meta.site = new URL(source.url).hostname.replace(/^www\./, '');
      } catch {
        /* not a URL: leave the site to the page content */
      }
    }
    if (!meta.site) {
      const domain = blocks.map((b) => DOMAIN.exec(b.text)?.[1]).find(Boolean);
      const header = blocks.find((b) => b.removed?.rule === RULES.siteHeader.id);
      meta.site = domain?.toLowerCase() ?? header?.text.split(SITE_SEPARATOR)[0]?.trim() ?? null;
    }
    source.site ??= meta.site;
    if (!meta.title) {
      const kept = blocks.filter((b) => !b.removed);
      const marked = kept.find((b) => b.role === 'title') ?? kept.find((b) => b.kind === 'heading' && b.level === 1);
      const fallback = kept.slice(0, 3).find((b) => doc.view(b).headline);
      const title = marked ?? fallback;
      if (title) meta.title = stripSiteName(title.text, meta.site);
    }
  },
};
