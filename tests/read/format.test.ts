import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { resolvePipelineOption } from '../../src/config/pipeline.js';
import { processDocument } from '../../src/engine/clean.js';
import { silentLogger } from '../../src/log.js';
import { chooseFormat, looksLikeHtml, sniffFormat } from '../../src/read/format.js';
import { Stats } from '../../src/stages/types.js';

const PAGE = `<!DOCTYPE html>
<html><head><title>Saved as text</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Saved as text</h1><p>A page saved with a .txt name still holds markup, and its clean text must not be raw tags.</p>
<p>This second paragraph makes it an article worth keeping, with enough words to count as prose for the main text.</p></article>
</body></html>`;

const DUMP = `How to write a link

Write <a href="/x">the text</a> and the browser shows "the text" underlined.
Close every <p> you open, and every <div> and <li> too: <b>bold</b> and <i>italic</i> nest.
`;

const pipeline = resolvePipelineOption('default');
const cleanAs = (text: string, input: { nameFormat?: 'text' | 'html'; format?: 'text' | 'html' }) =>
  processDocument(new TextEncoder().encode(text), { path: 'page.txt', ...input }, pipeline, { logger: silentLogger, stats: new Stats() });

describe('format detection', () => {
  it('knows an HTML page from its start, and a text dump that quotes markup from prose', () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml('\uFEFF  <html lang="de"><p>x</p></html>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><rss><channel/></rss>')).toBe(false);
    // A fragment: starts with a tag and is full of block tags.
    expect(looksLikeHtml('<div><p>one</p><p>two</p><p>three</p></div>')).toBe(true);
    // A scraper's preamble before the page.
    expect(looksLikeHtml('URL: https://example.org/a\n\n<html><body><div><p>one</p><p>two</p></div></body></html>')).toBe(true);
    expect(looksLikeHtml(DUMP)).toBe(false);
    expect(sniffFormat(DUMP)).toBe('text');
  });

  it('lets --format win, then an HTML name, then plainly HTML content over a text name (with a warning)', () => {
    expect(chooseFormat(PAGE, { forced: 'text', name: 'text' })).toEqual({ format: 'text' });
    expect(chooseFormat(DUMP, { name: 'html' })).toEqual({ format: 'html' });
    expect(chooseFormat(DUMP, { name: 'text' })).toEqual({ format: 'text' });
    expect(chooseFormat(PAGE, { name: 'text' })).toEqual({ format: 'html', warning: expect.stringMatching(/^named as a text file but its content is an HTML page/) });
    expect(chooseFormat(PAGE, {})).toEqual({ format: 'html' });
  });

  it('cleans an HTML page saved as .txt as HTML, says so, and cleans it as text under --format text', () => {
    const sniffed = cleanAs(PAGE, { nameFormat: 'text' });
    expect(sniffed.source.format).toBe('html');
    expect(sniffed.meta.title).toBe('Saved as text');
    expect(sniffed.warnings).toEqual([{ stage: 'decode', rule: 'format-sniffed', message: expect.stringContaining('cleaned as HTML (--format text forces text)') }]);
    const kept = sniffed.blocks.filter((b) => !b.removed).map((b) => b.text);
    expect(kept).toContain('A page saved with a .txt name still holds markup, and its clean text must not be raw tags.');
    expect(kept.join('\n')).not.toMatch(/<\/?[a-z]/);

    const forced = cleanAs(PAGE, { format: 'text', nameFormat: 'text' });
    expect(forced.source.format).toBe('text');
    expect(forced.warnings).toEqual([]);
    expect(forced.blocks.map((b) => b.text).join('\n')).toMatch(/<p>A page saved/);
  });

  it('keeps a text dump that quotes markup as text', () => {
    const dump = cleanAs(DUMP, { nameFormat: 'text' });
    expect(dump.source.format).toBe('text');
    expect(dump.warnings).toEqual([]);
  });

  it('unboil run cleans a page saved as .txt as HTML with a warning, and as text under --format text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-sniff-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/page.txt'), PAGE);
    writeFileSync(join(dir, 'in/dump.txt'), DUMP);
    expect((await runCli(['run', 'in', '--out', 'out', '--quiet'], dir)).code).toBe(0);
    const sidecar = JSON.parse(readFileSync(join(dir, 'out/page.json'), 'utf8'));
    expect([sidecar.source.format, sidecar.meta.title, sidecar.warnings.map((w: { rule: string }) => w.rule)]).toEqual(['html', 'Saved as text', ['format-sniffed']]);
    expect(readFileSync(join(dir, 'out/page.txt'), 'utf8')).not.toMatch(/<\/?[a-z]/);
    expect(JSON.parse(readFileSync(join(dir, 'out/dump.json'), 'utf8')).source.format).toBe('text');
    expect((await runCli(['run', 'in', '--out', 'forced', '--quiet', '--format', 'text'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'forced/page.json'), 'utf8')).source.format).toBe('text');
    expect(readFileSync(join(dir, 'forced/page.txt'), 'utf8')).toMatch(/<p>A page saved/);
  }, 120_000);
});
