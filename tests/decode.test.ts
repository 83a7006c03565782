import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolvePipeline as resolve } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import { InputError } from '../src/errors.js';
import { decodeBytes } from '../src/stages/read/charset.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decode stage', () => {
  it('strips a UTF-8 BOM and records utf-8', () => {
    const c = clean(bytes([0xef, 0xbb, 0xbf], 'Hello world, this is text.'));
    expect(c.sidecar.source.encoding).toBe('utf-8');
    expect(c.sidecar.blocks[0]!.text).toBe('Hello world, this is text.');
    expect(c.sidecar.blocks[0]!.span).toEqual([0, 26]);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'Überall Grüße — ünïcödé.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(clean(le).text).toBe(`${text}\n`);
    expect(clean(le).sidecar.source.encoding).toBe('utf-16le');
    expect(clean(be).text).toBe(`${text}\n`);
    expect(clean(be).sidecar.source.encoding).toBe('utf-16be');
  });

  it('replaces invalid UTF-8 bytes, counts them and reports a warning', () => {
    // Mostly valid UTF-8 with two stray bytes: still UTF-8, not a legacy charset.
    const input = bytes('Grüße aus Köln, schöne Grüße – ', [0xff], ' und noch mehr Text über Straßen ', [0xc3], '.');
    const c = clean(input);
    expect(c.sidecar.source.encoding).toBe('utf-8');
    expect(c.text).toContain('\uFFFD');
    expect(c.sidecar.warnings).toEqual([{ stage: 'decode', rule: 'invalid-bytes', message: '2 invalid utf-8 byte sequence(s) replaced with U+FFFD' }]);
  });

  it('reads valid UTF-8 under a legacy declaration as UTF-8 only when it has non-ASCII characters', () => {
    const utf8 = new Uint8Array(Buffer.from('Grüße, 𝟙 and €', 'utf8'));
    expect(decodeBytes(utf8, 'windows-1252')).toMatchObject({ text: 'Grüße, 𝟙 and €', encoding: 'utf-8', invalid: 0 });
    // ASCII alone is the same text in both: the declaration is taken at its word.
    expect(decodeBytes(new Uint8Array(Buffer.from('plain ascii', 'utf8')), 'windows-1252')).toMatchObject({ text: 'plain ascii', encoding: 'windows-1252' });
    // A literal U+FFFD is no invalid byte.
    expect(decodeBytes(new Uint8Array(Buffer.from('a \ufffd b ü', 'utf8')), 'windows-1252')).toMatchObject({ encoding: 'utf-8', invalid: 0 });
  });

  it('decodes windows-1252 text that is not UTF-8, curly quotes and dashes included', () => {
    // 0x93/0x94 are “ ” and 0x96 is – in windows-1252 (Node's TextDecoder would give C1 controls).
    const input = Buffer.from([...Buffer.from('He said '), 0x93, ...Buffer.from('caf'), 0xe9, 0x94, 0x20, 0x96, ...Buffer.from(' and left the room quietly.')]);
    const decoded = decodeBytes(input);
    expect(decoded.text).toBe('He said “café” – and left the room quietly.');
    expect(decoded.encoding).toBe('windows-1252');
  });

  it('decompresses gzip input', () => {
    const c = clean(gzipSync(Buffer.from('A gzipped paragraph of plain text.\n')));
    expect(c.text).toBe('A gzipped paragraph of plain text.\n');
  });

  it('rejects broken gzip with a clear error', () => {
    const broken = gzipSync(Buffer.from('some text that will be cut')).subarray(0, 12);
    expect(() => clean(broken, { path: 'x.txt.gz' })).toThrow(/broken gzip data/);
  });

  it('rejects binary input (NUL bytes, control bytes) as an InputError', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => clean(png, { path: 'image.txt' })).toThrow(InputError);
    expect(() => clean(png, { path: 'image.txt' })).toThrow(/binary file: png data \(magic bytes/);
    // No known signature: the NUL bytes give it away.
    const blob = Buffer.from([0x13, 0x37, 0x42, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00]);
    expect(() => clean(blob, { path: 'blob.txt' })).toThrow(/binary file: NUL byte at offset 3/);
  });

  it('accepts a text with a few stray NUL bytes, strips them and warns', () => {
    const c = clean(bytes('A heading\n\n', [0, 0], '\n\nA paragraph of ordinary text that follows the stray bytes.\n'));
    expect(c.text).not.toContain('\u0000');
    expect(c.text).toContain('A paragraph of ordinary text');
    expect(c.sidecar.warnings.map((w) => w.rule)).toContain('nul-bytes');
  });

  it('rejects input larger than decode.maxBytes, gzip bombs included', () => {
    const pipeline = { stages: ['decode', 'segment'] };
    const big = gzipSync(Buffer.alloc(4096, 'a'));
    const custom = { name: 'tiny', stages: [['decode', { maxBytes: 1024 }], 'segment'] };
    expect(() => clean(big, { pipeline: resolve(custom) })).toThrow(/larger than 1024 bytes/);
    expect(clean(Buffer.from('fine'), { pipeline: resolve(pipeline) }).text).toBe('fine\n');
  });

  it('turns an empty file into an empty document with a warning, not an error', () => {
    const c = clean(Buffer.alloc(0));
    expect(c.text).toBe('');
    expect(c.sidecar.stats.blocks).toBe(0);
    expect(c.sidecar.warnings.map((w) => w.rule)).toContain('empty');
  });

  describe('hostile encodings and containers (issue 14)', () => {
    const prose = 'The council met on Tuesday to discuss the water supply of the village and the new school.';
    const page = (meta: string) => `<html><head><meta charset="${meta}"><title>t</title></head><body><p>${prose}</p></body></html>`;

    it.each(['base64', 'hex', 'utf-32', 'no-such-charset'])('ignores <meta charset="%s"> with a warning and decodes the page as UTF-8', (label) => {
      const c = clean(Buffer.from(page(label)), { format: 'html' });
      expect(c.text).toBe(`${prose}\n`);
      expect(c.sidecar.source.encoding).toBe('utf-8');
      expect(c.sidecar.warnings).toContainEqual({ stage: 'decode', rule: 'unknown-charset', message: `charset label "${label}" is not an encoding (WHATWG Encoding), ignored` });
    });

    it('reads WHATWG labels as browsers do: latin1 is windows-1252, utf-16 in a meta is UTF-8', () => {
      const latin = Buffer.concat([Buffer.from('<html><head><meta charset="latin1"></head><body><p>'), Buffer.from([0x93]), Buffer.from('Quoted'), Buffer.from([0x94]), Buffer.from(' words in a paragraph of text.</p></body></html>')]);
      expect(clean(latin, { format: 'html' }).text).toBe('“Quoted” words in a paragraph of text.\n');
      const utf16 = clean(Buffer.from(page('utf-16')), { format: 'html' });
      expect(utf16.sidecar.source.encoding).toBe('utf-8');
      expect(utf16.sidecar.warnings).toEqual([]);
    });

    it('decodes UTF-32 with a BOM, LE and BE', () => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(iconvUtf32(prose, 'le'))]);
      const be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from(iconvUtf32(prose, 'be'))]);
      expect(clean(le).text).toBe(`${prose}\n`);
      expect(clean(le).sidecar.source.encoding).toBe('utf-32le');
      expect(clean(be).text).toBe(`${prose}\n`);
      expect(clean(be).sidecar.source.encoding).toBe('utf-32be');
    });

    it('detects UTF-16 and UTF-32 without a BOM from the NUL lanes, with a warning, instead of "binary file"', () => {
      const le = Buffer.from(prose, 'utf16le');
      const be = Buffer.from(le).swap16();
      for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be'], [Buffer.from(iconvUtf32(prose, 'le')), 'utf-32le']] as const) {
        const c = clean(bytes);
        expect(c.text).toBe(`${prose}\n`);
        expect(c.sidecar.source.encoding).toBe(encoding);
        expect(c.sidecar.warnings.map((w) => w.rule)).toEqual(['no-bom']);
      }
    });

    it('rejects a zip, a JPEG, and an xz named .html as binary, naming the format', () => {
      const cases: Array<[number[], RegExp]> = [
        [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00], /binary file: zip data/],
        [[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46], /binary file: jpg data/],
        [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6], /binary file: xz data/],
      ];
      for (const [head, reason] of cases) {
        const bytes = Buffer.concat([Buffer.from(head), Buffer.from('<html><body><p>text after the header</p></body></html>')]);
        expect(() => clean(bytes, { path: 'page.html', format: 'html' })).toThrow(reason);
      }
      // A text that merely starts with "MZ" (an executable's signature) is text.
      expect(clean(Buffer.from('MZ is the signature of DOS executables, and this line is prose.')).text).toContain('MZ is the signature');
    });

    it('reads every member of a multi-member gzip and ignores trailing garbage after a valid member, like gzip -dc', () => {
      const two = Buffer.concat([gzipSync(Buffer.from('First member paragraph of text.\n\n')), gzipSync(Buffer.from('Second member paragraph of text.\n'))]);
      expect(clean(two).text).toBe('First member paragraph of text.\n\nSecond member paragraph of text.\n');
      expect(clean(two).sidecar.warnings).toEqual([]);
      const trailing = Buffer.concat([two, Buffer.from('garbage after the gzip data')]);
      const c = clean(trailing);
      expect(c.text).toBe('First member paragraph of text.\n\nSecond member paragraph of text.\n');
      expect(c.sidecar.warnings).toEqual([{ stage: 'decode', rule: 'gzip-trailing', message: '27 byte(s) after the gzip data ignored (as gzip -dc does)' }]);
      // A corrupted CRC makes the member invalid: nothing valid precedes the garbage.
      const badCrc = gzipSync(Buffer.from('only member'));
      badCrc[badCrc.length - 8]! ^= 0xff;
      expect(() => clean(Buffer.concat([badCrc, Buffer.from('junk')]))).toThrow(/broken gzip data/);
    });

    it('checks decode.maxBytes while inflating: a 256 MiB gzip bomb fails fast without inflating it all', () => {
      const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
      const custom = resolve({ name: 'small', stages: [['decode', { maxBytes: 1024 * 1024 }], 'segment'] });
      const before = process.memoryUsage().rss;
      const start = performance.now();
      expect(() => clean(bomb, { pipeline: custom })).toThrow(/gzip content is larger than 1048576 bytes/);
      expect(performance.now() - start).toBeLessThan(2000);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    });
  });
});

function iconvUtf32(text: string, order: 'le' | 'be'): Uint8Array {
  const points = Array.from(text, (c) => c.codePointAt(0)!);
  const out = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((p, i) => out.setUint32(i * 4, p, order === 'le'));
  return new Uint8Array(out.buffer);
}
