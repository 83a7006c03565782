import { describe, expect, it } from 'vitest';
import { clean } from '../../src/engine/clean.js';

const P = [
  'The river authority opened the new flood barrier on Thursday, two years after the storm that flooded the old town.',
  'Engineers say the barrier can hold back water three metres higher than the record level measured in the last century.',
  'Residents who lost their shops in the flood were invited to the opening, and several of them spoke at the ceremony.',
  'The project cost more than planned because the foundations had to be rebuilt after tests showed weak ground.',
];

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const article = `<article><h1>Flood Barrier Opens</h1>${P.map((p) => `<p>${p}</p>`).join('')}</article>`;

function fates(html: string) {
  const c = clean(page(html), { path: 'page.html' });
  return { c, fate: (text: string) => c.sidecar.blocks.filter((b) => b.text === text).map((b) => (b.kept ? 'kept' : `${b.stage}/${b.rule}`)) };
}

describe('HTML main content', () => {



  it('keeps an article that a form wraps (ASP.NET pages)', () => {
    const { c } = fates(`<form id="aspnetForm">${article}</form>`);
    expect(c.text).toContain(P[0]);
  });

  it('drops scripts, styles and hidden elements before segmenting', () => {
    const { c } = fates(`<script>var x = 1;</script><style>p{}</style><div style="display: none">Hidden text</div>${article}`);
    expect(c.sidecar.blocks.map((b) => b.text).join(' ')).not.toMatch(/var x|Hidden text/);
  });

});

describe('HTML metadata', () => {

  it('falls back to article meta tags and <time>', () => {
    const head = '<meta name="author" content="Jan Novak"><title>Barrier</title>';
    const c = clean(page(`<time datetime="2023-11-02">2 Nov</time>${article}`, head), { path: 'page.html' });
    expect(c.sidecar.meta).toMatchObject({ author: 'Jan Novak', date: '2023-11-02' });
  });
});

describe('HTML decoding', () => {
  it('decodes a windows-1252 page declared in <meta charset>, curly quotes and dashes included', () => {
    // Node 20's TextDecoder('windows-1252') maps 0x93/0x94/0x96 to C1 controls, not “ ” –.
    const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><article><p>He said ');
    const tail = Buffer.from(' and the engineers agreed that the barrier would hold back the water.</p></article></body></html>');
    const bytes = Buffer.concat([head, Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96]), tail]);
    const c = clean(bytes, { path: 'old.html' });
    expect(c.sidecar.source.encoding).toBe('windows-1252');
    expect(c.text).toContain('He said “OK” – and the engineers');
    expect(new TextDecoder('windows-1252').decode(Buffer.from([0x93]))).not.toBe('“'); // the Node behaviour this guards against
  });

  it('decodes a koi8-r page declared by http-equiv', () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>');
    const bytes = Buffer.concat([head, Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), Buffer.from('</p></body></html>')]);
    const c = clean(bytes, { path: 'ru.html' });
    expect(c.sidecar.source.encoding).toBe('koi8-r');
    expect(c.sidecar.blocks[0]!.text).toBe('Привет');
  });

  it('keeps a page whose <head> is never closed (no <body> tag): its title and meta go, its text stays', () => {
    const c = clean(`<!doctype html><html><head><meta charset="utf-8"><title>Barrier</title><br><div class="container">${article}</div></html>`, { path: 'unclosed.html' });
    expect(c.text).toContain(P[0]);
    expect(c.text).toContain(P[3]);
    expect(c.sidecar.blocks.map((b) => b.text)).not.toContain('Barrier');
  });

  it('reads an article that only <noscript> holds, and drops the "enable JavaScript" notice', () => {
    const c = clean(page(`<div class="post"><script type="text/template">${article}</script><noscript>${article}</noscript></div><noscript><p>Please enable JavaScript in your browser to use this site.</p></noscript>`), { path: 'noscript.html' });
    expect(c.text).toContain(P[1]);
    expect(c.text).not.toContain('enable JavaScript');
  });

  it('survives broken HTML: unclosed tags and stray end tags', () => {
    const c = clean(`<html><body><div><p>${P[0]}<p>${P[1]}</span></div></td><p>${P[2]}`, { path: 'broken.html' });
    expect(c.text).toContain(P[0]);
    expect(c.text).toContain(P[2]);
  });
});
