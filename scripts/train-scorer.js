#!/usr/bin/env node
// node scripts/train-scorer.js [--mode html|text] [--folds 1,2] [--remove R] [--restore R] [--l2 1] [--out MODEL.json] [--rows CACHE.json]
//
// Trains a block scorer on the dev corpora (../shared/corpus/trafilatura-eval
// and wcxb-dev, pages of the given folds, bench/folds.js) and writes its JSON:
// HTML mode's (src/stages/html/scorer.ts, the default) or, with --mode text,
// text mode's (src/stages/text/boilerplate/scorer.ts). Each page is cleaned
// in this process by the default pipeline with the scorer off: up to
// html-boilerplate (HTML), or up to the text boilerplate stage's rules, whose
// position removals are kept as proposals (text, boilerplate's runRules).
// Every block the rules decided (kept, or removed by a rule the scorer may
// overrule) becomes a row: its features (scorer-features.ts of the mode, the
// same code the stage runs) and a label from the gold: wcxb, most of the
// block's 4-gram shingles are in the gold text; trafilatura-eval, the block
// holds (or is part of) a "with" snippet, or a "without" one. Same pages →
// same JSON. Needs dist/ (npm run build).
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
    mode: { type: 'string', default: 'html' },
    folds: { type: 'string', default: '1,2' },
    out: { type: 'string' },
    rows: { type: 'string' },
    remove: { type: 'string' },
    restore: { type: 'string' },
    l2: { type: 'string', default: '1' },
  },
});
const folds = values.folds.split(',').map(Number);
/** Per mode: where the model goes and the thresholds tuned on folds 1,2 (README). */
const MODES = {
  html: { out: '../src/stages/html/scorer-model.json', remove: '0.35', restore: '0.65', label: 'HTML' },
  text: { out: '../src/stages/text/boilerplate/scorer-model.json', remove: '0.3', restore: '0.4', label: 'text' },
};
const mode = MODES[values.mode];
if (!mode) throw new Error(`train-scorer: --mode html or text, not ${values.mode}`);
const out = values.out ?? new URL(mode.out, import.meta.url).pathname;

const dist = new URL('../dist/', import.meta.url);
const { loadPipeline } = await import(new URL('config/pipeline.js', dist));
const { runDocumentStages } = await import(new URL('engine/clean.js', dist));
const { implement } = await import(new URL('stages/implementations.js', dist));
const { createDocument, DocumentContext } = await import(new URL('model/document.js', dist));
const { Stats } = await import(new URL('stages/types.js', dist));
const { silentLogger } = await import(new URL('log.js', dist));
const { FEATURE_NAMES, scorerFeatures } = await import(new URL('stages/html/scorer-features.js', dist));
const { scorerInputs } = await import(new URL('stages/html/scorer-apply.js', dist));
const { TEXT_FEATURE_NAMES, textScorerFeatures, scorable } = await import(new URL('stages/text/boilerplate/scorer-features.js', dist));
const { textScorerInputs } = await import(new URL('stages/text/boilerplate/scorer.js', dist));
const { runRules } = await import(new URL('stages/text/boilerplate/index.js', dist));
const { ruleSwitch } = await import(new URL('rules/registry.js', dist));

/** The default pipeline up to html-boilerplate, scorer off: the structure rules' own decisions. */
function rulesPipeline() {
  const p = loadPipeline('default');
  const end = p.stages.findIndex((s) => s.stage.name === 'html-boilerplate');
  const stages = p.stages.slice(0, end + 1).map((s) =>
    s.stage.name === 'html-boilerplate' ? { ...s, options: { ...s.options, rules: { ...s.options.rules, scorer: false } } } : s);
  // loadPipeline gives the stages' specs; the code behind them is attached here.
  return implement({ ...p, stages });
}

/** The default pipeline before the text boilerplate stage, and that stage's options (its rules run in runRules). */
function textPipeline() {
  const p = loadPipeline('default');
  const end = p.stages.findIndex((s) => s.stage.name === 'boilerplate');
  return { pipeline: implement({ ...p, stages: p.stages.slice(0, end) }), options: p.stages[end].options };
}

/** Blocks of an HTML page with the structure rules' decisions, features computed. */
function htmlBlocks(doc, ctx, pipeline) {
  runDocumentStages(doc, pipeline, ctx);
  const inputs = scorerInputs(doc, (i) => decisionOf(doc.blocks[i]));
  const x = scorerFeatures(inputs, doc.page?.facts.title ?? null);
  return inputs.map((inp, k) => ({ text: inp.block.text, decision: inp.decision, x: x[k] }));
}

/** Blocks of a text dump with the rules' decisions (position removals proposed, not applied), features computed. */
function textBlocks(doc, ctx, { pipeline, options }) {
  runDocumentStages(doc, pipeline, ctx);
  const { proposed, facts } = runRules(doc, options, ruleSwitch('text', options.rules), true);
  const inputs = textScorerInputs(doc, proposed);
  // A dump the stage does not score (no sections) teaches the model nothing it will use.
  if (!scorable(inputs)) return [];
  const x = textScorerFeatures(inputs, facts);
  return inputs.map((inp, k) => ({ text: inp.block.text, decision: inp.decision, x: x[k] }));
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
  const text = values.mode === 'text';
  const pipeline = text ? textPipeline() : rulesPipeline();
  const ctx = { logger: silentLogger, stats: new Stats() };
  const rows = [];
  const failed = [];
  let pages = 0;
  for (const name of ['trafilatura', 'wcxb']) {
    const corpus = loadCorpus(name);
    for (const page of corpus.pages) {
      const path = inputOf(corpus, page, values.mode);
      if (!existsSync(path)) continue;
      const bytes = gunzipSync(readFileSync(path));
      const file = createDocument({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), format: values.mode });
      const doc = new DocumentContext(file);
      pages++;
      let blocks;
      try {
        blocks = text ? textBlocks(doc, ctx, pipeline) : htmlBlocks(doc, ctx, pipeline);
      } catch (error) {
        failed.push(`${page.id}: ${error.message}`);
        continue;
      }
      const gold = name === 'wcxb' ? { tokens: tokens(page.gold) } : { with: page.entry.with.map(norm), without: page.entry.without.map(norm) };
      for (const row of labelRows(blocks, gold)) {
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
  features: values.mode === 'text' ? TEXT_FEATURE_NAMES : FEATURE_NAMES,
  trainedOn: `trafilatura-eval + wcxb-dev ${mode.label}, folds ${folds.join(',')}: ${new Set(train.map((r) => r.page)).size} pages, ${train.length} blocks`,
  thresholds: { remove: Number(values.remove ?? mode.remove), restore: Number(values.restore ?? mode.restore) },
  kept: trainLogistic(train.filter((r) => r.decision === 'kept'), { l2 }),
  removed: trainLogistic(train.filter((r) => r.decision !== 'kept'), { l2 }),
};
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`${out}: ${model.trainedOn}`);
