import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';

const dedupeOnly = (options: object = {}) =>
  resolvePipeline({ name: 'dedupe-only', stages: ['decode', 'segment', 'normalize', 'language', ['dedupe', options]] });

const para = (s: string) => s.replace(/\s+/g, ' ').trim();
const A = para(`The two governments signed the treaty in Moscow on Friday after months of talks.
  It covers energy, transport and security. Officials said the text had been ready since the autumn.
  Ratification by both parliaments is expected within weeks.`);
const A_EDITED = para(`The two governments signed the treaty in Moscow on Friday after months of negotiations.
  It covers energy, transport and security. Officials said the text had been ready since the autumn.
  Ratification by both parliaments is expected within weeks.`);
const OTHER = para(`Analysts were less certain about what the agreement would change on the ground.
  Trade between the countries has grown slowly, and sanctions limit what banks will finance.
  Several projects announced years ago have not started.`);

describe('dedupe stage', () => {
  it('removes an exact repeat and points at the first occurrence', () => {
    const c = clean([A, OTHER, A].join('\n\n'), { pipeline: dedupeOnly() });
    expect(c.sidecar.blocks.map((b) => (b.kept ? 'kept' : `${b.rule}→${b.duplicateOf}`))).toEqual(['kept', 'kept', 'exact→0']);
  });

  it('lets short lines repeat (table cells, separators)', () => {
    const c = clean(['Yes', A, 'Yes', OTHER].join('\n\n'), { pipeline: dedupeOnly() });
    expect(c.sidecar.stats.removed).toBe(0);
  });

  it('removes a near-duplicate paragraph re-published with small edits', () => {
    const c = clean([A, OTHER, A_EDITED].join('\n\n'), { pipeline: dedupeOnly() });
    const removed = c.sidecar.blocks.filter((b) => !b.kept);
    expect(removed).toMatchObject([{ i: 2, rule: 'near-duplicate', duplicateOf: 0 }]);
    expect(removed[0]!.kept === false && removed[0]!.reason).toMatch(/re-states block 0/);
  });

  it('keeps the near-duplicate when the rule is turned off (nearDuplicate: 1)', () => {
    const c = clean([A, OTHER, A_EDITED].join('\n\n'), { pipeline: dedupeOnly({ nearDuplicate: 1 }) });
    expect(c.sidecar.stats.removed).toBe(0);
  });

  it('removes a pull quote whose sentence reappears in a later paragraph', () => {
    const quote = 'Officials said the text had been ready since the autumn.';
    const c = clean([quote, OTHER, A].join('\n\n'), { pipeline: dedupeOnly() });
    expect(c.sidecar.blocks[0]).toMatchObject({ kept: false, rule: 'pull-quote', duplicateOf: 2 });
    expect(c.text.split(quote).length - 1).toBe(1);
  });

  it('does not treat a short phrase shared by two paragraphs as a pull quote', () => {
    const c = clean(['It covers energy.', A].join('\n\n'), { pipeline: dedupeOnly() });
    expect(c.sidecar.stats.removed).toBe(0);
  });
});
