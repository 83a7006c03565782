// The HTML report in a real browser: Debian's chromium driven by
// playwright-core (.ci/run installs the chromium package; nothing is
// downloaded at npm install time).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { seededWorkspace } from './review-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe('unboil report', () => {
  let dir: string;
  let browser: Browser;
  beforeAll(async () => {
    dir = await seededWorkspace();
    if (hasChromium) {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }
  }, 60_000);
  afterAll(async () => browser?.close());

  it('writes one self-contained file: no external scripts, styles or fetches', async () => {
    const { code, stdout } = await runCli(['report', 'out', '--html', 'report.html'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('unboil report: 5 documents → report.html\n');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/fetch\(|https?:\/\//);
    expect(html.match(/<script type="application\/json" id="doc-\d+">/g)).toHaveLength(5);
  });

  it.skipIf(!hasChromium)('shows the documents, opens one, hides removed text and filters by rule', async () => {
    await runCli(['report', 'out', '--html', 'report.html'], dir);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${join(dir, 'report.html')}`);

    const rows = page.locator('#docs tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.nth(3).locator('td').nth(1).textContent()).toBe('Russia-Iran Comprehensive Strategic Partnership Treaty');
    expect(await rows.nth(3).locator('td').nth(5).textContent()).toBe('12');

    // Sorting by "Removed" puts seed 004 (58 removed blocks) last, then first.
    await page.click('th[data-key="removed"]');
    expect(await rows.last().locator('td').first().textContent()).toMatch(/^004_/);
    await page.click('th[data-key="removed"]');
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^004_/);

    await rows.first().click();
    await expect.poll(() => page.locator('#view').isVisible()).toBe(true);
    const removed = page.locator('#source .block.removed');
    expect(await removed.count()).toBe(58);
    expect(await page.locator('#source .block.removed', { hasText: 'Tags :' }).locator('.rule').textContent()).toBe('[boilerplate/tags]');
    expect(await page.locator('#clean').textContent()).toMatch(/^Iran-Russia Strategic Pact: What Does it Mean for the Two Actors\?\n\nAlwaght- While/);

    await page.check('#hide-removed');
    expect(await removed.first().isVisible()).toBe(false);
    expect(await page.locator('#source .block:not(.removed)').first().isVisible()).toBe(true);
    await page.uncheck('#hide-removed');

    await page.selectOption('#rule-filter', 'boilerplate/gallery');
    const visible = await page.locator('#source .block:visible').allTextContents();
    expect(visible.map((t) => t.replace(/\[boilerplate\/gallery\]$/, ''))).toEqual([
      'Gallery', 'Photo', 'Film', 'Palestinian prisoner exchange operation under strict security measures', 'Palestinian prisoner exchange operation under strict security measures',
    ]);
    await page.selectOption('#rule-filter', '');
    await page.fill('#search', 'Habibullah');
    expect(await page.locator('#source .block:visible').count()).toBe(1);
    expect(await page.locator('#source mark').textContent()).toBe('Habibullah');

    const shots = mkdtempSync(join(tmpdir(), 'unboil-report-shot-'));
    await page.fill('#search', '');
    await page.screenshot({ path: join(shots, 'report.png'), fullPage: false });
    expect(existsSync(join(shots, 'report.png'))).toBe(true);
    console.log(`report screenshot: ${join(shots, 'report.png')}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
