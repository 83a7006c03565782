#!/usr/bin/env node
// npm run bench:speed [-- [--pages N] [--rounds R] [folder]]
//
// Throughput of unboil's default pipeline on the HTML evaluation corpus,
// side by side in one process and one run with @mozilla/readability on
// linkedom and with a parse-only baseline (cheerio load + text). Pages are
// gunzipped into memory first, so only the work on the HTML is timed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { parseHTML } from 'linkedom';
import { clean, loadPipeline } from '../dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pages: { type: 'string' }, rounds: { type: 'string', default: '1' } } });
const folder = resolve(positionals[0] ?? join(import.meta.dirname, '../../shared/corpus/trafilatura-eval/html'));
if (!existsSync(folder)) {
  console.error(`bench:speed: corpus not found: ${folder}; give an HTML folder as argument.`);
  process.exit(2);
}
const names = readdirSync(folder).filter((f) => /\.html?(?:\.gz)?$/.test(f)).sort().slice(0, values.pages ? Number(values.pages) : undefined);
const pages = names.map((name) => {
  const raw = readFileSync(join(folder, name));
  return { name, bytes: name.endsWith('.gz') ? gunzipSync(raw) : raw };
});
const megabytes = pages.reduce((n, p) => n + p.bytes.length, 0) / 1e6;
const pipeline = loadPipeline('default');

const contenders = {
  'parse only (cheerio load + text)': (p) => cheerio.load(p.bytes.toString('utf8'))('body').text(),
  'readability + linkedom': (p) => {
    const { document } = parseHTML(p.bytes.toString('utf8'));
    return new Readability(document).parse()?.textContent ?? '';
  },
  'unboil (default pipeline)': (p) => clean(p.bytes, { pipeline, path: p.name, format: 'html' }).text,
};

console.log(`${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML, ${values.rounds} round(s), node ${process.version}\n`);
const rows = [];
for (const [name, run] of Object.entries(contenders)) {
  run(pages[0]); // warm up
  let failures = 0;
  const started = performance.now();
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const page of pages) {
      try {
        run(page);
      } catch {
        failures++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000 / Number(values.rounds);
  rows.push({ name, docs: pages.length / seconds, mbs: megabytes / seconds, seconds, failures });
}
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'contender'.padEnd(width)}  docs/s   MB/s   seconds  failures`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${r.docs.toFixed(1).padStart(6)}  ${r.mbs.toFixed(2).padStart(5)}  ${r.seconds.toFixed(1).padStart(8)}  ${String(r.failures).padStart(8)}`);
}
