import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import MIMEType from 'whatwg-mimetype';
import { WARCParser, type WARCRecord } from 'warcio';
import { InputError } from '../errors.js';
import type { Format } from '../model/document.js';

/** One record of a WARC or WET file, located so that it can be read alone (by a worker thread). */
export interface WarcEntry {
  /** WARC-Record-ID without its `<urn:uuid:…>` decoration, reduced to characters safe in a file name. */
  id: string;
  /** WARC-Type: `response`, `conversion` (WET text), `request`, `metadata`, `warcinfo`, `revisit`, `resource`… */
  type: string;
  /** WARC-Target-URI, null when the record has none (warcinfo). */
  uri: string | null;
  /** Where the record starts in the file: for `.warc.gz`, the start of its gzip member. */
  offset: number;
  /** Bytes from `offset` to the next record: the record and the CRLFs that end it, or its whole gzip member. */
  length: number;
  /**
   * MIME type essence of what the record carries: the HTTP Content-Type of
   * a response (`text/html`), the WARC Content-Type otherwise (`text/plain`
   * for WET text); null when absent.
   */
  contentType: string | null;
}

/** A record's document: the bytes to clean and what the archive says about them. */
export interface WarcPayload {
  /** The HTTP body of a response (chunked transfer-encoding and gzip/deflate/br content-encoding undone); the text of a conversion record. */
  bytes: Uint8Array;
  contentType: string | null;
  /** Charset of the Content-Type header (HTTP for responses), lower-cased; null when it declares none. */
  charset: string | null;
  uri: string | null;
  id: string;
  /** The format to clean it as: `text` for conversion (WET) records, `html` for an HTML content type, null (sniff) when there is none. */
  kind: Format | null;
}

/** `.warc`, `.warc.gz`, `.wet`, `.wet.gz` (Common Crawl's `*.warc.wet.gz` too): files read record by record. */
export const isWarcPath = (path: string): boolean => /\.(warc|wet)(\.gz)?$/i.test(path);

/** A WARC file whatever its name: it starts with a `WARC/1.x` line (for a `.gz`, once gunzipped). */
export const sniffWarc = (head: Uint8Array): boolean => /^WARC\/1\.\d\r?\n/.test(Buffer.from(head.subarray(0, 16)).toString('latin1'));

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** `<urn:uuid:0b3c…>` → `0b3c…`; other ids keep letters, digits, `.`, `_` and `-` only. */
export function warcFileId(recordId: string | null | undefined, offset: number): string {
  const bare = (recordId ?? '').trim().replace(/^<(.*)>$/s, '$1').replace(/^urn:uuid:/i, '');
  const safe = bare.replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '').slice(0, 160);
  return safe || `record-${offset}`;
}

function mediaType(header: string | null | undefined): MIMEType | null {
  return header ? MIMEType.parse(header) : null;
}

/** The Content-Type that describes the record's document (HTTP for responses and requests, WARC otherwise). */
function contentTypeHeader(record: WARCRecord): string | null {
  if (record.httpHeaders) return record.httpHeaders.headers.get('content-type') ?? null;
  return record.warcContentType ?? null;
}

const entryOf = (record: WARCRecord, offset: number, length: number): WarcEntry => ({
  id: warcFileId(record.warcHeader('WARC-Record-ID'), offset),
  type: record.warcType ?? 'unknown',
  uri: record.warcTargetURI ?? null,
  offset,
  length,
  contentType: mediaType(contentTypeHeader(record))?.essence ?? null,
});

/**
 * Why a record is not a document to clean, for skipping and counting:
 * its WARC type (`request`, `metadata`, `warcinfo`, `revisit`,
 * `continuation`…), or `not-html` for a response or resource whose
 * content type is neither `text/html` nor `application/xhtml+xml`
 * (images, scripts, JSON, PDFs). Null for a document: a conversion (WET)
 * record, or an HTML response or resource (one without a content type
 * too, left to content sniffing).
 */
export function warcSkipReason(entry: Pick<WarcEntry, 'type' | 'contentType'>): string | null {
  if (entry.type === 'conversion') return null;
  if (entry.type === 'response' || entry.type === 'resource') return entry.contentType === null || HTML_TYPES.has(entry.contentType) ? null : 'not-html';
  return entry.type;
}

const isWarcRecord = (record: WARCRecord) => record.warcHeaders.statusline.startsWith('WARC/');

/**
 * A record's document, read chunk by chunk and stopped as soon as it passes
 * `maxBytes` (decode.maxBytes): a huge record, or a small one that inflates
 * (gzip content-encoding), is refused without being held whole.
 */
async function payloadOf(record: WARCRecord, offset: number, maxBytes: number): Promise<WarcPayload | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.byteLength;
    if (size > maxBytes) return 'too-large';
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks, size);
  const type = mediaType(contentTypeHeader(record));
  return {
    bytes,
    contentType: type?.essence ?? null,
    charset: type?.parameters.get('charset')?.toLowerCase() ?? null,
    uri: record.warcTargetURI ?? null,
    id: warcFileId(record.warcHeader('WARC-Record-ID'), offset),
    kind: record.warcType === 'conversion' ? 'text' : type && HTML_TYPES.has(type.essence) ? 'html' : null,
  };
}

const failure = (path: string, error: unknown) =>
  error instanceof InputError ? error : new InputError(path, `not a readable WARC file: ${(error as Error).message}`, { cause: error });

