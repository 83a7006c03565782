#!/usr/bin/env node
// npm run bench:quality [-- [--format html|text] [--pipeline p] [--lang] [--worst N] [--json F] [--errors F] [folder]]
// --errors writes every missed and leaked snippet, one per line, sorted: diff two runs to see what a change did.
//
// Cleans the trafilatura evaluation corpus (DESIGN.md §6) with unboil and
// prints precision, recall and F1, then the pages with the most errors so the
// next person knows where to look. A benchmark, not a test: it never fails.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../dist/index.js';
import { scoreDocument, totals } from './score.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/trafilatura-eval');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'html' },
    pipeline: { type: 'string', default: 'default' },
    worst: { type: 'string', default: '20' },
    lang: { type: 'boolean', default: false },
    json: { type: 'string' },
    errors: { type: 'string' },
  },
});
const format = values.format;
if (format !== 'html' && format !== 'text') {
  console.error(`bench:quality: --format must be html or text, not "${format}"`);
  process.exit(2);
}
const folder = resolve(positionals[0] ?? join(CORPUS, format));
const evaldata = join(existsSync(join(folder, 'evaldata.json')) ? folder : dirname(folder), 'evaldata.json');
if (!existsSync(folder) || !existsSync(evaldata)) {
  console.error(`bench:quality: corpus not found: ${folder} (with evaldata.json beside it).\n` +
    `Expected ../shared/corpus/trafilatura-eval/{html,text} next to this project, or give a folder as argument.`);
  process.exit(2);
}

const entries = JSON.parse(readFileSync(evaldata, 'utf8'));
const byFile = new Map(Object.entries(entries).map(([url, e]) => [e.file, { url, ...e }]));
const started = performance.now();
const { results, summary } = await runPipeline({ inputs: [folder], pipeline: values.pipeline, format, concurrency: 4 });
const seconds = (performance.now() - started) / 1000;
const texts = new Map(results.map((r) => [basename(r.path).replace(/\.(?:html?|txt)(?:\.gz)?$/, ''), r]));

const scored = [];
for (const [file, entry] of byFile) {
  const result = texts.get(file);
  scored.push({ file, url: entry.url, lang: result?.sidecar.meta.lang ?? '?', ...scoreDocument(result?.text ?? '', entry) });
}
const all = totals(scored);
const pct = (x) => x.toFixed(3);
console.log(`unboil ${format} mode on ${folder}`);
console.log(`  pages ${scored.length}, cleaned ${summary.cleaned}, failed ${summary.failed.length}, ${seconds.toFixed(1)}s`);
console.log(`  precision ${pct(all.precision)}  recall ${pct(all.recall)}  F1 ${pct(all.f1)}  accuracy ${pct(all.accuracy)}`);
console.log(`  tp ${all.tp} fn ${all.fn} fp ${all.fp} tn ${all.tn}`);

if (values.lang) {
  const groups = new Map();
  for (const s of scored) groups.set(s.lang, [...(groups.get(s.lang) ?? []), s]);
  console.log('\nby detected language (pages ≥ 10):');
  for (const [lang, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    if (group.length < 10) continue;
    const t = totals(group);
    console.log(`  ${lang.padEnd(4)} ${String(group.length).padStart(4)} pages  P ${pct(t.precision)}  R ${pct(t.recall)}  F1 ${pct(t.f1)}`);
  }
}

const worst = Number(values.worst);
if (worst > 0) {
  console.log(`\nworst ${worst} pages (missed = article snippet lost, leaked = boilerplate snippet kept):`);
  for (const s of [...scored].sort((a, b) => b.fn + b.fp - (a.fn + a.fp) || (a.file < b.file ? -1 : 1)).slice(0, worst)) {
    console.log(`  ${s.file}  missed ${s.fn}, leaked ${s.fp}  ${s.url}`);
    for (const m of s.missed.slice(0, 2)) console.log(`    - missed: ${JSON.stringify(m.slice(0, 90))}`);
    for (const l of s.leaked.slice(0, 2)) console.log(`    + leaked: ${JSON.stringify(l.slice(0, 90))}`);
  }
}
for (const f of summary.failed.slice(0, 10)) console.log(`failed: ${f.path}: ${f.error}`);
if (values.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(values.json, JSON.stringify({ format, ...all, pages: scored.map(({ missed, leaked, ...s }) => s) }, null, 2));
}
if (values.errors) {
  const { writeFileSync } = await import('node:fs');
  const lines = scored.flatMap((s) => [...s.missed.map((m) => `${s.file}\tmissed\t${m.replace(/\s+/g, ' ').slice(0, 100)}`), ...s.leaked.map((l) => `${s.file}\tleaked\t${l.replace(/\s+/g, ' ').slice(0, 100)}`)]);
  writeFileSync(values.errors, `${lines.sort().join('\n')}\n`);
}
