import { describe, expect, it } from 'vitest';
import { clean } from '../src/engine/clean.js';
import { stripSiteName } from '../src/stages/meta/metadata.js';

describe('metadata', () => {
  it('strips the site name from a title when it names the site', () => {
    expect(stripSiteName('Treaty signed in Moscow | Example News', 'example.com')).toBe('Treaty signed in Moscow');
    expect(stripSiteName('Example News – Treaty signed in Moscow', 'example.com')).toBe('Treaty signed in Moscow');
    expect(stripSiteName('Iran – Russia: a new chapter', 'other.org')).toBe('Iran – Russia: a new chapter');
  });
  it('takes the site from the URL when one is given', () => {
    const c = clean('Some Title Here\n\nA paragraph of text that is long enough to be prose in this test.\n', { url: 'https://www.example.org/a/b' });
    expect(c.sidecar.meta.site).toBe('example.org');
    expect(c.sidecar.source.site).toBe('example.org');
  });
  it('takes the site from a bare domain line of the page', () => {
    const c = clean('news.example.net\n\nSome Title Here\n\nA paragraph of text that is long enough to be prose in this little test.\n');
    expect(c.sidecar.meta.site).toBe('news.example.net');
    expect(c.sidecar.meta.title).toBe('Some Title Here');
  });
});
