import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const CRLF = '\r\n';

/** One WARC/1.0 record, gzipped alone (one member per record, as WARC writers do). */
function record(type: string, id: string, uri: string, contentType: string, block: Buffer): Buffer {
  const head = ['WARC/1.0', `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${id}>`, 'WARC-Date: 2025-01-20T10:00:00Z', `WARC-Target-URI: ${uri}`, `Content-Type: ${contentType}`, `Content-Length: ${block.length}`];
  return gzipSync(Buffer.concat([Buffer.from(head.join(CRLF) + CRLF + CRLF, 'latin1'), block, Buffer.from(CRLF + CRLF)]));
}
const response = (charset: string | null, body: Buffer) =>
  Buffer.concat([Buffer.from(['HTTP/1.1 200 OK', `Content-Type: text/html${charset ? `; charset=${charset}` : ''}`, `Content-Length: ${body.length}`].join(CRLF) + CRLF + CRLF, 'latin1'), body]);

const prose = (subject: string) =>
  `<p>${subject} was discussed by the council on Tuesday, after a long debate in which residents spoke for and against the plan, and a decision is expected soon.</p>`;
const CAFE = `<html><head><title>Café prices</title></head><body><article><h1>Café prices</h1>${prose('The price of a “crème brûlée”')}<p>It now costs 5 € at the café by the river, where it cost 4 € last year.</p></article></body></html>`;
const ZURICH = `<html><head><meta charset="utf-8"><title>Zürich</title></head><body><article><h1>Zürich bridge</h1>${prose('The Zürich bridge')}</article></body></html>`;
const IDS = ['11111111-0000-4000-8000-000000000001', '22222222-0000-4000-8000-000000000002', '33333333-0000-4000-8000-000000000003'];

describe('unboil run on a WARC file', () => {
  it('fails alone a record whose gzip body inflates past decode.maxBytes; the other record is cleaned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-warc-big-'));
    mkdirSync(join(dir, 'crawl'));
    const huge = gzipSync(Buffer.from(`<html><body>${'<p>Inflated page text.</p>'.repeat(100_000)}</body></html>`));
    const inflating = Buffer.concat([Buffer.from(['HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Encoding: gzip', `Content-Length: ${huge.length}`].join(CRLF) + CRLF + CRLF, 'latin1'), huge]);
    writeFileSync(
      join(dir, 'crawl/pages.warc.gz'),
      Buffer.concat([
        record('response', IDS[1]!, 'https://big.example/page', 'application/http; msgtype=response', inflating),
        record('response', IDS[2]!, 'https://zurich.example/bridge', 'application/http; msgtype=response', response(null, Buffer.from(ZURICH))),
      ]),
    );
    const { code } = await runCli(['run', 'crawl', '--out', 'out', '--quiet', '--set', 'decode.maxBytes=1000000'], dir);
    expect(code).toBe(1);
    const summary = JSON.parse(readFileSync(join(dir, 'out/_run.json'), 'utf8'));
    expect(summary).toMatchObject({ documents: 2, cleaned: 1 });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0].path).toContain(IDS[1]);
    expect(summary.failed[0].error).toMatch(/is more than decode\.maxBytes \(1000000 bytes\)/);
    expect(readdirSync(join(dir, 'out/pages')).sort()).toEqual([`${IDS[2]}.json`, `${IDS[2]}.txt`]);
  });

  it('cleans each response record as a document with its URL, decoded by its HTTP charset; the request is skipped and counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-warc-run-'));
    mkdirSync(join(dir, 'crawl'));
    writeFileSync(
      join(dir, 'crawl/pages.warc.gz'),
      Buffer.concat([
        record('request', IDS[0]!, 'https://cafe.example/prices', 'application/http; msgtype=request', Buffer.from(`GET /prices HTTP/1.1${CRLF}Host: cafe.example${CRLF}${CRLF}`)),
        // windows-1252, said only by the HTTP header: “ ” é € are single bytes.
        record('response', IDS[1]!, 'https://cafe.example/prices', 'application/http; msgtype=response', response('windows-1252', iconv.encode(CAFE, 'windows-1252'))),
        record('response', IDS[2]!, 'https://zurich.example/bridge', 'application/http; msgtype=response', response(null, Buffer.from(ZURICH))),
      ]),
    );
    const { code, stderr } = await runCli(['run', 'crawl', '--out', 'out', '--quiet'], dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(join(dir, 'out/pages')).sort()).toEqual([`${IDS[1]}.json`, `${IDS[1]}.txt`, `${IDS[2]}.json`, `${IDS[2]}.txt`]);
    const cafe = JSON.parse(readFileSync(join(dir, `out/pages/${IDS[1]}.json`), 'utf8'));
    expect(cafe.source).toMatchObject({ path: `pages.warc.gz#${IDS[1]}`, format: 'html', encoding: 'windows-1252', url: 'https://cafe.example/prices', site: 'cafe.example' });
    expect(cafe.meta.title).toBe('Café prices');
    expect(readFileSync(join(dir, `out/pages/${IDS[1]}.txt`), 'utf8')).toContain('The price of a “crème brûlée” was discussed');
    const zurich = JSON.parse(readFileSync(join(dir, `out/pages/${IDS[2]}.json`), 'utf8'));
    expect(zurich.source).toMatchObject({ url: 'https://zurich.example/bridge', encoding: 'utf-8' });
    const summary = JSON.parse(readFileSync(join(dir, 'out/_run.json'), 'utf8'));
    expect(summary).toMatchObject({ documents: 2, cleaned: 2, failed: [] });
    expect(summary.stages['warc.skipped.request']).toBe(1);

    // A re-run over the unchanged archive rewrites nothing.
    const again = await runCli(['run', 'crawl', '--out', 'out'], dir);
    expect(again.stdout).toMatch(/2 up to date|skipped 2|2 skipped/);
  }, 120_000);

  it('fails an archive gzipped as one stream alone, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-warc-whole-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/whole.warc.gz'), gzipSync(Buffer.from(`WARC/1.0${CRLF}WARC-Type: metadata${CRLF}Content-Length: 2${CRLF}${CRLF}ab${CRLF}${CRLF}WARC/1.0${CRLF}WARC-Type: metadata${CRLF}Content-Length: 2${CRLF}${CRLF}cd${CRLF}${CRLF}`)));
    writeFileSync(join(dir, 'in/page.html'), ZURICH);
    const { code, stderr } = await runCli(['run', 'in', '--out', 'out', '--quiet'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^unboil: in\/whole\.warc\.gz: compressed as one gzip stream: records cannot be read one by one/m);
  }, 120_000);
});
