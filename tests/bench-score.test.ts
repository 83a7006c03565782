// The benchmark's scorers and folds (bench/*.js): the figures a quality change
// is judged on are only as good as these, so they are checked on small texts
// whose counts can be worked out by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the benchmark, no types
import { precisionRecall, scoreDocument, shingleScore, shingleTotals, shingles, tokens, totals } from '../bench/score.js';
// @ts-expect-error plain JS module of the benchmark, no types
import { FOLDS, foldOf, hostOfEvalKey, siteOfHost } from '../bench/folds.js';
// @ts-expect-error plain JS module of the benchmark, no types
import { loadCorpus } from '../bench/corpora.js';
// @ts-expect-error plain JS module of the benchmark, no types
import { decodeHtml, rawDump, readabilityText, runUnboil } from '../bench/contenders.js';

type Counts = { tp: number; fp: number; fn: number };
const close = (actual: Counts, expected: Counts) => {
  for (const k of ['tp', 'fp', 'fn'] as const) expect(actual[k], k).toBeCloseTo(expected[k], 10);
};

describe('shingles', () => {
  it('tokenizes on \\w+ runs, case and accents kept, punctuation dropped', () => {
    expect(tokens('Größe: über 3,5 Äpfel — snake_case!')).toEqual(['Größe', 'über', '3', '5', 'Äpfel', 'snake_case']);
  });

  it('counts every run of four tokens, repeated runs as often as they occur', () => {
    expect([...shingles('a b c d a b c d')]).toEqual([
      ['a b c d', 2],
      ['b c d a', 1],
      ['c d a b', 1],
      ['d a b c', 1],
    ]);
  });

  it('gives a text of one to three tokens one shingle and an empty text none', () => {
    expect([...shingles('two words')]).toEqual([['two words', 1]]);
    expect([...shingles('')]).toEqual([]);
    expect([...shingles(' — !? ')]).toEqual([]);
  });
});

