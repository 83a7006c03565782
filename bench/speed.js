#!/usr/bin/env node
// npm run bench:speed [-- [--pages N] [--threads 1,2] [folder]]
//
// Whole runs over one folder of HTML pages, side by side in one benchmark
// run, one process each, as a user would run them: `unboil run` (worker
// threads: 1 and all cores), @mozilla/readability on linkedom, and a
// parse-only baseline (cheerio load + text). Each contender reads every
// file (gunzipping .gz), extracts and writes one text file per page, so
// that reading and writing are timed for all. Wall time and peak RSS by
// GNU time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { gunzipSync } from 'node:zlib';

const { values, positionals } = scriptArgs(import.meta.url, {
  allowPositionals: true,
  options: {
    pages: { type: 'string' },
    threads: { type: 'string', default: `1,${availableParallelism()}` },
    // Internal: run one baseline contender over a folder (what the benchmark spawns).
    child: { type: 'string' },
    out: { type: 'string' },
  },
});
const here = import.meta.dirname;

if (values.child) {
  // One baseline contender as its own process: read, extract, write, page by page.
  const [folder] = positionals;
  const extract = await contender(values.child);
  let failures = 0;
  for (const name of readdirSync(folder).filter((f) => /\.html?(?:\.gz)?$/.test(f)).sort()) {
    const raw = readFileSync(join(folder, name));
    const html = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    try {
      writeFileSync(join(values.out, `${name}.txt`), extract(html));
    } catch {
      failures++;
    }
  }
  console.log(JSON.stringify({ failures }));
  process.exit(0);
}

async function contender(name) {
  if (name === 'readability') {
    const { Readability } = await import('@mozilla/readability');
    const { parseHTML } = await import('linkedom');
    return (html) => new Readability(parseHTML(html).document).parse()?.textContent ?? '';
  }
  const cheerio = await import('cheerio');
  return (html) => cheerio.load(html)('body').text();
}

const source = resolve(positionals[0] ?? join(here, '../../shared/corpus/trafilatura-eval/html'));
if (!existsSync(source)) {
  console.error(`bench:speed: corpus not found: ${source}; give an HTML folder as argument.`);
  process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench:speed: needs GNU time (/usr/bin/time, Debian package "time")');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'unboil-speed-'));
// A subset is copied to its own folder so that every contender sees exactly the same files.
let folder = source;
const names = readdirSync(source).filter((f) => /\.html?(?:\.gz)?$/.test(f)).sort();
if (values.pages) {
  folder = join(work, 'in');
  mkdirSync(folder);
  for (const name of names.slice(0, Number(values.pages))) writeFileSync(join(folder, name), readFileSync(join(source, name)));
}
const files = readdirSync(folder).filter((f) => /\.html?(?:\.gz)?$/.test(f));
const megabytes = files.reduce((n, f) => {
  const raw = readFileSync(join(folder, f));
  return n + (f.endsWith('.gz') ? gunzipSync(raw).length : statSync(join(folder, f)).size);
}, 0) / 1e6;

function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds, rssMb: kb / 1024 };
}

const runs = [
  ['parse only (cheerio load + text)', (out) => timed([join(here, 'speed.js'), '--child', 'cheerio', '--out', out, folder])],
  ['readability + linkedom', (out) => timed([join(here, 'speed.js'), '--child', 'readability', '--out', out, folder])],
  ...values.threads.split(',').map((t) => [`unboil run, ${t} thread${t === '1' ? '' : 's'}`, (out) => timed([join(here, '../bin/unboil.js'), 'run', folder, '--out', out, '--concurrency', t, '--quiet'])]),
];

console.log(`${files.length} pages, ${megabytes.toFixed(1)} MB of HTML, node ${process.version}, ${availableParallelism()} cores\n`);
const width = Math.max(...runs.map(([name]) => name.length));
console.log(`${'contender'.padEnd(width)}  docs/s   MB/s   seconds  peak RSS MB`);
try {
  for (const [name, run] of runs) {
    const out = join(work, `out-${runs.findIndex(([n]) => n === name)}`);
    mkdirSync(out, { recursive: true });
    const r = run(out);
    console.log(`${name.padEnd(width)}  ${(files.length / r.seconds).toFixed(1).padStart(6)}  ${(megabytes / r.seconds).toFixed(2).padStart(5)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.rssMb.toFixed(0).padStart(11)}`);
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
