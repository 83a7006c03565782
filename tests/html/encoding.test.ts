import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/engine/clean.js';
import { declaredCharset, decodeBytes } from '../../src/stages/read/charset.js';

const sniffMetaCharset = (bytes: Uint8Array) => declaredCharset(bytes)?.encoding ?? null;
import { ARTICLE, cleanHtml, page } from './helpers.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('HTML decoding', () => {
  it('pins the windows-1252 trap: Node decodes 0x93/0x94/0x96/0x80 to C1 controls, unboil to “ ” – €', () => {
    const raw = bytes(0x93, 0x68, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80);
    // If Node ever fixes this, the workaround in charset.ts can go.
    expect(new TextDecoder('windows-1252').decode(raw)).toBe('\u0093hi\u0094 \u0096 \u0080');
    expect(decodeBytes(raw, 'windows-1252').text).toBe('“hi” – €');
    // Pages that say latin-1 mean cp1252, as browsers read them.
    expect(decodeBytes(raw, 'windows-1252').encoding).toBe('windows-1252');
  });

  it('reads <meta charset> and http-equiv in the first bytes', () => {
    const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(sniffMetaCharset(enc('<html><head><meta charset="ISO-8859-1">'))).toBe('windows-1252');
    expect(sniffMetaCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r');
    expect(sniffMetaCharset(enc('<meta charset=shift-jis>'))).toBe('shift_jis');
    expect(sniffMetaCharset(enc('<p>no declaration</p>'))).toBeNull();
  });

  it('decodes a declared legacy page and records the encoding in the sidecar', () => {
    const html = page(ARTICLE.replace('The council decided', '“Die Brücke bleibt”, sagte sie. The council decided')).replace(
      '<meta charset="utf-8">',
      '<meta charset="windows-1252">',
    );
    const result = cleanHtml(new Uint8Array(iconv.encode(html, 'windows-1252')));
    expect(result.sidecar.source.encoding).toBe('windows-1252');
    expect(result.sidecar.source.format).toBe('html');
    expect(result.text).toContain('“Die Brücke bleibt”, sagte sie.');
  });

  it('decodes koi8-r and gb2312 pages from their declaration', () => {
    const ru = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>Привет, мир: это проверка кодировки страницы.</p></body></html>';
    const cyr = cleanHtml(new Uint8Array(iconv.encode(ru, 'koi8-r')));
    expect(cyr.sidecar.source.encoding).toBe('koi8-r');
    expect(cyr.text).toContain('Привет, мир');
    const zh = '<html><head><meta charset="gb2312"></head><body><p>这是一个关于旧石桥的新闻报道，市议会决定修复而不是拆除。</p></body></html>';
    const han = cleanHtml(new Uint8Array(iconv.encode(zh, 'gbk')));
    expect(han.sidecar.source.encoding).toBe('gbk');
    expect(han.text).toContain('市议会决定修复');
  });

  it('honours a BOM over the declaration, and reads gzip', () => {
    const html = page(ARTICLE.replace('The council', 'Café. The council')).replace('utf-8', 'windows-1252');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(html, 'utf8')]);
    const result = cleanHtml(new Uint8Array(gzipSync(withBom)));
    expect(result.sidecar.source.encoding).toBe('utf-8');
    expect(result.text).toContain('Café. The council');
  });

  it('falls back to a detector for undeclared legacy bytes', () => {
    const text = 'Les élèves ont étudié la géographie française près de la forêt, où ils ont trouvé des châteaux et des églises très anciennes.';
    const html = `<html><body><p>${text}</p><p>${text}</p></body></html>`;
    const decoded = decodeBytes(new Uint8Array(iconv.encode(html, 'windows-1252')));
    expect(decoded.via).toBe('detected');
    expect(decoded.text).toContain('géographie française');
  });
});

