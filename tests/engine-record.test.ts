// What leaves the per-document phase: the plain record, the sidecar it
// becomes, and the record pass 2 rebuilds from a sidecar.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { processDocument } from '../src/engine/clean.js';
import { applyDecisions } from '../src/engine/corpus.js';
import { recordFromSidecar } from '../src/engine/record.js';
import { buildOutputs } from '../src/engine/sidecar.js';
import { Stats } from '../src/stages/types.js';
import { silentLogger } from '../src/log.js';
import { seedPath } from './helpers/seeds.js';

const pipeline = loadPipeline('default');
const ctx = () => ({ logger: silentLogger, stats: new Stats() });
const HTML = `<html lang="en"><head><title>A Page</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>A Page</h1><p>The council approved the new budget on Monday after a long debate about the roads and the schools.</p>
<p>Share this article</p><ul><li>First point of the plan, explained in one line.</li></ul></article>
<footer>© 2026 The Example Times. All rights reserved.</footer></body></html>`;

describe('document record', () => {
  it('is plain data: it survives structured cloning unchanged', () => {
    const record = processDocument(new TextEncoder().encode(HTML), { path: 'a.html', format: 'html' }, pipeline, ctx());
    expect(structuredClone(record)).toEqual(record);
  });

  it('is rebuilt from its sidecar: the same outputs, before and after corpus decisions', () => {
    for (const [path, bytes] of [
      ['seed.txt', readFileSync(seedPath('002'))],
      ['a.html', new TextEncoder().encode(HTML)],
    ] as const) {
      const record = processDocument(bytes, { path, format: null }, pipeline, ctx());
      const outputs = buildOutputs(record, pipeline);
      expect(buildOutputs(recordFromSidecar(outputs.sidecar), pipeline)).toEqual(outputs);
      // A site-template decision on the first kept block, then rebuilt: the corpus removal is undone.
      const first = record.blocks.find((b) => !b.removed)!;
      const decided = structuredClone(record);
      applyDecisions(decided, { 'duplicate-documents': { of: 'other.txt', similarity: 1 } }, pipeline, ctx());
      const after = buildOutputs(decided, pipeline);
      expect(after.text).toBe('');
      expect(after.sidecar.blocks.find((b) => b.i === first.i)).toMatchObject({ kept: false, stage: 'corpus', rule: 'duplicate-document' });
      expect(buildOutputs(recordFromSidecar(after.sidecar), pipeline)).toEqual(outputs);
    }
  });

  it('numbers lines of a 2 MB one-line page without scanning back per block', () => {
    const body = Array.from({ length: 24_000 }, (_, k) => `<p>Paragraph ${k} of a minified page, long enough to be read as prose by the cleaner.</p>`).join('');
    const html = `<html><head><title>Minified</title></head><body><main>${body}</main>\r\n<!-- second line -->\r<p>Third line, after a CR alone, of the minified page: its own paragraph.</p></body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const record = processDocument(new TextEncoder().encode(html), { path: 'min.html', format: 'html' }, pipeline, ctx());
    const lines = new Set(record.blocks.map((b) => b.line));
    expect(record.blocks.length).toBeGreaterThanOrEqual(24_001);
    expect([...lines].sort()).toEqual([1, 3]);
    expect(record.blocks.at(-1)).toMatchObject({ line: 3, text: 'Third line, after a CR alone, of the minified page: its own paragraph.' });
  });
});
