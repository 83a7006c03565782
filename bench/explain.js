#!/usr/bin/env node
// node bench/explain.js [--corpus trafilatura|wcxb] [--mode html|text] [--from DIR] [--max N]
//   [--leaks] [--rule R] [--examples N] [--type T] [--page ID] [--folds 1,2]
//
// Where unboil's errors come from, read from the sidecars the command line
// writes (so it works with any engine behind `unboil run`). `--from DIR` reads
// the outputs a `bench:quality --out DIR` run kept; without it the corpus is
// cleaned again into a temporary folder.
//
// trafilatura: which rules removed the article snippets that went missing,
// counted by rule, with examples; with --leaks, the kept blocks that hold
// boilerplate snippets, by kind and tag.
// wcxb: the gold shingles missing from the output, charged to the removed
// block that holds them (by stage/rule), or the output shingles that are not
// in the gold, charged to the kept block (by kind <tag>), in the units of the
// score (per-page normalised counts averaged over pages), with the F1 the
// corpus would have if that rule's losses (or that kind's leaks) were undone:
// the F1 at stake. --page ID lists one page's charged blocks.
// A tool for tuning, like bench:quality: never part of the test suite.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { loadCorpus } from './corpora.js';
import { runUnboil } from './contenders.js';
import { matchCounts, norm, normalise, shingleTotals, shingles } from './score.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    corpus: { type: 'string', default: 'trafilatura' },
    mode: { type: 'string' },
    format: { type: 'string' }, // the old name of --mode
    from: { type: 'string' },
    max: { type: 'string' },
    pipeline: { type: 'string', default: 'default' },
    rule: { type: 'string' },
    leaks: { type: 'boolean', default: false },
    examples: { type: 'string' },
    type: { type: 'string' },
    page: { type: 'string' },
    folds: { type: 'string' },
  },
});
const mode = values.mode ?? values.format ?? 'html';
const corpus = loadCorpus(values.corpus, { max: values.max === undefined ? undefined : Number(values.max) });
if (values.type) corpus.pages = corpus.pages.filter((p) => p.type === values.type);
// --folds 1,2: explain the tuning folds only (design on them, judge on the others).
if (values.folds) corpus.pages = corpus.pages.filter((p) => values.folds.split(',').map(Number).includes(p.fold));
const examples = Number(values.examples ?? (values.rule ? 25 : 3));

let dir = values.from ? join(resolve(values.from), `${corpus.name}-${mode}`) : undefined;
let temporary;
if (!dir) {
  temporary = mkdtempSync(join(tmpdir(), 'unboil-explain-'));
  dir = temporary;
  await runUnboil({ corpus, mode, pages: corpus.pages, out: dir, pipeline: values.pipeline, whole: values.max === undefined && !values.type });
} else if (!existsSync(dir)) {
  console.error(`explain: no outputs in ${dir}: run bench:quality with --out ${values.from} first`);
  process.exit(2);
}
const sidecarOf = (page) => {
  try {
    return JSON.parse(readFileSync(join(dir, `${page.id}.json`), 'utf8'));
  } catch {
    return undefined;
  }
};
const textOf = (page) => {
  try {
    return readFileSync(join(dir, `${page.id}.txt`), 'utf8');
  } catch {
    return '';
  }
};

const groups = new Map();
const charge = (key, item) => groups.set(key, [...(groups.get(key) ?? []), item]);
const pages = values.page ? corpus.pages.filter((p) => p.id === values.page) : corpus.pages;
if (corpus.scoring === 'snippets') explainSnippets();
else explainShingles();
if (temporary) rmSync(temporary, { recursive: true, force: true });

