import { describe, expect, it } from 'vitest';
import { cleanHtml } from './helpers.js';

const PARAGRAPHS = [
  'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.',
  'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.',
  'Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.',
  'The mayor said the town would hold a small festival on the bridge once the work is finished, with music from the school band and a market along both banks of the river.',
];

const jsonLd = (body: string) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'The river town keeps its old bridge', articleBody: body })}</script>`;

const page = (head: string, article: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge</title>${head}</head><body><article><h1>The river town keeps its old bridge</h1>${article}</article></body></html>`;

describe('html-boilerplate: JSON-LD articleBody when the HTML holds a stub', () => {
  it('reads the article from articleBody and removes the stub it contains', () => {
    const html = page(jsonLd(PARAGRAPHS.join('\n')), `<p>${PARAGRAPHS[0]}</p><p class="paywall">Subscribe to read the rest.</p>`);
    const result = cleanHtml(html);
    expect(result.text).toBe(`The river town keeps its old bridge\n\n${PARAGRAPHS.join('\n\n')}\n`);
    const stub = result.sidecar.blocks.find((b) => b.text === PARAGRAPHS[0] && b.tag === 'p');
    expect(stub).toMatchObject({ kept: false, stage: 'html-boilerplate', rule: 'json-ld-body' });
    const fromJson = result.sidecar.blocks.filter((b) => b.tag === 'script');
    expect(fromJson.map((b) => b.text)).toEqual(PARAGRAPHS);
    // Their span is the JSON-LD script in the source.
    expect(html.slice(fromJson[0]!.span[0], fromJson[0]!.span[0] + 35)).toBe('<script type="application/ld+json">');
  });

  it('reads an articleBody written in HTML as its paragraphs', () => {
    const html = page(jsonLd(PARAGRAPHS.map((p) => `<p>${p.replace('band and', 'band &amp;')}</p>`).join('')), `<p>${PARAGRAPHS[0]}</p>`);
    expect(cleanHtml(html).sidecar.blocks.filter((b) => b.tag === 'script' && b.kept).map((b) => b.text)).toEqual(PARAGRAPHS.map((p) => p.replace('band and', 'band &')));
  });

  it('leaves a page whose HTML holds the article alone', () => {
    const html = page(jsonLd(PARAGRAPHS.join('\n')), PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''));
    const result = cleanHtml(html);
    expect(result.sidecar.blocks.some((b) => b.tag === 'script')).toBe(false);
    expect(result.text).toBe(`The river town keeps its old bridge\n\n${PARAGRAPHS.join('\n\n')}\n`);
  });

  it('ignores a short articleBody (a summary, not the article)', () => {
    const html = page(jsonLd(PARAGRAPHS[1]!), `<p>${PARAGRAPHS[0]}</p>`);
    expect(cleanHtml(html).sidecar.blocks.some((b) => b.tag === 'script')).toBe(false);
  });
});
