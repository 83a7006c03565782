import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/seeds.js';
import { ARTICLE, page } from './html/helpers.js';

const BIN = join(ROOT, 'bin/unboil.js');
const unboil = (args: string[], input: string | undefined, cwd: string) => spawnSync('node', [BIN, ...args], { cwd, input, encoding: 'utf8' });

describe('unboil run --stdout', () => {
  it('cleans standard input and prints its text: cat x.html | unboil run - --format html --stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-stdout-'));
    const html = page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav>${ARTICLE}`);
    const result = unboil(['run', '-', '--format', 'html', '--stdout'], html, dir);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout.startsWith('The river town keeps its old bridge\n\nThe council decided on Tuesday')).toBe(true);
    expect(result.stdout).not.toMatch(/Home|<p>/);
    // --name gives the document a name, whose extension is a format hint.
    const named = unboil(['run', '-', '--name', 'page.html', '--stdout', '--output-format', 'json'], html, dir);
    expect(JSON.parse(named.stdout)).toMatchObject({ path: 'page.html', format: 'html', meta: { title: 'The river town keeps its old bridge' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints one file in the output format, and refuses - without --stdout or several inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-stdout-file-'));
    writeFileSync(join(dir, 'a.html'), page(`<article><h2>Steps</h2><ol><li>Survey the arches</li><li>Repair them</li></ol>${ARTICLE.replace('<article class="post">', '').replace('</article>', '')}</article>`));
    const md = await runCli(['run', 'a.html', '--stdout', '--output-format', 'markdown'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('\n1. Survey the arches\n1. Repair them\n');
    expect(readdirSync(dir)).toEqual(['a.html']);
    expect(await runCli(['run', '-'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unboil: - reads one document from standard input: add --stdout/) });
    expect(await runCli(['run', 'a.html', 'b.html', '--stdout'], dir)).toMatchObject({ code: 2, stderr: 'unboil: --stdout prints one document: give a single input (got 2)\n' });
  });
});
