#!/usr/bin/env node
// npm run bench:quality [-- --corpus trafilatura|wcxb|all] [--mode html|text|all] [--tune 1,2]
//   [--max N] [--json F] [--errors F] [--out DIR] [--pipeline P] [--favor precision|recall] [--lang] [--worst N] [--skip-baselines]
//
// Quality on the two development corpora as a generalization benchmark. Each
// corpus is split by site into 5 folds (folds.js); unboil is run once per
// corpus and mode through its command line (`unboil run <folder> --out …`),
// and every table is computed from that one run: F1 (P, R) per fold, over all
// pages, the mean and the minimum over folds, and, with --tune, the mean over
// the held-out folds, the figure a change is judged on (a rule tuned on
// folds 1 and 2 must help on 3, 4 and 5). Beside unboil: the raw text dump
// and, in HTML mode, @mozilla/readability on linkedom. wcxb-dev also by page
// type. `npm run bench:quality` builds dist/ first; `node bench/quality.js`
// alone scores whatever dist/ holds.
//
// --errors F writes, per corpus and mode, every missed and leaked snippet
// (trafilatura) and every page's P/R/F1, worst first (wcxb): diff two runs to
// see what a change did. --out DIR keeps unboil's outputs in DIR/<corpus>-<mode>
// (for bench/explain.js --from DIR). A benchmark, not a test: it never fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { CORPUS_NAMES, PAGE_TYPES, loadCorpus } from './corpora.js';
import { rawDump, readabilityTexts, runUnboil } from './contenders.js';
import { FOLDS } from './folds.js';
import { precisionRecall } from './score.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    corpus: { type: 'string', default: 'all' },
    mode: { type: 'string' },
    format: { type: 'string' }, // the old name of --mode
    tune: { type: 'string', default: '' },
    max: { type: 'string' },
    json: { type: 'string' },
    errors: { type: 'string' },
    out: { type: 'string' },
    pipeline: { type: 'string', default: 'default' },
    favor: { type: 'string' },
    lang: { type: 'boolean', default: false },
    worst: { type: 'string', default: '0' },
    'skip-baselines': { type: 'boolean', default: false },
  },
});
const usage = (message) => {
  console.error(`bench:quality: ${message}`);
  process.exit(2);
};
const pick = (value, all, what) => {
  if (value === 'all') return all;
  if (!all.includes(value)) usage(`--${what} must be ${all.join(', ')} or all, not "${value}"`);
  return [value];
};
const corpusNames = pick(values.corpus, CORPUS_NAMES, 'corpus');
const modes = pick(values.mode ?? values.format ?? 'all', ['html', 'text'], 'mode');
const tune = values.tune ? values.tune.split(',').map(Number) : [];
if (tune.some((f) => !Number.isInteger(f) || f < 1 || f > FOLDS)) usage(`--tune takes fold numbers 1…${FOLDS}, not "${values.tune}"`);
const heldOut = tune.length ? Array.from({ length: FOLDS }, (_, k) => k + 1).filter((f) => !tune.includes(f)) : [];
const max = values.max === undefined ? undefined : Number(values.max);
const outRoot = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'unboil-bench-'));

const f3 = (x) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const folds = Array.from({ length: FOLDS }, (_, k) => k + 1);

/** Figures of one contender on one corpus and mode, from its per-page scores. */
function figures(corpus, scores) {
  const of = (pages) => corpus.aggregate(pages.map((p) => scores.get(p.id)));
  const byFold = folds.map((fold) => {
    const pages = corpus.pages.filter((p) => p.fold === fold);
    return { fold, pages: pages.length, sites: new Set(pages.map((p) => p.site)).size, ...of(pages) };
  });
  const filled = byFold.filter((f) => f.pages);
  const result = {
    all: of(corpus.pages),
    folds: byFold,
    mean: mean(filled.map((f) => f.f1)),
    min: Math.min(...filled.map((f) => f.f1)),
  };
  if (tune.length) {
    result.heldOut = mean(filled.filter((f) => heldOut.includes(f.fold)).map((f) => f.f1));
    result.tuning = mean(filled.filter((f) => tune.includes(f.fold)).map((f) => f.f1));
  }
  if (corpus.pages.some((p) => p.type)) {
    result.byType = {};
    for (const type of PAGE_TYPES) {
      const pages = corpus.pages.filter((p) => p.type === type);
      if (!pages.length) continue;
      result.byType[type] = { pages: pages.length, ...of(pages) };
      if (tune.length) result.byType[type].heldOut = of(pages.filter((p) => heldOut.includes(p.fold))).f1;
    }
  }
  return result;
}

