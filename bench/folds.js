// Site-disjoint folds for the benchmark: a page's fold is a stable hash of
// its site, so all pages of one site share a fold and a fold's figure says
// how unboil does on sites that rules tuned on the other folds never saw.
import { createHash } from 'node:crypto';
import { parse } from 'tldts';

export const FOLDS = 5;

/**
 * The site a hostname belongs to: its registrable domain (eTLD+1 of the
 * public suffix list), so that blog.example.com and www.example.com, or two
 * blogs on one hosting platform's template, never land in two folds.
 * Hostnames without a known public suffix are kept as they are.
 */
export function siteOfHost(hostname) {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const { domain, isIcann } = parse(host, { allowPrivateDomains: false });
  return domain && isIcann ? domain : host;
}

/**
 * The hostname behind a trafilatura-eval key: the URL's, the archived URL's
 * for web.archive.org snapshots, or, for keys that are not URLs
 * (`hard::zeit.de.zugverkehr.html`), the longest dotted prefix of the file
 * name that ends in a known public suffix.
 */
export function hostOfEvalKey(key) {
  let url;
  try {
    url = new URL(key);
  } catch {
    url = undefined;
  }
  if (url?.hostname === 'web.archive.org') {
    const archived = url.pathname.replace(/^\/web\/[^/]+\//, '');
    return hostOfEvalKey(/^[a-z]+:\/\//i.test(archived) ? archived : `http://${archived}`);
  }
  if (url?.hostname) return url.hostname;
  const name = key.replace(/^[a-z]+::/i, '').replace(/\.html?$/i, '').split('-')[0];
  const labels = name.split('.');
  let host = name;
  for (let k = 2; k <= labels.length; k++) {
    const candidate = labels.slice(0, k).join('.');
    const { domain, isIcann, publicSuffix } = parse(candidate, { allowPrivateDomains: false });
    if (!domain || !isIcann) break;
    // A longer prefix counts only while it lengthens the suffix (laestrella.com.pa),
    // not when a word of the page name happens to be a TLD (zeit.de.news).
    if (k > 2 && publicSuffix.split('.').length < 2) break;
    host = candidate;
  }
  return host;
}

/** The fold (1…folds) of a site: the first 32 bits of its SHA-1, modulo the number of folds. */
export function foldOf(site, folds = FOLDS) {
  return (createHash('sha1').update(site).digest().readUInt32BE(0) % folds) + 1;
}