function explainSnippets() {
  for (const page of pages) {
    const sidecar = sidecarOf(page);
    if (!sidecar) continue;
    const out = norm(textOf(page));
    for (const snippet of values.leaks ? page.entry.without : page.entry.with) {
      const s = norm(snippet);
      if (out.includes(s) !== values.leaks) continue;
      const probe = s.slice(0, 25);
      const block = sidecar.blocks.find((b) => b.kept === values.leaks && norm(b.text).includes(probe));
      const key = values.leaks ? (block ? `${block.kind} <${block.tag ?? ''}>` : 'across-blocks') : block ? `${block.stage}/${block.rule}` : 'not-a-block';
      charge(key, { id: page.id, text: block ? norm(block.text).slice(0, 100) : s.slice(0, 60), note: values.leaks ? block?.path?.slice(-90) : block?.reason });
    }
  }
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${key}: ${list.length}`);
    if (values.rule && values.rule !== key) continue;
    for (const x of list.slice(0, examples)) console.log(`   ${x.id}: ${JSON.stringify(x.text)}  [${x.note ?? ''}]`);
  }
}

/** Takes up to `count` of `key` from a multiset, returns how many were taken. */
function take(multiset, key, count) {
  const have = multiset.get(key) ?? 0;
  const taken = Math.min(have, count);
  if (taken) multiset.set(key, have - taken);
  return taken;
}

function explainShingles() {
  const raw = new Map();
  for (const page of pages) {
    const sidecar = sidecarOf(page);
    const gold = shingles(page.gold);
    const out = shingles(textOf(page));
    const { tp, fp, fn } = matchCounts(gold, out);
    raw.set(page.id, { tp, fp, fn });
    if (!sidecar) continue;
    // missing = gold − output (multiset); leaked = output − gold.
    const missing = new Map([...gold].map(([k, c]) => [k, c - Math.min(c, out.get(k) ?? 0)]));
    const leaked = new Map([...out].map(([k, c]) => [k, c - Math.min(c, gold.get(k) ?? 0)]));
    const pool = values.leaks ? leaked : missing;
    const sum = tp + fp + fn || 1;
    let charged = 0;
    for (const block of sidecar.blocks) {
      if (block.kept !== values.leaks) continue;
      let n = 0;
      for (const [key, count] of shingles(block.text)) n += take(pool, key, count);
      if (!n) continue;
      charged += n;
      const key = values.leaks ? `${block.kind} <${block.tag ?? ''}>` : `${block.stage}/${block.rule}`;
      charge(key, { id: page.id, type: page.type, n, share: n / sum, text: norm(block.text).slice(0, 110), note: values.leaks ? block.path?.slice(-80) : block.reason });
    }
    const rest = (values.leaks ? fp : fn) - charged;
    if (rest > 0) charge(values.leaks ? 'across-blocks' : 'not-in-any-block', { id: page.id, type: page.type, n: rest, share: rest / sum, text: '', note: '' });
  }
  const base = shingleTotals([...raw.values()].map(normalise));
  // The F1 at stake: the corpus figure with this group's shingles moved
  // (lost ones back to true positives, leaked ones dropped), pages renormalised.
  const undone = (list) => {
    const moved = new Map();
    for (const x of list) moved.set(x.id, (moved.get(x.id) ?? 0) + x.n);
    return shingleTotals([...raw].map(([id, c]) => {
      const n = moved.get(id) ?? 0;
      return normalise(values.leaks ? { ...c, fp: c.fp - n } : { ...c, tp: c.tp + n, fn: c.fn - n });
    })).f1;
  };
  const what = values.leaks ? 'leaked (fp)' : 'lost (fn)';
  console.log(`${corpus.title}, ${mode} mode, ${raw.size} pages: P ${base.precision.toFixed(3)} R ${base.recall.toFixed(3)} F1 ${base.f1.toFixed(3)}`);
  console.log(`shingles ${what} by ${values.leaks ? 'kept block kind <tag>' : 'removing rule'}: pages, share of the averaged counts, F1 if undone\n`);
  const n = raw.size || 1;
  const sorted = [...groups].map(([key, list]) => [key, list, list.reduce((a, x) => a + x.share, 0) / n]).sort((a, b) => b[2] - a[2]);
  for (const [key, list, mass] of sorted) {
    const f1 = undone(list);
    console.log(`${key}: ${new Set(list.map((x) => x.id)).size} pages, ${mass.toFixed(4)}, F1 ${f1.toFixed(3)} (+${(f1 - base.f1).toFixed(3)})`);
    if (values.rule && values.rule !== key) continue;
    for (const x of [...list].sort((a, b) => b.share - a.share).slice(0, examples)) {
      console.log(`   ${x.id} (${x.type}) ${x.share.toFixed(3)}: ${JSON.stringify(x.text)}  [${x.note ?? ''}]`);
    }
  }
}
