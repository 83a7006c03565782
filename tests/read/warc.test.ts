import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { resolvePipelineOption } from '../../src/config/pipeline.js';
import { processDocument } from '../../src/engine/clean.js';
import { InputError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { Stats } from '../../src/stages/types.js';
import { isWarcPath, listWarcRecords, readWarc, readWarcRecord, sniffWarc, warcFileId, warcSkipReason, type WarcEntry, type WarcItem } from '../../src/read/warc.js';

const CRLF = '\r\n';

/** One WARC/1.0 record, written byte by byte: headers, block, and the two CRLFs that end it. */
function record(type: string, id: string, uri: string | null, contentType: string, block: Buffer): Buffer {
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${id}>`,
    'WARC-Date: 2025-01-20T10:00:00Z',
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(headers.join(CRLF) + CRLF + CRLF, 'latin1'), block, Buffer.from(CRLF + CRLF)]);
}

const http = (head: string[], body: Buffer) => Buffer.concat([Buffer.from(head.join(CRLF) + CRLF + CRLF, 'latin1'), body]);

/** HTTP/1.1 chunked transfer-encoding of a body, in chunks of `size` bytes. */
function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const chunk = body.subarray(at, at + size);
    parts.push(Buffer.from(`${chunk.length.toString(16)}${CRLF}`), chunk, Buffer.from(CRLF));
  }
  return Buffer.concat([...parts, Buffer.from(`0${CRLF}${CRLF}`)]);
}

// Declared windows-1252 by the HTTP header alone (no <meta charset>): “ ” é € are single bytes 0x93 0x94 0xE9 0x80.
const LEGACY_HTML = '<html><head><title>Café</title></head><body><p>“Crème brûlée” costs 5 €.</p></body></html>';
const LEGACY_BYTES = iconv.encode(LEGACY_HTML, 'windows-1252');
const UTF8_HTML = '<html><body><h1>Zürich</h1><p>A second page, sent gzipped and chunked.</p></body></html>';

const IDS = {
  request: '0b0e7a3c-1111-4c1e-9f00-000000000001',
  legacy: '0b0e7a3c-2222-4c1e-9f00-000000000002',
  chunked: '0b0e7a3c-3333-4c1e-9f00-000000000003',
  metadata: '0b0e7a3c-4444-4c1e-9f00-000000000004',
};

const RECORDS = [
  record('request', IDS.request, 'https://example.org/cafe', 'application/http; msgtype=request', Buffer.from(`GET /cafe HTTP/1.1${CRLF}Host: example.org${CRLF}${CRLF}`)),
  record(
    'response',
    IDS.legacy,
    'https://example.org/cafe',
    'application/http; msgtype=response',
    http(['HTTP/1.1 200 OK', 'Content-Type: text/html; charset=Windows-1252', `Content-Length: ${LEGACY_BYTES.length}`], LEGACY_BYTES),
  ),
  record(
    'response',
    IDS.chunked,
    'https://example.org/zurich',
    'application/http; msgtype=response',
    http(['HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked'], chunked(gzipSync(Buffer.from(UTF8_HTML)), 16)),
  ),
  record('metadata', IDS.metadata, 'https://example.org/cafe', 'application/warc-fields', Buffer.from(`fetchTimeMs: 42${CRLF}`)),
];

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-warc-'));
  const members = RECORDS.map((r) => gzipSync(r));
  const paths = { warc: join(dir, 'crawl.warc'), gz: join(dir, 'crawl.warc.gz'), whole: join(dir, 'whole.warc.gz'), junk: join(dir, 'junk.warc') };
  writeFileSync(paths.warc, Buffer.concat(RECORDS));
  writeFileSync(paths.gz, Buffer.concat(members));
  writeFileSync(paths.whole, gzipSync(Buffer.concat(RECORDS)));
  writeFileSync(paths.junk, '<html>not a WARC</html>');
  return { dir, paths, members };
}

async function list(path: string): Promise<WarcEntry[]> {
  const out: WarcEntry[] = [];
  for await (const entry of listWarcRecords(path)) out.push(entry);
  return out;
}

/** Start of each buffer when they are laid end to end. */
const starts = (parts: Buffer[]) => parts.map((_, k) => parts.slice(0, k).reduce((n, p) => n + p.length, 0));

describe('WARC reader', () => {
  const { paths, members } = files();

  for (const [kind, path, parts] of [
    ['.warc', paths.warc, RECORDS],
    ['.warc.gz (one gzip member per record)', paths.gz, members],
  ] as const) {
    it(`lists every record of a ${kind} file with its id, type, URI, content type and place`, async () => {
      const entries = await list(path);
      expect(entries.map(({ offset, length, ...rest }) => rest)).toEqual([
        { id: IDS.request, type: 'request', uri: 'https://example.org/cafe', contentType: null },
        { id: IDS.legacy, type: 'response', uri: 'https://example.org/cafe', contentType: 'text/html' },
        { id: IDS.chunked, type: 'response', uri: 'https://example.org/zurich', contentType: 'text/html' },
        { id: IDS.metadata, type: 'metadata', uri: 'https://example.org/cafe', contentType: 'application/warc-fields' },
      ]);
      expect(entries.map((e) => e.offset)).toEqual(starts([...parts]));
      // A record's bytes: its gzip member, or the record and the two CRLFs that end it.
      expect(entries.map((e) => e.length)).toEqual(parts.map((p) => p.length));
      expect(entries.map(warcSkipReason)).toEqual(['request', null, null, 'metadata']);
    });

    it(`reads each record of a ${kind} file alone from its offset, with the HTTP body decoded`, async () => {
      const entries = await list(path);
      const legacy = await readWarcRecord(path, entries[1]!.offset, entries[1]!.length);
      expect(legacy).toEqual({ bytes: expect.any(Uint8Array), contentType: 'text/html', charset: 'windows-1252', uri: 'https://example.org/cafe', id: IDS.legacy, kind: 'html' });
      expect(Buffer.from(legacy.bytes).equals(LEGACY_BYTES)).toBe(true);
      expect(iconv.decode(Buffer.from(legacy.bytes), legacy.charset!)).toBe(LEGACY_HTML);
      // Chunked transfer-encoding and gzip content-encoding undone; no charset declared.
      const utf8 = await readWarcRecord(path, entries[2]!.offset, entries[2]!.length);
      expect({ ...utf8, bytes: Buffer.from(utf8.bytes).toString('utf8') }).toEqual({ bytes: UTF8_HTML, contentType: 'text/html', charset: null, uri: 'https://example.org/zurich', id: IDS.chunked, kind: 'html' });
      // Records are read in any order, each on its own.
      const ids = await Promise.all([...entries].reverse().map((e) => readWarcRecord(path, e.offset, e.length).then((r) => r.id)));
      expect(ids).toEqual([IDS.metadata, IDS.chunked, IDS.legacy, IDS.request]);
    });
  }

  for (const [kind, path] of [
    ['.warc', paths.warc],
    ['.warc.gz', paths.gz],
    ['.warc.gz gzipped as one stream', paths.whole],
  ] as const) {
    it(`reads a ${kind} file in one pass: two HTML documents, the request and metadata records skipped`, async () => {
      const items: WarcItem[] = [];
      for await (const item of readWarc(path)) items.push(item);
      expect(items.map((item) => item.skipped ?? { id: item.document!.id, uri: item.document!.uri, charset: item.document!.charset, kind: item.document!.kind })).toEqual([
        { id: IDS.request, type: 'request', uri: 'https://example.org/cafe', reason: 'request' },
        { id: IDS.legacy, uri: 'https://example.org/cafe', charset: 'windows-1252', kind: 'html' },
        { id: IDS.chunked, uri: 'https://example.org/zurich', charset: null, kind: 'html' },
        { id: IDS.metadata, type: 'metadata', uri: 'https://example.org/cafe', reason: 'metadata' },
      ]);
      expect(iconv.decode(Buffer.from(items[1]!.document!.bytes), 'windows-1252')).toBe(LEGACY_HTML);
      expect(Buffer.from(items[2]!.document!.bytes).toString('utf8')).toBe(UTF8_HTML);
    });
  }

  it('stops a one-pass read at a file that is not a WARC, and at a truncated archive after the records before the damage', async () => {
    const ids: string[] = [];
    const drain = async (path: string) => {
      for await (const item of readWarc(path)) ids.push(item.document?.id ?? item.skipped!.id);
    };
    await expect(drain(paths.junk)).rejects.toThrow(new InputError(paths.junk, 'not a WARC file: no WARC/1.x record at offset 0'));
    const { dir } = files();
    const truncated = join(dir, 'truncated.warc.gz');
    const whole = Buffer.concat(members);
    writeFileSync(truncated, whole.subarray(0, whole.length - members[3]!.length - Math.floor(members[2]!.length / 2)));
    await expect(drain(truncated)).rejects.toThrow(/unexpected end of file/);
    expect(ids).toEqual([IDS.request, IDS.legacy]);
    // Uncompressed, cut inside the third record's body: its missing bytes are named.
    ids.length = 0;
    const cut = join(dir, 'cut.warc');
    writeFileSync(cut, Buffer.concat(RECORDS).subarray(0, RECORDS[0]!.length + RECORDS[1]!.length + RECORDS[2]!.length - 30));
    await expect(drain(cut)).rejects.toThrow(/truncated: the record at offset \d+ \(0b0e7a3c-3333-4c1e-9f00-000000000003\) misses 2[68] of its \d+ bytes/);
    expect(ids).toEqual([IDS.request, IDS.legacy]);
  });

  it('skips a record whose block is over maxBytes without reading it', async () => {
    const seen: Array<[string, string | null]> = [];
    for await (const item of readWarc(paths.gz, { maxBytes: LEGACY_BYTES.length + 100 })) seen.push([item.document?.id ?? item.skipped!.id, item.skipped?.reason ?? null]);
    expect(seen).toEqual([[IDS.request, 'request'], [IDS.legacy, null], [IDS.chunked, 'too-large'], [IDS.metadata, 'metadata']]);
  });

  it('refuses a record whose body inflates past maxBytes while reading it, without holding it whole', async () => {
    // 4 MB of page in a gzip content-encoding of a few KB: the WARC block is small, the document is not.
    const huge = Buffer.from(`<html><body>${'<p>Inflated page text.</p>'.repeat(160_000)}</body></html>`);
    const bomb = record('response', 'bomb-0001', 'https://example.org/bomb', 'application/http; msgtype=response', http(['HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Encoding: gzip'], gzipSync(huge)));
    expect(bomb.length).toBeLessThan(50_000);
    const { dir } = files();
    const path = join(dir, 'bomb.warc.gz');
    writeFileSync(path, Buffer.concat([gzipSync(RECORDS[1]!), gzipSync(bomb), gzipSync(RECORDS[2]!)]));
    const entries = await list(path);
    const maxBytes = 1_000_000;
    await expect(readWarcRecord(path, entries[1]!.offset, entries[1]!.length, maxBytes)).rejects.toThrow(
      new InputError(path, `the record at offset ${entries[1]!.offset} is more than decode.maxBytes (1000000 bytes)`),
    );
    expect((await readWarcRecord(path, entries[1]!.offset, entries[1]!.length)).bytes.length).toBe(huge.length);
    // Read in one pass, it is skipped as too large and the records after it are read.
    const seen: Array<[string, string | null]> = [];
    for await (const item of readWarc(path, { maxBytes })) seen.push([item.document?.id ?? item.skipped!.id, item.skipped?.reason ?? null]);
    expect(seen).toEqual([[IDS.legacy, null], ['bomb-0001', 'too-large'], [IDS.chunked, null]]);
  });

  it('cleans the two responses of a WARC as documents with their URLs, the windows-1252 one decoded by its HTTP charset', async () => {
    const pipeline = resolvePipelineOption('default');
    const cleaned = [];
    for await (const item of readWarc(paths.gz)) {
      if (!item.document) continue;
      const { bytes, id, uri, charset, kind } = item.document;
      cleaned.push(processDocument(bytes, { path: `crawl.warc.gz/${id}`, format: kind, url: uri, charset }, pipeline, { logger: silentLogger, stats: new Stats() }));
    }
    expect(cleaned.map((r) => [r.source.path, r.source.url, r.source.site, r.source.encoding, r.meta.title])).toEqual([
      [`crawl.warc.gz/${IDS.legacy}`, 'https://example.org/cafe', 'example.org', 'windows-1252', 'Café'],
      [`crawl.warc.gz/${IDS.chunked}`, 'https://example.org/zurich', 'example.org', 'utf-8', 'Zürich'],
    ]);
    expect(cleaned[0]!.blocks.map((b) => b.text)).toContain('“Crème brûlée” costs 5 €.');
  });

  it('decodes with the HTTP charset before guessing: a short iso-8859-2 page that chardet takes for windows-1257', () => {
    const pipeline = resolvePipelineOption('default');
    const bytes = iconv.encode('<html><body><p>Zażółć gęślą jaźń.</p></body></html>', 'iso-8859-2');
    const decode = (charset: string | null) => processDocument(bytes, { path: 'pl', format: 'html', charset }, pipeline, { logger: silentLogger, stats: new Stats() });
    expect(decode('ISO-8859-2').blocks.map((b) => b.text)).toEqual(['Zażółć gęślą jaźń.']);
    expect(decode('ISO-8859-2').source.encoding).toBe('iso-8859-2');
    expect(decode(null).source.encoding).not.toBe('iso-8859-2');
  });

  it('knows WARC files by name and by their first line', () => {
    expect(['a.warc', 'a.warc.gz', 'CC-MAIN-1.warc.wet.gz', 'b.WET', 'a.html', 'warc.txt'].map(isWarcPath)).toEqual([true, true, true, true, false, false]);
    expect(sniffWarc(RECORDS[0]!)).toBe(true);
    expect(sniffWarc(Buffer.from('<html>WARC/1.0'))).toBe(false);
  });

  it('reads WET files: conversion records are text documents, warcinfo is skipped', async () => {
    const { dir } = files();
    const text = 'Zürich\n\nA plain-text extract of the page, as Common Crawl writes it.\n';
    const wet = [
      record('warcinfo', 'aaaaaaaa-0000-4000-8000-000000000000', null, 'application/warc-fields', Buffer.from(`software: test${CRLF}`)),
      record('conversion', 'bbbbbbbb-0000-4000-8000-000000000000', 'https://example.org/zurich', 'text/plain', Buffer.from(text)),
    ];
    const path = join(dir, 'crawl.warc.wet.gz');
    writeFileSync(path, Buffer.concat(wet.map((r) => gzipSync(r))));
    const entries = await list(path);
    expect(entries.map((e) => [e.type, e.id, warcSkipReason(e)])).toEqual([
      ['warcinfo', 'aaaaaaaa-0000-4000-8000-000000000000', 'warcinfo'],
      ['conversion', 'bbbbbbbb-0000-4000-8000-000000000000', null],
    ]);
    const doc = await readWarcRecord(path, entries[1]!.offset, entries[1]!.length);
    expect({ ...doc, bytes: Buffer.from(doc.bytes).toString('utf8') }).toEqual({ bytes: text, contentType: 'text/plain', charset: null, uri: 'https://example.org/zurich', id: 'bbbbbbbb-0000-4000-8000-000000000000', kind: 'text' });
  });

  it('refuses a file gzipped as one stream before handing out any record, and a file that is not a WARC', async () => {
    const seen: string[] = [];
    const whole = async () => {
      for await (const e of listWarcRecords(paths.whole)) seen.push(e.id);
    };
    await expect(whole()).rejects.toThrow(/compressed as one gzip stream/);
    expect(seen).toEqual([]);
    await expect(list(paths.junk)).rejects.toThrow(new InputError(paths.junk, 'not a WARC file: no WARC/1.x record at offset 0'));
    await expect(list(join(paths.junk, '..', 'missing.warc'))).rejects.toThrow(/ENOENT/);
    await expect(readWarcRecord(paths.gz, 3, 40)).rejects.toBeInstanceOf(InputError);
  });

  it('skips responses that are not HTML and keeps those without a content type for sniffing', () => {
    expect(warcSkipReason({ type: 'response', contentType: 'image/png' })).toBe('not-html');
    expect(warcSkipReason({ type: 'response', contentType: 'application/xhtml+xml' })).toBe(null);
    expect(warcSkipReason({ type: 'response', contentType: null })).toBe(null);
    expect(warcSkipReason({ type: 'revisit', contentType: 'text/html' })).toBe('revisit');
  });

  it('turns record ids into file names', () => {
    expect(warcFileId('<urn:uuid:0B0E7A3C-1111>', 0)).toBe('0B0E7A3C-1111');
    expect(warcFileId('<urn:sha1:AB/CD?e>', 0)).toBe('urn_sha1_AB_CD_e');
    expect(warcFileId('<../../etc>', 0)).toBe('etc');
    expect(warcFileId(undefined, 512)).toBe('record-512');
  });
});