describe('shingleScore (one page, counts normalised to sum 1)', () => {
  it('is all true positives when the output is the gold, whatever the whitespace', () => {
    close(shingleScore('One two three four five.', 'One two\n\nthree four five'), { tp: 1, fp: 0, fn: 0 });
  });

  it('counts a gold shingle found once of twice as one hit and one miss', () => {
    // gold: abcd ×2, bcda, cdab, dabc (5 shingles); output: abcd (1)
    close(shingleScore('a b c d a b c d', 'a b c d'), { tp: 1 / 5, fp: 0, fn: 4 / 5 });
  });

  it('counts an output shingle repeated beyond the gold as false positives', () => {
    // output: wxyz ×2, xyzw, yzwx, zwxy (5); gold: wxyz → tp 1, fp 4
    close(shingleScore('w x y z', 'w x y z w x y z'), { tp: 1 / 5, fp: 4 / 5, fn: 0 });
  });

  it('is case sensitive', () => {
    close(shingleScore('The Cat sat down', 'the cat sat down'), { tp: 0, fp: 1 / 2, fn: 1 / 2 });
  });

  it('scores pages shorter than four tokens by their one shingle', () => {
    close(shingleScore('Contact us', 'Contact us'), { tp: 1, fp: 0, fn: 0 });
    close(shingleScore('Contact us', 'Contact us now'), { tp: 0, fp: 1 / 2, fn: 1 / 2 });
  });

  it('makes any output on an empty gold a false positive, and nothing on it a neutral page', () => {
    close(shingleScore('', 'Cookie settings and more text'), { tp: 0, fp: 1, fn: 0 });
    close(shingleScore('', ''), { tp: 0, fp: 0, fn: 0 });
    expect(precisionRecall({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('makes an empty output on a gold all false negatives', () => {
    close(shingleScore('The article has six words here', ''), { tp: 0, fp: 0, fn: 1 });
    expect(precisionRecall({ tp: 0, fp: 0, fn: 1 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('mixes kept, lost and leaked shingles in proportion', () => {
    // gold: "a b c d e" → abcd, bcde; output: "b c d e f" → bcde, cdef: tp 1, fp 1, fn 1
    close(shingleScore('a b c d e', 'b c d e f'), { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  });
});

describe('shingleTotals (corpus)', () => {
  it('takes P and R from the averaged normalised counts, not the mean of per-page P and R', () => {
    const pages = [
      { tp: 0.5, fp: 0.5, fn: 0 }, // P 0.5, R 1
      { tp: 0.5, fp: 0, fn: 0.5 }, // P 1, R 0.5
    ];
    const t = shingleTotals(pages);
    expect(t.precision).toBeCloseTo(2 / 3, 10); // the mean of per-page P would be 0.75
    expect(t.recall).toBeCloseTo(2 / 3, 10);
    expect(t.f1).toBeCloseTo(2 / 3, 10);
  });

  it('lets a page with an empty gold and an empty output weigh nothing', () => {
    const perfect = shingleScore('a b c d e', 'a b c d e');
    const leaky = shingleScore('a b c d e', 'a b c d e f g h i');
    const t = shingleTotals([perfect, leaky, shingleScore('', '')]);
    const u = shingleTotals([perfect, leaky]);
    expect(t.precision).toBeCloseTo(u.precision, 10);
    expect(t.recall).toBeCloseTo(1, 10);
    // perfect (1, 0, 0); leaky: gold 2 shingles, output 6 → (2/6, 4/6, 0); P = (1 + 1/3) / (1 + 1/3 + 2/3)
    expect(u.precision).toBeCloseTo(2 / 3, 10);
  });
});

describe('snippet scoring (trafilatura-eval)', () => {
  it('counts whitespace-normalised containment and sums over pages', () => {
    const entry = { with: ['first  line', 'lost part'], without: ['Impressum', 'Share this'] };
    const s = scoreDocument('first\nline of text\n\nImpressum', entry);
    expect(s).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 1, missed: ['lost part'], leaked: ['Impressum'] });
    const t = totals([s, scoreDocument('first line lost part', entry)]);
    expect(t).toMatchObject({ tp: 3, fn: 1, fp: 1, tn: 3 });
    expect(t.f1).toBeCloseTo(6 / 8, 10);
  });
});

describe('folds', () => {
  it('puts a site in the same fold on every machine (first 32 bits of SHA-1, mod 5)', () => {
    expect([foldOf('wikipedia.org'), foldOf('example.com'), foldOf('python.org'), foldOf('a')]).toEqual([1, 4, 1, 5]);
  });

  it('gives every subdomain of one registrable domain one site', () => {
    expect(siteOfHost('www.zeit.de')).toBe('zeit.de');
    expect(siteOfHost('blog.Zeit.de')).toBe('zeit.de');
    expect(siteOfHost('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOfHost('someone.substack.com')).toBe('substack.com');
    expect(siteOfHost('localhost')).toBe('localhost');
  });

  it('reads the site of archived URLs and of keys that are file names', () => {
    expect(hostOfEvalKey('https://web.archive.org/web/20160330101229/http://muffins.example.net/grundrezept')).toBe('muffins.example.net');
    expect(hostOfEvalKey('https://web.archive.org/web/20130307194448/the-site.net/2008/05/page.html')).toBe('the-site.net');
    expect(hostOfEvalKey('hard::paper.com.pa-laboral.html')).toBe('paper.com.pa');
    expect(hostOfEvalKey('hard::daily.de.Pressedienst-2.html')).toBe('daily.de');
    expect(hostOfEvalKey('hard::paper.de.news.html')).toBe('paper.de');
    expect(hostOfEvalKey('hard::blog.example.org.html')).toBe('blog.example.org');
  });

  it('spreads many sites over all folds, about evenly', () => {
    const sizes = new Array(FOLDS + 1).fill(0);
    for (let k = 0; k < 2000; k++) sizes[foldOf(`site${k}.example`)]++;
    expect(sizes[0]).toBe(0);
    for (const size of sizes.slice(1)) expect(size).toBeGreaterThan(340), expect(size).toBeLessThan(460);
  });
});

describe('corpora and contenders on a corpus made here', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const article = '<p>The river rose four metres overnight and the old bridge closed to traffic before dawn.</p>';
  const page = (title: string) =>
    `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>${title}</h1>${article}</main></body></html>`;
  for (const dir of ['html', 'text', 'gold']) mkdirSync(join(root, dir));
  const ids = { p1: ['blog.example.com', 'article'], p2: ['www.example.com', 'forum'], p3: ['other.example.org', 'product'] };
  const manifest: Record<string, unknown> = {};
  for (const [id, [site, type]] of Object.entries(ids)) {
    manifest[id] = { url: `https://${site}/${id}`, site, page_type: type, title: `Flood ${id}` };
    writeFileSync(join(root, 'html', `${id}.html.gz`), gzipSync(page(`Flood ${id}`)));
    writeFileSync(join(root, 'text', `${id}.txt.gz`), gzipSync(`Home\nNews\nFlood ${id}\n${article.replace(/<\/?p>/g, '')}\n`));
    writeFileSync(join(root, 'gold', `${id}.txt`), `Flood ${id}\n\n${article.replace(/<\/?p>/g, '')}\n`);
  }
  writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest));

  it('loads pages with site, fold and type, subdomains of one site in one fold', () => {
    const corpus = loadCorpus('wcxb', { root });
    expect(corpus.pages.map((p: { id: string; site: string; type: string }) => [p.id, p.site, p.type])).toEqual([
      ['p1', 'example.com', 'article'],
      ['p2', 'example.com', 'forum'],
      ['p3', 'example.org', 'product'],
    ]);
    expect(corpus.pages[0].fold).toBe(corpus.pages[1].fold);
    expect(corpus.pages[0].fold).toBe(foldOf('example.com'));
    expect(loadCorpus('wcxb', { root, max: 2 }).pages).toHaveLength(2);
  });

  it('drives unboil through its command line and scores what it wrote', async () => {
    const corpus = loadCorpus('wcxb', { root });
    const out = join(root, 'out');
    const run = await runUnboil({ corpus, mode: 'html', pages: corpus.pages, out, whole: true });
    expect(run.failed).toEqual([]);
    const text = run.texts.get('p1');
    expect(text).toContain('The river rose four metres overnight');
    expect(text).not.toContain('Home');
    expect(precisionRecall(corpus.score(corpus.pages[0], text)).f1).toBeGreaterThan(0.9);
    const some = await runUnboil({ corpus, mode: 'text', pages: corpus.pages.slice(0, 1), out: join(root, 'out-text') });
    expect([...some.texts.keys()]).toEqual(['p1']);
    expect(some.texts.get('p1')).toContain('The river rose four metres overnight');
  });

  it('has the raw dump and Readability as baselines', () => {
    const corpus = loadCorpus('wcxb', { root });
    const raw = rawDump(corpus, corpus.pages).get('p1');
    expect(raw.startsWith('Home\nNews\nFlood p1')).toBe(true);
    expect(readabilityText(page('Flood'))).toContain('The river rose four metres overnight');
    expect(readabilityText('')).toBe('');
  });

  it('decodes HTML in the charset it declares when it is not UTF-8', () => {
    const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>Gr\xf6\xdfe</p>', 'latin1');
    expect(decodeHtml(latin1)).toContain('Größe');
    expect(decodeHtml(Buffer.from('<p>Größe</p>'))).toContain('Größe');
  });
});
