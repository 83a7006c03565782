#!/usr/bin/env node
// node bench/explain.js [--format html|text] [--pages N] [--rule R] [--leaks] [--examples N]
// For the evaluation corpus: which rules removed the article snippets that
// went missing (recall errors), counted by rule, with examples; with --leaks,
// the kept blocks that hold boilerplate snippets (precision errors), by kind and tag. A tool for
// tuning, like bench:quality: never part of the test suite.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean, loadPipeline } from '../dist/index.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/trafilatura-eval');
const { values } = parseArgs({ options: { format: { type: 'string', default: 'html' }, pages: { type: 'string', default: '2000' }, rule: { type: 'string' }, leaks: { type: 'boolean', default: false }, pipeline: { type: 'string', default: 'default' }, examples: { type: 'string' } } });
const ext = values.format === 'html' ? 'html.gz' : 'txt.gz';
const entries = Object.values(JSON.parse(readFileSync(join(CORPUS, 'evaldata.json'), 'utf8'))).slice(0, Number(values.pages));
const pipeline = loadPipeline(values.pipeline);
const norm = (t) => t.replace(/\s+/g, ' ').trim();
const byRule = new Map();
for (const e of entries) {
  let c;
  try {
    c = clean(readFileSync(join(CORPUS, values.format, `${e.file}.${ext}`)), { pipeline, format: values.format, path: e.file });
  } catch {
    continue;
  }
  const out = norm(c.text);
  if (values.leaks) {
    for (const snippet of e.without) {
      const s = norm(snippet);
      if (!out.includes(s)) continue;
      const block = c.sidecar.blocks.find((b) => b.kept && norm(b.text).includes(s.slice(0, 25)));
      const rule = block ? `${block.kind} <${block.tag ?? ''}>` : 'across-blocks';
      const list = byRule.get(rule) ?? [];
      list.push({ file: e.file, snippet: s.slice(0, 60), block: block ? norm(block.text).slice(0, 100) : '', reason: block?.path?.slice(-90) });
      byRule.set(rule, list);
    }
    continue;
  }
  for (const snippet of e.with) {
    const s = norm(snippet);
    if (out.includes(s)) continue;
    const probe = s.slice(0, 25);
    const block = c.sidecar.blocks.find((b) => !b.kept && norm(b.text).includes(probe));
    const rule = block ? `${block.stage}/${block.rule}` : 'not-a-block';
    const list = byRule.get(rule) ?? [];
    list.push({ file: e.file, snippet: s.slice(0, 60), block: block ? norm(block.text).slice(0, 100) : '', reason: block?.reason });
    byRule.set(rule, list);
  }
}
for (const [rule, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${rule}: ${list.length}`);
  if (values.rule && values.rule !== rule) continue;
  for (const x of list.slice(0, Number(values.examples ?? (values.rule ? 25 : 3)))) console.log(`   ${x.file}: ${JSON.stringify(x.block || x.snippet)}  [${x.reason ?? ''}]`);
}
