// The HTML report, in a real browser: Debian's chromium driven by
// playwright-core (.ci/run installs the chromium package; nothing is
// downloaded at npm install time). Expectations come from the sidecars, so
// rule changes elsewhere do not break these tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/review/report.js';
import { indexOutputDir, outputDocuments } from '../../src/review/documents.js';
import { suspicionsOf } from '../../src/review/suspicious.js';
import { runCli } from '../helpers/cli.js';
import { docOf, outputDocs, seededWorkspace, type OutputDoc } from './review-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED the report's browser tests: ${CHROMIUM} not found (apt-get install -y chromium)`);

let dir: string;
let docs: OutputDoc[];
let browser: Browser | undefined;
beforeAll(async () => {
  dir = await seededWorkspace();
  docs = outputDocs(join(dir, 'out'));
  if (hasChromium) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
}, 60_000);
afterAll(async () => browser?.close());

/** A page that records script errors and every request that is not the report file itself. */
async function openPage(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => void (r.url().split('#')[0] !== url.split('#')[0] && requests.push(r.url())));
  await page.goto(url);
  return { page, errors, requests };
}

const text = (b: OutputDoc['sidecar']['blocks'][number]) => b.text;

describe('unboil report', () => {
  it('writes one self-contained file: no external scripts, styles or fetches; exits 2 on a bad folder', async () => {
    const { code, stdout } = await runCli(['report', 'out', '--html', 'site/report.html'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('unboil report: 5 documents → site/report.html\n');
    const html = readFileSync(join(dir, 'site/report.html'), 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img|iframe)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/fetch\(|XMLHttpRequest|https?:\/\//);
    // One JSON payload per document, parsed only when it is opened.
    expect(html.match(/<script type="application\/json" id="doc-\d+">/g)).toHaveLength(5);
    expect(await runCli(['report', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'unboil: output folder not found: nope\n' });
    expect(await runCli(['report', 'seeds'], dir)).toMatchObject({ code: 2, stderr: 'unboil: seeds is not an unboil output folder (no _run.json and no sidecars)\n' });
  });

  it.skipIf(!hasChromium)('table of documents: values, sorting, filters', async () => {
    await runCli(['report', 'out', '--html', 'report.html'], dir);
    const { page, errors, requests } = await openPage(`file://${join(dir, 'report.html')}`);
    const rows = page.locator('#docs tbody tr');
    await expect.poll(() => rows.count()).toBe(docs.length);
    const cells = async () => page.$$eval('#docs tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await cells()).toEqual(
      docs.map((d) => {
        const { meta, stats } = d.sidecar;
        const top = Object.entries(stats.removedBy).sort(([, a], [, b]) => b - a).slice(0, 3).map(([r, n]) => `${r} ${n}`).join(', ');
        return [d.name, '', meta.title ?? '', meta.date ?? '', meta.lang ?? '', ...[stats.kept, stats.removed, stats.charsIn, stats.charsOut].map(String), top];
      }),
    );
    expect((await cells())[docs.indexOf(docOf(docs, '003'))]![2]).toBe('Russia-Iran Comprehensive Strategic Partnership Treaty');

    const names = async () => (await cells()).map((c) => c[0]);
    const byRemoved = [...docs].sort((a, b) => a.sidecar.stats.removed - b.sidecar.stats.removed).map((d) => d.name);
    await page.click('th[data-key="removed"]');
    expect(await names()).toEqual(byRemoved);
    await page.click('th[data-key="removed"]');
    expect(await names()).toEqual([...docs].sort((a, b) => b.sidecar.stats.removed - a.sidecar.stats.removed).map((d) => d.name));

    await page.selectOption('#doc-rule', 'boilerplate/tags');
    const withTags = docs.filter((d) => d.sidecar.stats.removedBy['boilerplate/tags']).map((d) => d.name);
    expect((await names()).sort()).toEqual(withTags);
    expect(await page.textContent('#shown')).toBe(`${withTags.length} of 5 documents`);
    await page.selectOption('#doc-rule', '');
    await page.fill('#filter-docs', '003');
    expect(await names()).toEqual([docOf(docs, '003').name]);
    await page.fill('#filter-docs', '');
    const shots = mkdtempSync(join(tmpdir(), 'unboil-report-shot-'));
    await page.screenshot({ path: join(shots, 'report-table.png') });
    console.log(`report screenshot: ${join(shots, 'report-table.png')}`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.skipIf(!hasChromium)('one document: removals highlighted by rule, hide removed text, filter by rule, search, links', async () => {
    await runCli(['report', 'out', '--html', 'report.html'], dir);
    const url = `file://${join(dir, 'report.html')}`;
    const { page, errors, requests } = await openPage(url);
    const d = docOf(docs, '004');
    const removedBlocks = d.sidecar.blocks.filter((b) => !b.kept);
    await page.locator('#docs tbody tr', { hasText: d.name }).click();
    await expect.poll(() => page.locator('#view').isVisible()).toBe(true);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#doc=${d.name}`);
    expect(await page.locator('#list').isVisible()).toBe(false);

    const blocks = page.locator('#source .block');
    expect(await blocks.count()).toBe(d.sidecar.blocks.length);
    const removed = page.locator('#source .block.removed');
    expect(await removed.count()).toBe(removedBlocks.length);
    expect(await page.locator('#source .block.removed', { hasText: /^Tags :/ }).locator('.rule').textContent()).toBe('[boilerplate/tags]');
    expect(await page.locator('#clean').textContent()).toBe(d.text);
    // Each rule has its own colour, the same in the legend and on the blocks.
    const legend = page.locator('#legend button:visible');
    expect((await legend.allTextContents()).sort()).toEqual(Object.keys(d.sidecar.stats.removedBy).sort());
    const colours = await legend.evaluateAll((bs) => bs.map((b) => getComputedStyle(b).backgroundColor));
    expect(new Set(colours).size).toBe(colours.length);
    const tagsColour = await page.locator('#legend button[data-rule="boilerplate/tags"]').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await page.locator('#source .block.removed', { hasText: /^Tags :/ }).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(tagsColour);

    await page.check('#hide-removed');
    expect(await page.locator('#source .block:visible').allTextContents()).toEqual(d.sidecar.blocks.filter((b) => b.kept).map(text));
    await page.uncheck('#hide-removed');
    expect(await page.locator('#source .block:visible').count()).toBe(d.sidecar.blocks.length);

    const onlyTags = d.sidecar.blocks.filter((b) => !b.kept && b.rule === 'tags').map((b) => `${b.text}[boilerplate/tags]`);
    await page.selectOption('#rule-filter', 'boilerplate/tags');
    expect(await page.locator('#source .block:visible').allTextContents()).toEqual(onlyTags);
    await page.selectOption('#rule-filter', '');
    await page.click('#legend button[data-rule="boilerplate/tags"]'); // the legend filters too
    expect(await page.locator('#source .block:visible').allTextContents()).toEqual(onlyTags);
    expect(await page.getAttribute('#legend button[data-rule="boilerplate/tags"]', 'aria-pressed')).toBe('true');
    await page.click('#legend button[data-rule="boilerplate/tags"]');
    expect(await page.locator('#source .block:visible').count()).toBe(d.sidecar.blocks.length);

    await page.fill('#search', 'strategic');
    const hits = d.sidecar.blocks.filter((b) => b.text.toLowerCase().includes('strategic'));
    expect(hits.length).toBeGreaterThan(0);
    expect(await page.locator('#source .block:visible').count()).toBe(hits.length);
    expect((await page.locator('#source mark').allTextContents()).every((m) => m.toLowerCase() === 'strategic')).toBe(true);
    await page.fill('#search', '');

    const shots = mkdtempSync(join(tmpdir(), 'unboil-report-shot-'));
    await page.screenshot({ path: join(shots, 'report-document.png') });
    console.log(`report screenshot: ${join(shots, 'report-document.png')}`);

    // The browser's back button returns to the table; a #doc= link opens a document directly.
    await page.goBack();
    await expect.poll(() => page.locator('#list').isVisible()).toBe(true);
    expect(await page.locator('#view').isVisible()).toBe(false);
    const d3 = docOf(docs, '003');
    await page.goto(`${url}#doc=${encodeURIComponent(d3.name)}`);
    await expect.poll(() => page.locator('#doc-title').textContent()).toBe(`${d3.name} — ${d3.sidecar.meta.title}`);
    expect(await page.locator('#source .block.removed', { hasText: /^EN\|FR\|RU/ }).locator('.rule').textContent()).toBe('[boilerplate/language-switcher]');
    await page.click('#back');
    expect(await page.locator('#list').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.skipIf(!hasChromium)('keeps the table inside the window with a very long name, names the pipeline, gives every rule its own colour', async () => {
    const long = `${'a-very-long-scraped-file-name-from-a-crawler-'.repeat(6)}end`;
    const many = docs.map((d, k) => ({ name: k === 0 ? `crawl/${long}` : d.name, location: `seeds/${d.sidecar.source.path}`, text: d.text, sidecar: d.sidecar }));
    const file = join(dir, 'long.html');
    writeFileSync(file, buildReport(many, 'long names'));
    const { page, errors } = await openPage(`file://${file}`);
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect.poll(() => page.locator('#docs tbody tr').count()).toBe(docs.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    const nameCell = page.locator('#docs tbody tr').first().locator('td').first();
    expect((await nameCell.boundingBox())!.width).toBeLessThan(400);
    expect(await nameCell.textContent()).toBe(`crawl/${long}`);
    expect(await nameCell.getAttribute('title')).toBe(`seeds/${docs[0]!.sidecar.source.path}`);
    const { name, hash, tool } = docs[0]!.sidecar.pipeline;
    expect(await page.textContent('#made')).toBe(`pipeline ${name} (${hash.slice(0, 12)}) · ${tool}`);
    // Every rule of the folder, not only those of one document, has a colour of its own.
    const colours = await page.$$eval('#legend button', (bs) => bs.map((b) => getComputedStyle(b).backgroundColor));
    expect(colours.length).toBeGreaterThan(10);
    expect(new Set(colours).size).toBe(colours.length);
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasChromium)('shows scraped markup as text, never as HTML', async () => {
    const work = mkdtempSync(join(tmpdir(), 'unboil-report-xss-'));
    mkdirSync(join(work, 'in'));
    const evil = '</script><img src=x onerror="window.pwned=1"><b>bold</b>';
    writeFileSync(join(work, 'in', 'evil.txt'), `${evil}\n\nA paragraph of ordinary prose that talks about the weather and the markets for a while, long enough to be kept.\n`);
    expect((await runCli(['run', 'in', '--out', 'out'], work)).code).toBe(0);
    expect((await runCli(['report', 'out', '--html', 'r.html'], work)).code).toBe(0);
    const { page, errors } = await openPage(`file://${join(work, 'r.html')}#doc=evil`);
    await expect.poll(() => page.locator('#view').isVisible()).toBe(true);
    expect(await page.locator('#source .block').first().textContent()).toContain(evil);
    expect(await page.locator('#source img, #source b, #docs img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasChromium)('stays usable with thousands of documents: only the opened document is parsed', async () => {
    const base = docs.map((d) => ({ name: d.name, text: d.text, sidecar: d.sidecar }));
    const many = Array.from({ length: 2000 }, (_, k) => ({ ...base[k % base.length]!, name: `bulk/${String(k).padStart(5, '0')}` }));
    const file = join(dir, 'many.html');
    writeFileSync(file, buildReport(many, 'many'));
    const page = await browser!.newPage();
    // Count JSON.parse calls: one for the index at load, one per opened document.
    await page.addInitScript(() => {
      const parse = JSON.parse;
      (window as unknown as { parses: number }).parses = 0;
      JSON.parse = (...args: Parameters<typeof parse>) => ((window as unknown as { parses: number }).parses++, parse(...args));
    });
    const started = Date.now();
    await page.goto(`file://${file}`);
    await expect.poll(() => page.locator('#docs tbody tr').count()).toBe(2000);
    console.log(`report with 2000 documents (${(readFileSync(file).length / 1e6).toFixed(1)} MB) loaded in ${Date.now() - started} ms`);
    expect(await page.evaluate(() => (window as unknown as { parses: number }).parses)).toBe(1);
    await page.locator('#docs tbody tr', { hasText: 'bulk/01999' }).click();
    await expect.poll(() => page.locator('#doc-title').textContent()).toMatch(/^bulk\/01999/);
    expect(await page.locator('#source .block').count()).toBe(many[1999]!.sidecar.blocks.length);
    expect(await page.evaluate(() => (window as unknown as { parses: number }).parses)).toBe(2);
  }, 60_000);

  describe('suspicious documents', () => {
    // Inline HTML pages: one that loses most of its text to a menu, a sidebar and a footer, one whose kept prose is
    // a third links, one ordinary article; and a French dump that --lang en skips (not suspicious: it was meant to go).
    const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>\n`;
    const link = (t: string) => `<a href="/${t.replace(/ /g, '-')}">${t}</a>`;
    const nav = `<nav><ul>${Array.from({ length: 60 }, (_, k) => `<li><a href="/s${k}">Section number ${k} of the site with its long descriptive menu label here</a></li>`).join('')}</ul></nav>`;
    const aside = `<aside>${Array.from({ length: 40 }, (_, k) => `<div>Weather and markets widget line ${k} with prices, forecasts and other sidebar information for readers</div>`).join('')}</aside>`;
    const footer = `<footer>${Array.from({ length: 30 }, (_, k) => `<div>Footer line ${k}: Example Daily, 1 Main Street, Springfield, all rights reserved and imprint</div>`).join('')}</footer>`;
    const FERRY = 'The harbour board met on Monday to discuss the new ferry timetable, and members agreed that evening crossings should run later in summer.';
    const LINKED = [
      `The ${link('harbour board')} met on Monday to discuss the new ${link('ferry timetable')}, and members agreed that ${link('evening crossings')} should run later in summer.`,
      `${link('Fishermen')} complained that the ${link('larger boats')} would crowd the inner basin, where the ${link('old stone quay')} is already in poor repair after the winter storms.`,
      `A ${link('survey of visitors')} found that most of them arrive by ${link('train')} and would gladly take a ${link('ferry across the bay')} if the fares stayed low.`,
      `The chair promised a ${link('public report')} before the autumn, with figures on ${link('costs')}, ${link('staff')} and the ${link('noise')} that residents near the terminal fear.`,
    ];
    const LIBRARY = [
      'The school library reopened on Thursday after a summer of repairs to its roof, which had leaked onto the shelves of local history books.',
      'Volunteers spent three weekends drying and sorting the damaged volumes, and most of them could be saved with a little patience and care.',
      'The librarian said that pupils had missed the reading room more than anyone expected, and that the queue on the first morning reached the gate.',
    ];
    const FRENCH = 'Le conseil municipal a décidé mardi que le vieux pont de pierre sera réparé plutôt que remplacé, après un long débat au cours duquel les habitants se sont exprimés pour et contre le projet.\n\nLes ingénieurs avaient averti que les arches s\'affaiblissaient, mais une étude publiée au printemps a montré que les dégâts pourraient être réparés en deux ans.\n';
    let work: string;
    let flagged: Record<string, string[]>;
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'unboil-report-suspicious-'));
      mkdirSync(join(work, 'in'));
      writeFileSync(join(work, 'in', 'lost.html'), page('Ferry', `${nav}${aside}<article><h1>Ferry timetable changes</h1><p>${FERRY}</p></article>${footer}`));
      writeFileSync(join(work, 'in', 'links.html'), page('Harbour', `<article><h1>Harbour board roundup</h1>${LINKED.map((p) => `<p>${p}</p>`).join('')}</article>`));
      writeFileSync(join(work, 'in', 'normal.html'), page('Library', `<article><h1>The library reopens</h1>${LIBRARY.map((p) => `<p>${p}</p>`).join('')}</article>`));
      writeFileSync(join(work, 'in', 'pont.txt'), FRENCH);
      expect((await runCli(['run', 'in', '--out', 'out', '--lang', 'en', '--quiet'], work)).code).toBe(0);
      // Read as the report reads them: the skipped document has a sidecar and no .txt.
      flagged = Object.fromEntries([...outputDocuments(indexOutputDir(join(work, 'out')))].map((d) => [d.name, suspicionsOf(d.sidecar)]));
    }, 60_000);

    it('flags the document that lost over 90 % of its text and the link-heavy one, not the ordinary one nor a skipped one', () => {
      expect(flagged).toEqual({ links: ['29 % of the kept text in links'], lost: ['lost 98 % of its text'], normal: [], pont: [] });
      // The share of links comes from the kept blocks' `links` in the sidecar: each linked paragraph records its own.
      const links = [...outputDocuments(indexOutputDir(join(work, 'out')))].find((d) => d.name === 'links')!;
      // (the share of non-space characters inside <a>, to 2 decimals).
      const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s/g, '').length;
      const shares = LINKED.map((p) => Math.round(((p.match(/<a [^>]+>[^<]*<\/a>/g) ?? []).reduce((n, a) => n + visible(a), 0) / visible(p)) * 100) / 100);
      expect(links.sidecar.blocks.filter((b) => b.kept).map((b) => (b.kept ? b.links : null))).toEqual([undefined, ...shares]);
      expect(readFileSync(join(work, 'out', 'lost.txt'), 'utf8')).toContain(`Ferry timetable changes\n\n${FERRY}\n`);
    });

    it.skipIf(!hasChromium)('the report counts them in its header, lists them first with their reasons, and filters them', async () => {
      expect((await runCli(['report', 'out', '--html', 'r.html'], work)).code).toBe(0);
      const { page: tab, errors } = await openPage(`file://${join(work, 'r.html')}`);
      await expect.poll(() => tab.locator('#docs tbody tr').count()).toBe(4);
      expect(await tab.textContent('#summary')).toMatch(/^4 documents, \d+ blocks removed, 2 suspicious, 1 skipped$/);
      const rows = async () => tab.$$eval('#docs tbody tr', (trs) => trs.map((tr) => [tr.querySelector('td')!.textContent, tr.querySelectorAll('td')[1]!.textContent, tr.className]));
      expect(await rows()).toEqual([
        ['links', '29 % of the kept text in links', 'doc suspicious'],
        ['lost', 'lost 98 % of its text', 'doc suspicious'],
        ['normal', '', 'doc'],
        ['pont', 'skipped: language "fr" not in --lang en', 'doc'],
      ]);
      await tab.check('#suspicious-only');
      expect((await rows()).map((r) => r[0])).toEqual(['links', 'lost']);
      expect(await tab.textContent('#shown')).toBe('2 of 4 documents');
      await tab.uncheck('#suspicious-only');
      await tab.click('th[data-key="name"]');
      expect((await rows()).map((r) => r[0])).toEqual(['links', 'lost', 'normal', 'pont']);
      await tab.click('th[data-key="flags"]');
      expect((await rows()).slice(0, 2).map((r) => r[1]).every((flag) => flag !== '')).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
