import { describe, expect, it } from 'vitest';
import { resolvePipelineOption } from '../../src/config/pipeline.js';
import { processDocument } from '../../src/engine/clean.js';
import { buildOutputs } from '../../src/engine/sidecar.js';
import { silentLogger } from '../../src/log.js';
import { renderJson, renderJsonLine } from '../../src/render/json.js';
import { Stats } from '../../src/stages/types.js';
import { ARTICLE, page } from '../html/helpers.js';

const pipeline = resolvePipelineOption('default');
const cleaned = (html: string, path: string, url: string | null) => {
  const record = processDocument(new TextEncoder().encode(html), { path, format: 'html', url }, pipeline, { logger: silentLogger, stats: new Stats() });
  return { record, text: buildOutputs(record, pipeline).text };
};

describe('JSON outputs', () => {
  it('gives one JSON object per document with its id, path, URL, metadata and clean text', () => {
    const { record, text } = cleaned(page(ARTICLE, '<meta name="author" content="Ann Lee">'), 'news/bridge.html', 'https://gazette.example/bridge');
    const json = renderJson(record, text);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual({
      id: record.source.sha256,
      path: 'news/bridge.html',
      url: 'https://gazette.example/bridge',
      format: 'html',
      meta: { title: 'The river town keeps its old bridge', author: 'Ann Lee', date: null, lang: 'en', site: 'gazette.example' },
      text,
    });
    expect(text.split('\n\n')).toHaveLength(4);
  });

  it('writes documents.jsonl lines that parse one by one, newlines of the text escaped', () => {
    const docs = [cleaned(page(ARTICLE), 'a.html', null), cleaned(page(ARTICLE.replace('Tuesday', 'Friday')), 'b.html', null)];
    const jsonl = docs.map((d) => renderJsonLine(d.record, d.text)).join('');
    const lines = jsonl.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const parsed = lines.slice(0, 2).map((line) => JSON.parse(line));
    expect(parsed.map((d) => [d.path, d.text.includes('on Friday'), d.meta.lang])).toEqual([
      ['a.html', false, 'en'],
      ['b.html', true, 'en'],
    ]);
    expect(parsed[0].text).toBe(docs[0]!.text);
  });
});
