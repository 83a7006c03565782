import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarSchema } from '../src/model/sidecar.js';
import { runCli } from './helpers/cli.js';
import { ARTICLE, page } from './html/helpers.js';

// A footer paragraph long enough to be cut in a compact sidecar (over 80 characters).
const FOOTER = 'Example Gazette is published by the Example Media Group, registered in the river town since 1898, all rights reserved.';
const PAGE = page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav>${ARTICLE}<footer><p>${FOOTER}</p></footer>`);

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-compact-'));
  mkdirSync(join(dir, 'scrapes'));
  writeFileSync(join(dir, 'scrapes/bridge.html'), PAGE);
  return dir;
}

describe('--sidecar compact', () => {
  it('writes kept blocks without text or DOM path and removed blocks with a short text and a hash; the schema accepts it', async () => {
    const dir = workspace();
    expect((await runCli(['run', 'scrapes', '--out', 'full', '--quiet'], dir)).code).toBe(0);
    expect((await runCli(['run', 'scrapes', '--out', 'compact', '--sidecar', 'compact', '--quiet'], dir)).code).toBe(0);
    const full = JSON.parse(readFileSync(join(dir, 'full/bridge.json'), 'utf8'));
    const compact = JSON.parse(readFileSync(join(dir, 'compact/bridge.json'), 'utf8'));
    expect(sidecarSchema.safeParse(compact).success).toBe(true);
    expect(compact.layout).toBe('compact');
    expect(full.layout).toBeUndefined();
    expect(readFileSync(join(dir, 'compact/bridge.txt'), 'utf8')).toBe(readFileSync(join(dir, 'full/bridge.txt'), 'utf8'));
    expect(compact.stats).toEqual(full.stats);
    const kept = compact.blocks.find((b: { kept: boolean }) => b.kept);
    expect(kept).not.toHaveProperty('text');
    expect(kept).not.toHaveProperty('path');
    expect(kept.tag).toBe('h1');
    const footer = compact.blocks.find((b: { text?: string }) => b.text?.startsWith('Example Gazette is published'));
    expect(footer.text).toBe(`${FOOTER.slice(0, 79)}…`);
    expect(footer.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(footer).toMatchObject({ kept: false, stage: 'html-boilerplate', rule: 'footer' });
    const short = compact.blocks.find((b: { text?: string }) => b.text === 'Home News');
    expect(short).not.toHaveProperty('hash');
    // Every block keeps its fate, rule, reason, span and line.
    const fate = (b: Record<string, unknown>) => [b.i, b.span, b.line, b.kept, b.stage, b.rule, b.reason, b.out];
    expect(compact.blocks.map(fate)).toEqual(full.blocks.map(fate));
    expect(JSON.parse(readFileSync(join(dir, 'compact/_run.json'), 'utf8')).sidecar).toBe('compact');
    expect(readFileSync(join(dir, 'compact/bridge.json')).length).toBeLessThan(readFileSync(join(dir, 'full/bridge.json')).length * 0.75);
  }, 60_000);

  it('check, diff and report work on compact outputs: check reuses the layout _run.json records', async () => {
    const dir = workspace();
    expect((await runCli(['run', 'scrapes', '--out', 'clean', '--sidecar', 'compact', '--quiet'], dir)).code).toBe(0);
    expect(await runCli(['check', 'scrapes', '--expected', 'clean', '--no-color'], dir)).toEqual({ code: 0, stdout: 'unboil check: 1 documents match clean\n', stderr: '' });
    // diff of the output folder shows kept text (from the .txt) and the removed footer, cut.
    const diff = await runCli(['diff', 'clean', '--no-color'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('The river town keeps its old bridge');
    expect(diff.stdout).toContain(`-    7  ${FOOTER.slice(0, 79)}…  [html-boilerplate/footer] inside <footer>: footer\n`);
    // A change past the cut of a removed block still shows (the hash changed).
    writeFileSync(join(dir, 'scrapes/bridge.html'), PAGE.replace('all rights reserved', 'some rights reserved'));
    const changed = await runCli(['check', 'scrapes', '--expected', 'clean', '--no-color'], dir);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('~ scrapes/bridge.html (bridge)');
    // A kept block edited: the new block is named with its fate.
    writeFileSync(join(dir, 'scrapes/bridge.html'), PAGE.replace('when the water is low', 'when the river is low'));
    const edited = await runCli(['check', 'scrapes', '--expected', 'clean', '--no-color'], dir);
    expect(edited.stdout).toMatch(/\+ new block .*when the river is low/);
    const report = await runCli(['report', 'clean', '--html', 'report.html'], dir);
    expect(report.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Engineers had warned that the arches were weakening');
  }, 120_000);
});
