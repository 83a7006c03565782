#!/usr/bin/env node
// npm run bench:speed [-- [--limit N] [--only unboil|readability|parse] [folder]]
//
// Documents per second and MB/s on the HTML pages of the trafilatura
// evaluation corpus, single process, side by side:
//   parse-only   cheerio.load + text of <body> (the floor: parsing alone)
//   readability  @mozilla/readability on linkedom (devDependencies, benchmark only)
//   unboil       clean() with the default pipeline's per-document stages
// Pages are decompressed into memory first, so no run pays for I/O or gunzip.
// A benchmark, not a test: it never fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { parseHTML } from 'linkedom';
import { clean, loadPipeline } from '../dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, only: { type: 'string' }, rounds: { type: 'string', default: '1' } },
});
const folder = resolve(positionals[0] ?? join(import.meta.dirname, '../../shared/corpus/trafilatura-eval/html'));
let names = readdirSync(folder).filter((n) => /\.(?:x?html?)(?:\.gz)?$/i.test(n)).sort();
if (values.limit) names = names.slice(0, Number(values.limit));
const pages = names.map((n) => {
  const raw = readFileSync(join(folder, n));
  const bytes = n.endsWith('.gz') ? gunzipSync(raw) : raw;
  // Readability and cheerio take strings: decode once, outside the timing (unboil decodes bytes itself).
  return { name: n, bytes: new Uint8Array(bytes), text: bytes.toString('utf8') };
});
const megabytes = pages.reduce((n, p) => n + p.bytes.byteLength, 0) / 1e6;
const pipeline = loadPipeline('default');

const contenders = {
  'parse-only (cheerio)': (p) => cheerio.load(p.text)('body').text().length,
  'readability + linkedom': (p) => {
    const { document } = parseHTML(p.text);
    return new Readability(document).parse()?.textContent?.length ?? 0;
  },
  'unboil (default pipeline)': (p) => clean(p.bytes, { pipeline, format: 'html', path: p.name }).text.length,
};
const selected = Object.entries(contenders).filter(([name]) => !values.only || name.startsWith(values.only));

console.log(`bench:speed on ${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML, single process (node ${process.version})`);
for (const [name, run] of selected) {
  for (const p of pages.slice(0, 20)) run(p); // warm-up: JIT and lazy module state
  let failed = 0;
  const started = performance.now();
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const p of pages) {
      try {
        run(p);
      } catch {
        failed++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000 / Number(values.rounds);
  console.log(
    `  ${name.padEnd(28)} ${(pages.length / seconds).toFixed(1).padStart(7)} docs/s ${(megabytes / seconds).toFixed(2).padStart(7)} MB/s  ${seconds.toFixed(1)}s${failed ? `  (${failed} failed)` : ''}`,
  );
}
