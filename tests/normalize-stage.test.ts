import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';

const resolved = () => resolvePipeline({ name: 'normalize-only', stages: ['decode', 'segment', 'normalize'] });

describe('normalize stage', () => {
  it('normalizes block text but keeps the span on the raw source', () => {
    const source = '\u00a0By\u00a0Xavier Villar \n\nIn the world of\u200b today, things change.';
    const c = clean(source, { pipeline: resolved() });
    const [byline, para] = c.sidecar.blocks;
    expect(byline!.text).toBe('By Xavier Villar');
    expect(source.slice(...byline!.span)).toBe('By\u00a0Xavier Villar');
    expect(para!.text).toBe('In the world of today, things change.');
  });

  it('removes a block left empty by normalization, with a reason', () => {
    const c = clean('Real text here.\n\n\u0007\u0008\n', { pipeline: resolved() });
    const removed = c.sidecar.blocks.filter((b) => !b.kept);
    expect(removed).toMatchObject([{ stage: 'normalize', rule: 'empty' }]);
    expect(c.text).toBe('Real text here.\n');
  });
});
