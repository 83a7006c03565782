#!/usr/bin/env node
// node scripts/train-scorer.js [--folds 1,2] [--remove 0.35] [--restore 0.65] [--l2 1] [--out src/stages/html/scorer-model.json] [--rows CACHE.json]
//
// Trains the HTML block scorer (src/stages/html/scorer.ts) on the dev corpora
// (../shared/corpus/trafilatura-eval and wcxb-dev, pages of the given folds,
// bench/folds.js) and writes its JSON. Each page is cleaned in this process
// by the default pipeline up to html-boilerplate with the scorer off; every
// block the structure rules decided (kept, outside-main, link-list,
// teaser-list) becomes a row: its features (scorer-features.ts, the same code
// the stage runs) and a label from the gold: wcxb, most of the block's 4-gram
// shingles are in the gold text; trafilatura-eval, the block holds (or is
// part of) a "with" snippet, or a "without" one. Same pages → same JSON.
// Needs dist/ (npm run build).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { scriptArgs } from '../bench/lib/script-args.js';
import { loadCorpus, inputOf } from '../bench/corpora.js';
import { norm, tokens } from '../bench/score.js';
import { trainLogistic } from './lib/train-logistic.js';
import { labelRows } from './lib/scorer-rows.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    folds: { type: 'string', default: '1,2' },
    out: { type: 'string', default: new URL('../src/stages/html/scorer-model.json', import.meta.url).pathname },
    rows: { type: 'string' },
    remove: { type: 'string', default: '0.35' },
    restore: { type: 'string', default: '0.65' },
    l2: { type: 'string', default: '1' },
  },
});
const folds = values.folds.split(',').map(Number);

const dist = new URL('../dist/', import.meta.url);
const { loadPipeline } = await import(new URL('config/pipeline.js', dist));
const { runDocumentStages } = await import(new URL('engine/clean.js', dist));
const { implement } = await import(new URL('stages/implementations.js', dist));
const { createDocument, DocumentContext } = await import(new URL('model/document.js', dist));
const { Stats } = await import(new URL('stages/types.js', dist));
const { silentLogger } = await import(new URL('log.js', dist));
const { FEATURE_NAMES, scorerFeatures } = await import(new URL('stages/html/scorer-features.js', dist));
const { scorerInputs } = await import(new URL('stages/html/scorer-apply.js', dist));

/** The default pipeline up to html-boilerplate, scorer off: the structure rules' own decisions. */
function rulesPipeline() {
  const p = loadPipeline('default');
  const end = p.stages.findIndex((s) => s.stage.name === 'html-boilerplate');
  const stages = p.stages.slice(0, end + 1).map((s) =>
    s.stage.name === 'html-boilerplate' ? { ...s, options: { ...s.options, rules: { ...s.options.rules, scorer: false } } } : s);
  // loadPipeline gives the stages' specs; the code behind them is attached here.
  return implement({ ...p, stages });
}

/** What the loop of html-boilerplate decided, read back from a run with the scorer off. */
const AFTER_LOOP = new Set(['after-main', 'empty-section', 'json-ld-body']);
function decisionOf(block) {
  const r = block.removed;
  if (!r) return 'kept';
  if (r.stage === 'html-boilerplate' && ['outside-main', 'link-list', 'teaser-list'].includes(r.rule)) return r.rule;
  if ((r.stage === 'html-boilerplate' && AFTER_LOOP.has(r.rule)) || r.stage === 'metadata') return 'kept';
  return 'other';
}

function collect() {
  const pipeline = rulesPipeline();
  const ctx = { logger: silentLogger, stats: new Stats() };
  const rows = [];
  const failed = [];
  let pages = 0;
  for (const name of ['trafilatura', 'wcxb']) {
    const corpus = loadCorpus(name);
    for (const page of corpus.pages) {
      const path = inputOf(corpus, page, 'html');
      if (!existsSync(path)) continue;
      const bytes = gunzipSync(readFileSync(path));
      const file = createDocument({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), format: 'html' });
      const doc = new DocumentContext(file);
      pages++;
      try {
        runDocumentStages(doc, pipeline, ctx);
      } catch (error) {
        failed.push(`${page.id}: ${error.message}`);
        continue;
      }
      const inputs = scorerInputs(doc, (i) => decisionOf(doc.blocks[i]));
      const x = scorerFeatures(inputs, doc.page?.facts.title ?? null);
      const gold = name === 'wcxb' ? { tokens: tokens(page.gold) } : { with: page.entry.with.map(norm), without: page.entry.without.map(norm) };
      for (const row of labelRows(inputs.map((inp, k) => ({ text: inp.block.text, decision: inp.decision, x: x[k] })), gold)) {
        rows.push({ corpus: name, fold: page.fold, page: page.id, ...row });
      }
    }
  }
  // A page the pipeline cannot clean is left out; many such pages mean the script no longer
  // drives the engine as it expects (a model trained on none of the pages would still be written).
  if (failed.length) console.error(`${failed.length} pages failed, first: ${failed[0]}`);
  if (!rows.length || failed.length > pages / 20) throw new Error(`train-scorer: ${failed.length} pages failed to clean; no model written`);
  return rows;
}

let rows;
if (values.rows && existsSync(values.rows)) rows = JSON.parse(readFileSync(values.rows, 'utf8'));
else {
  rows = collect();
  if (values.rows) writeFileSync(values.rows, JSON.stringify(rows));
}
const train = rows.filter((r) => folds.includes(r.fold));
const l2 = Number(values.l2);
const model = {
  features: FEATURE_NAMES,
  trainedOn: `trafilatura-eval + wcxb-dev HTML, folds ${folds.join(',')}: ${new Set(train.map((r) => r.page)).size} pages, ${train.length} blocks`,
  thresholds: { remove: Number(values.remove), restore: Number(values.restore) },
  kept: trainLogistic(train.filter((r) => r.decision === 'kept'), { l2 }),
  removed: trainLogistic(train.filter((r) => r.decision !== 'kept'), { l2 }),
};
writeFileSync(values.out, `${JSON.stringify(model)}\n`);
console.log(`${values.out}: ${model.trainedOn}`);
