import { describe, expect, it } from 'vitest';
import { clean } from '../../src/engine/clean.js';
import { ARTICLE, cleanHtml, page } from './helpers.js';

describe('html-metadata', () => {
  it('reads Open Graph and article meta tags, stripping the site name from the title', () => {
    const head = `<meta property="og:title" content="Old bridge stays | Example Gazette">
      <meta property="og:site_name" content="Example Gazette">
      <meta name="author" content="Jane Doe">
      <meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
      <link rel="canonical" href="https://www.example-gazette.com/local/bridge">`;
    const { sidecar } = cleanHtml(page(ARTICLE, head));
    expect(sidecar.meta).toEqual({ title: 'Old bridge stays', author: 'Jane Doe', date: '2024-03-05', lang: 'en', site: 'Example Gazette' });
    expect(sidecar.source.url).toBe('https://www.example-gazette.com/local/bridge');
  });

  it('reads JSON-LD (with @graph): headline, author object, datePublished, publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Zeitung' },
        { '@type': 'NewsArticle', headline: 'Die Brücke bleibt', author: [{ '@type': 'Person', name: 'Max Muster' }], datePublished: '2023-11-02', publisher: { name: 'Stadtzeitung' } },
      ],
    };
    const html = page(ARTICLE, `<script type="application/ld+json">${JSON.stringify(ld)}</script>`).replace('<title>Bridge | Example Gazette</title>', '');
    const { meta } = cleanHtml(html).sidecar;
    expect(meta).toMatchObject({ title: 'Die Brücke bleibt', author: 'Max Muster', date: '2023-11-02', site: 'Stadtzeitung' });
  });

  it('falls back to <h1>, rel=author, <time datetime> and ignores broken JSON-LD', () => {
    const body = ARTICLE.replace('<h1>', '<p class="byline">By <a rel="author" href="/jd">Jane Doe</a> <time datetime="2022-07-14">July 14</time></p><h1>');
    const html = page(body, '<script type="application/ld+json">{ broken</script>').replace('<title>Bridge | Example Gazette</title>', '');
    const { meta } = cleanHtml(html).sidecar;
    expect(meta).toMatchObject({ title: 'The river town keeps its old bridge', author: 'Jane Doe', date: '2022-07-14' });
  });

  it('takes the date from the URL and the site from the canonical host when nothing else says', () => {
    const html = page(ARTICLE, '<link rel="canonical" href="https://blog.example.org/2019/05/31/bridge/">');
    const { meta } = cleanHtml(html).sidecar;
    expect(meta).toMatchObject({ date: '2019-05-31', site: 'blog.example.org' });
  });

  it('reads the date of a byline it moves out of the text, as text mode does', () => {
    const body = ARTICLE.replace('<h1>The river town keeps its old bridge</h1>', '<h1>The river town keeps its old bridge</h1><p class="meta">By Jane Doe, March 3, 2024</p>');
    const result = cleanHtml(page(body));
    expect(result.sidecar.meta).toMatchObject({ author: 'Jane Doe', date: '2024-03-03' });
    expect(result.text).not.toContain('March 3, 2024');
  });

  it('uses <html lang> for the language unless the text is clearly in another one, detection when absent', () => {
    const gb = page(ARTICLE).replace('lang="en"', 'lang="en-GB"');
    expect(cleanHtml(gb).sidecar.meta.lang).toBe('en');
    const de = page(ARTICLE).replace('lang="en"', 'lang="de-AT"');
    expect(cleanHtml(de).sidecar.meta.lang).toBe('en');
    const none = page(ARTICLE).replace(' lang="en"', '');
    expect(clean(none, { format: 'html' }).sidecar.meta.lang).toBe('en');
  });
});
