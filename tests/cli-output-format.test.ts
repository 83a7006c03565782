import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const TOWNS = ['Ashford', 'Brambleton', 'Cresswell', 'Dunmore'];

/** A page of one site: an article with a table, a list, code and a link, and a sentence every page of the site repeats (what is the same on every page is site template). */
const page = (town: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${town} bridge | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette"><link rel="canonical" href="https://gazette.example/${town.toLowerCase()}"></head><body>
<article><h1>${town} keeps its old bridge</h1>
<p>The council of ${town} decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.</p>
<p>Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.</p>
<table><thead><tr><th>Option in ${town}</th><th>Cost</th></tr></thead><tbody><tr><td>Repair in ${town}</td><td>2 million</td></tr><tr><td>New bridge for ${town}</td><td>5 million</td></tr></tbody></table>
<p>The plan for ${town} has three phases, which the <a href="/reports/${town.toLowerCase()}.pdf">full report</a> describes in detail for residents who want to follow the work:</p>
<ol><li>Survey the arches of the ${town} bridge</li><li>Repair the stonework of ${town}</li></ol>
<pre><code>phase 1: survey ${town}
phase 2: repair</code></pre>
<p>Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.</p>
<p>The Valley Gazette has reported on the towns of the river valley since 1921, from offices in three of them, and its archive is open to readers every weekday.</p>
</article></body></html>`;

function site() {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-output-format-'));
  mkdirSync(join(dir, 'in'));
  for (const town of TOWNS) writeFileSync(join(dir, `in/${town.toLowerCase()}.html`), page(town));
  return dir;
}

describe('--output-format', () => {
  it('markdown: <name>.md next to the text and sidecar, with the table, list, code and links, after the corpus stages', async () => {
    const dir = site();
    expect((await runCli(['run', 'in', '--out', 'out', '--quiet', '--output-format', 'markdown'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('ashford'))).toEqual(['ashford.json', 'ashford.md', 'ashford.txt']);
    const md = readFileSync(join(dir, 'out/ashford.md'), 'utf8');
    const text = readFileSync(join(dir, 'out/ashford.txt'), 'utf8');
    // The sentence every page repeats is site template (a corpus decision, applied in the second pass): gone from both.
    expect(text).not.toContain('since 1921');
    expect(md).not.toContain('since 1921');
    expect(md).toContain('# Ashford keeps its old bridge\n\nThe council of Ashford decided on Tuesday');
    expect(md).toContain('| Option in Ashford | Cost |\n| --- | --- |\n| Repair in Ashford | 2 million |\n| New bridge for Ashford | 5 million |');
    expect(md).toContain('which the [full report](https://gazette.example/reports/ashford.pdf) describes');
    expect(md).toContain('1. Survey the arches of the Ashford bridge\n1. Repair the stonework of Ashford');
    expect(md).toContain('```\nphase 1: survey Ashford\nphase 2: repair\n```');
  }, 120_000);

  it('json and jsonl: a document file per input, or one documents.jsonl; another format removes them', async () => {
    const dir = site();
    expect((await runCli(['run', 'in', '--out', 'out', '--quiet', '--output-format', 'json'], dir)).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'out/brambleton.doc.json'), 'utf8'));
    expect(doc).toMatchObject({ path: 'brambleton.html', url: 'https://gazette.example/brambleton', format: 'html', meta: { title: 'Brambleton keeps its old bridge', lang: 'en' } });
    expect(doc.text).toBe(readFileSync(join(dir, 'out/brambleton.txt'), 'utf8'));

    expect((await runCli(['run', 'in', '--out', 'out', '--quiet', '--output-format', 'jsonl'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'out/brambleton.doc.json'))).toBe(false);
    const lines = readFileSync(join(dir, 'out/documents.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const docs = lines.map((line) => JSON.parse(line));
    expect(docs.map((d) => d.path)).toEqual(TOWNS.map((t) => `${t.toLowerCase()}.html`));
    for (const d of docs) expect(d.text).toBe(readFileSync(join(dir, 'out', d.path.replace('.html', '.txt')), 'utf8'));

    expect((await runCli(['run', 'in', '--out', 'out', '--quiet'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => !/\.(txt|json)$/.test(f))).toEqual(['.unboil']);
  }, 120_000);
});