/**
 * Every record of a `.warc`, `.warc.gz` (one gzip member per record, the
 * usual form) or `.wet.gz` file, in file order, without reading their
 * bodies. A record is yielded once the next one is known to start after
 * it, so that a file gzipped as one stream (where records cannot be read
 * alone) is refused before any of its records is handed out.
 * @throws InputError for a file that is not a WARC, or not compressed record by record
 */
export async function* listWarcRecords(path: string): AsyncGenerator<WarcEntry> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new InputError(path, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const stream = createReadStream(path);
  let previous: WarcEntry | undefined;
  try {
    const parser = new WARCParser(stream);
    for await (const record of parser) {
      const offset = parser.offset;
      if (!isWarcRecord(record)) throw new InputError(path, `not a WARC file: no WARC/1.x record at offset ${offset}`);
      // One gzip stream for the whole file: every record after the first appears to start at its end.
      if (offset >= size || (previous && offset <= previous.offset)) {
        throw new InputError(path, 'compressed as one gzip stream: records cannot be read one by one; recompress it with one gzip member per record (as WARC writers do)');
      }
      // A record runs to the next one (its gzip member, or the record and the CRLFs after it);
      // warcio's own length stops where parsing stopped, before an unread body.
      if (previous) yield { ...previous, length: offset - previous.offset };
      previous = entryOf(record, offset, 0);
    }
    if (previous) yield { ...previous, length: size - previous.offset };
  } catch (error) {
    throw failure(path, error);
  } finally {
    // Also when the caller stops early.
    stream.destroy();
  }
}

/**
 * Reads the one record at `offset` (as listWarcRecords located it) and
 * returns its document: the decoded HTTP body of a response, the text of
 * a conversion record.
 * @throws InputError when no WARC record starts there
 */
export async function readWarcRecord(path: string, offset: number, length: number, maxBytes = Infinity): Promise<WarcPayload> {
  try {
    const record = await WARCParser.parse(createReadStream(path, { start: offset, end: offset + length - 1 }));
    // warcio reads any bytes as a record; only a WARC/1.x status line makes one.
    if (!record || !isWarcRecord(record)) throw new InputError(path, `no WARC record at offset ${offset}`);
    const payload = await payloadOf(record, offset, maxBytes);
    if (payload === 'too-large') throw new InputError(path, `the record at offset ${offset} is more than decode.maxBytes (${maxBytes} bytes)`);
    return payload;
  } catch (error) {
    throw failure(path, error);
  }
}

/** What readWarc yields for each record: its document, or why it was skipped. */
export type WarcItem = { document: WarcPayload; skipped?: undefined } | { document?: undefined; skipped: { id: string; type: string; uri: string | null; reason: string } };

/** The file as a stream of WARC bytes: gunzipped by zlib when it starts with the gzip magic, which (unlike warcio's own inflater) fails on a truncated member instead of dropping it. */
async function warcBytes(path: string): Promise<Readable> {
  const head = Buffer.alloc(2);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const file = createReadStream(path);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/**
 * Bytes of the record's block that the file did not hold (a truncated
 * archive): warcio reads a short block without complaint, so its block
 * reader's remaining limit is the one place that says so.
 */
const missingBytes = (record: WARCRecord): number => (record as unknown as { _reader?: { limit?: number } })._reader?.limit ?? 0;

/**
 * Every record of a `.warc`, `.warc.gz` or `.wet.gz` file in one
 * sequential pass, in file order: the document of each response or
 * conversion record, and a `skipped` entry (warcSkipReason's reason, or
 * `too-large` for a block over `maxBytes`) for every other record, so that
 * the caller can count them. The file is streamed (a body is held only
 * while its record is handed out), so it works for archives of any size
 * and any gzip layout, one stream included; listWarcRecords +
 * readWarcRecord are for reading records in parallel.
 * @throws InputError for a file that is not a WARC, or a corrupt or truncated one (the records before the damage are yielded first)
 */
export async function* readWarc(path: string, options: { maxBytes?: number } = {}): AsyncGenerator<WarcItem> {
  const maxBytes = options.maxBytes ?? Infinity;
  let stream: Readable | undefined;
  try {
    stream = await warcBytes(path);
    const parser = new WARCParser(stream);
    for await (const record of parser) {
      const offset = parser.offset;
      if (!isWarcRecord(record)) throw new InputError(path, `not a WARC file: no WARC/1.x record at offset ${offset}`);
      const entry = entryOf(record, offset, 0);
      let reason = warcSkipReason(entry) ?? (record.warcContentLength > maxBytes ? 'too-large' : null);
      const read = reason ? await record.skipFully().then(() => null) : await payloadOf(record, offset, maxBytes);
      // A body that inflates past maxBytes (content-encoding) is skipped as too large too; the parser skips its rest.
      if (read === 'too-large') reason = read;
      const document = read === 'too-large' ? null : read;
      if (missingBytes(record) > 0) throw new InputError(path, `truncated: the record at offset ${offset} (${entry.id}) misses ${missingBytes(record)} of its ${record.warcContentLength} bytes`);
      yield document ? { document } : { skipped: { id: entry.id, type: entry.type, uri: entry.uri, reason: reason! } };
    }
  } catch (error) {
    throw failure(path, error);
  } finally {
    stream?.destroy();
  }
}