const report = { pipeline: values.pipeline, folds: FOLDS, tune, heldOut, corpora: {} };
const lines = [];
const errorLines = [];
const timings = [];
for (const name of corpusNames) {
  const corpus = loadCorpus(name, { max });
  const scoreAll = (texts) => new Map(corpus.pages.map((p) => [p.id, corpus.score(p, texts.get(p.id) ?? '')]));
  const raw = values['skip-baselines'] ? undefined : scoreAll(rawDump(corpus, corpus.pages));
  report.corpora[name] = {};
  for (const mode of modes) {
    const out = join(outRoot, `${name}-${mode}`);
    rmSync(out, { recursive: true, force: true });
    const running = runUnboil({ corpus, mode, pages: corpus.pages, out, pipeline: values.pipeline, favor: values.favor, whole: max === undefined });
    // Readability runs in this process while the child cleans (and is cached after the first run).
    const readability = mode === 'html' && !values['skip-baselines'] ? scoreAll(readabilityTexts(corpus, corpus.pages)) : undefined;
    const run = await running;
    timings.push(`${corpus.title} ${mode}: ${run.seconds.toFixed(0)} s`);
    const unboil = scoreAll(run.texts);
    const contenders = { unboil, ...(readability ? { Readability: readability } : {}), ...(raw ? { 'raw dump': raw } : {}) };
    const figs = Object.fromEntries(Object.entries(contenders).map(([k, scores]) => [k, figures(corpus, scores)]));
    report.corpora[name][mode] = {
      pages: corpus.pages.length,
      sites: new Set(corpus.pages.map((p) => p.site)).size,
      failed: run.failed,
      contenders: figs,
      perPage: corpus.pages.map((p) => ({
        id: p.id, site: p.site, fold: p.fold, ...(p.type ? { type: p.type } : {}),
        ...Object.fromEntries(Object.entries(contenders).map(([k, scores]) => [k, pageFigures(scores.get(p.id))])),
      })),
    };
    lines.push(...foldTable(corpus, mode, figs, run.failed));
    if (figs.unboil.byType) lines.push(...typeTable(corpus, mode, figs));
    if (values.lang) lines.push(...langTable(corpus, mode, unboil, out));
    if (Number(values.worst) > 0) lines.push(...worstPages(corpus, mode, unboil, Number(values.worst)));
    errorLines.push(...errorsOf(corpus, mode, unboil));
  }
}
if (!values.out) rmSync(outRoot, { recursive: true, force: true });

console.log(`# bench:quality, pipeline ${values.pipeline}${values.favor ? `, --favor ${values.favor}` : ''}${max !== undefined ? `, first ${max} pages per corpus` : ''}\n`);
console.log(`Folds by site (${FOLDS}, hash of the registrable domain)${tune.length ? `; tuning folds ${tune.join(', ')}, held out ${heldOut.join(', ')}` : ''}. ` +
  'trafilatura-eval: snippet P/R/F1 summed over pages; wcxb-dev: 4-gram shingle P/R/F1, per-page normalised counts averaged.\n');
console.log(summaryTable().join('\n'));
console.log(`\n${lines.join('\n')}`);
console.log(`\nunboil runs: ${timings.join(', ')}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 1)}\n`);
if (values.errors) writeFileSync(values.errors, `${errorLines.join('\n')}\n`);

function pageFigures(s) {
  if ('tn' in s) return { tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn };
  const { precision, recall, f1 } = precisionRecall(s);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}
function round(x) {
  return Math.round(x * 1e4) / 1e4;
}

function summaryTable() {
  const rows = ['| corpus | mode | pages | sites | unboil F1 | fold mean | fold min |' + (tune.length ? ' held-out mean |' : '') + ' Readability F1 | raw dump F1 |'];
  rows.push(`|${' --- |'.repeat(tune.length ? 10 : 9)}`);
  for (const [name, byMode] of Object.entries(report.corpora)) {
    for (const [mode, r] of Object.entries(byMode)) {
      const u = r.contenders.unboil;
      rows.push(`| ${name} | ${mode} | ${r.pages} | ${r.sites} | ${f3(u.all.f1)} | ${f3(u.mean)} | ${f3(u.min)} |` +
        (tune.length ? ` **${f3(u.heldOut)}** |` : '') +
        ` ${f3(r.contenders.Readability?.all.f1)} | ${f3(r.contenders['raw dump']?.all.f1)} |`);
    }
  }
  return rows;
}

function foldTable(corpus, mode, figs, failed) {
  const mark = (f) => (tune.includes(f) ? ' (tune)' : '');
  const head = `| | | ${folds.map((f) => `fold ${f}${mark(f)}`).join(' | ')} | all | mean | min |${tune.length ? ' held-out |' : ''}`;
  const sizes = figs.unboil.folds.map((f) => `${f.pages} / ${f.sites}`).join(' | ');
  const rows = [`## ${corpus.title}, ${mode} mode${failed.length ? ` (${failed.length} pages failed)` : ''}`, '', head, `|${' --- |'.repeat(folds.length + 5 + (tune.length ? 1 : 0))}`];
  rows.push(`| pages / sites | | ${sizes} | ${corpus.pages.length} | | |${tune.length ? ' |' : ''}`);
  for (const [name, f] of Object.entries(figs)) {
    rows.push(`| ${name} | F1 | ${f.folds.map((x) => f3(x.pages ? x.f1 : undefined)).join(' | ')} | ${f3(f.all.f1)} | ${f3(f.mean)} | ${f3(f.min)} |${tune.length ? ` **${f3(f.heldOut)}** |` : ''}`);
    rows.push(`| | P / R | ${f.folds.map((x) => (x.pages ? `${f3(x.precision)} / ${f3(x.recall)}` : '–')).join(' | ')} | ${f3(f.all.precision)} / ${f3(f.all.recall)} | | |${tune.length ? ' |' : ''}`);
  }
  for (const x of failed.slice(0, 10)) rows.push(`\nfailed: ${x.path}: ${x.error}`);
  return [...rows, ''];
}

