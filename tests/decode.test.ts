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
    expect(() => clean(png, { path: 'image.txt' })).toThrow(/binary file: NUL byte at offset 8/);
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
});