function typeTable(corpus, mode, figs) {
  const others = Object.keys(figs).filter((k) => k !== 'unboil');
  const rows = [`### ${corpus.title}, ${mode} mode, by page type`, '',
    `| page type | pages | unboil P | unboil R | unboil F1 |${tune.length ? ' held-out F1 |' : ''}${others.map((k) => ` ${k} F1 |`).join('')}${figs.Readability ? ' unboil − Readability |' : ''}`,
    `|${' --- |'.repeat(5 + (tune.length ? 1 : 0) + others.length + (figs.Readability ? 1 : 0))}`];
  for (const [type, u] of Object.entries(figs.unboil.byType)) {
    rows.push(`| ${type} | ${u.pages} | ${f3(u.precision)} | ${f3(u.recall)} | ${f3(u.f1)} |${tune.length ? ` ${f3(u.heldOut)} |` : ''}` +
      others.map((k) => ` ${f3(figs[k].byType[type].f1)} |`).join('') +
      (figs.Readability ? ` ${(u.f1 - figs.Readability.byType[type].f1 >= 0 ? '+' : '') + (u.f1 - figs.Readability.byType[type].f1).toFixed(3)} |` : ''));
  }
  return [...rows, ''];
}

function langTable(corpus, mode, scores, out) {
  const groups = new Map();
  for (const p of corpus.pages) {
    let lang = '?';
    try {
      lang = JSON.parse(readFileSync(join(out, `${p.id}.json`), 'utf8')).meta?.lang ?? '?';
    } catch {}
    groups.set(lang, [...(groups.get(lang) ?? []), p]);
  }
  const rows = [`### ${corpus.title}, ${mode} mode, by detected language (≥ 10 pages)`, '', '| lang | pages | P | R | F1 |', '| --- | --- | --- | --- | --- |'];
  for (const [lang, pages] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    if (pages.length < 10) continue;
    const t = corpus.aggregate(pages.map((p) => scores.get(p.id)));
    rows.push(`| ${lang} | ${pages.length} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.f1)} |`);
  }
  return [...rows, ''];
}

/** Pages sorted worst first: most snippet errors, or lowest shingle F1. */
function ranked(corpus, scores) {
  const badness = (s) => ('tn' in s ? s.fn + s.fp : 1 - precisionRecall(s).f1);
  return [...corpus.pages].sort((a, b) => badness(scores.get(b.id)) - badness(scores.get(a.id)) || (a.id < b.id ? -1 : 1));
}

function worstPages(corpus, mode, scores, n) {
  const rows = [`### ${corpus.title}, ${mode} mode, worst ${n} pages`, ''];
  for (const p of ranked(corpus, scores).slice(0, n)) {
    const s = scores.get(p.id);
    if ('tn' in s) {
      rows.push(`- ${p.id}: missed ${s.fn}, leaked ${s.fp}  ${p.url}`);
      for (const m of s.missed.slice(0, 2)) rows.push(`  - missed: ${JSON.stringify(m.slice(0, 90))}`);
      for (const l of s.leaked.slice(0, 2)) rows.push(`  - leaked: ${JSON.stringify(l.slice(0, 90))}`);
    } else {
      const { precision, recall, f1 } = precisionRecall(s);
      rows.push(`- ${p.id} (${p.type}): F1 ${f3(f1)}, P ${f3(precision)}, R ${f3(recall)}  ${p.url}`);
    }
  }
  return [...rows, ''];
}

function errorsOf(corpus, mode, scores) {
  const tag = `${corpus.name}\t${mode}`;
  if (corpus.scoring === 'snippets') {
    const oneLine = (s) => s.replace(/\s+/g, ' ').slice(0, 100);
    return corpus.pages
      .flatMap((p) => [...scores.get(p.id).missed.map((m) => `${tag}\t${p.id}\tmissed\t${oneLine(m)}`), ...scores.get(p.id).leaked.map((l) => `${tag}\t${p.id}\tleaked\t${oneLine(l)}`)])
      .sort();
  }
  return ranked(corpus, scores).map((p) => {
    const { precision, recall, f1 } = precisionRecall(scores.get(p.id));
    return `${tag}\t${p.id}\tF1 ${f3(f1)}\tP ${f3(precision)}\tR ${f3(recall)}\t${p.type}\t${p.site}`;
  });
}
