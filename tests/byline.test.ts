import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import { parseByline } from '../src/stages/meta/byline.js';

describe('parseByline', () => {
  it('reads "By Name"', () => {
    expect(parseByline('By Xavier Villar', 'en')).toEqual({ author: 'Xavier Villar', date: null, role: 'byline' });
  });
  it('reads "Name, Month D, YYYY"', () => {
    expect(parseByline('Simon Westwood, January 20, 2025', 'en')).toEqual({ author: 'Simon Westwood', date: '2025-01-20', role: 'byline' });
  });
  it('reads datelines with and without a comma', () => {
    expect(parseByline('Sunday, December 29, 2024', 'en')).toEqual({ author: null, date: '2024-12-29', role: 'dateline' });
    expect(parseByline('Sunday 19 January 2025', 'en')).toEqual({ author: null, date: '2025-01-19', role: 'dateline' });
  });
  it('reads German and French bylines', () => {
    expect(parseByline('Von Anna Müller', 'de')).toMatchObject({ author: 'Anna Müller', role: 'byline' });
    expect(parseByline('Publié le 3 mars 2023', 'fr')).toEqual({ author: null, date: '2023-03-03', role: 'dateline' });
  });
  it('does not read a sentence that mentions a date as a dateline', () => {
    expect(parseByline('The talks resumed on January 20, 2025 in Geneva', 'en')).toBeNull();
    expect(parseByline('By the end of the year prices rose', 'en')).toBeNull();
  });
});

describe('byline stage', () => {
  const text = 'A Headline About Things\n\nBy Jane Doe\n\nMarch 4, 2024\n\nThe first paragraph of the story tells what happened and why it matters to readers.\n';
  it('moves byline and dateline to metadata and out of the text by default', () => {
    const c = clean(text);
    expect(c.sidecar.meta).toMatchObject({ author: 'Jane Doe', date: '2024-03-04' });
    expect(c.text).not.toContain('Jane Doe');
    expect(c.sidecar.blocks.filter((b) => !b.kept).map((b) => !b.kept && `${b.stage}/${b.rule}`)).toEqual(['metadata/byline', 'metadata/dateline']);
  });
  it('keeps them in the text with keep: true', () => {
    const pipeline = resolvePipeline({ stages: ['decode', 'segment', 'normalize', 'language', 'boilerplate', ['byline', { keep: true }], 'dedupe', 'metadata'] });
    const c = clean(text, { pipeline });
    expect(c.sidecar.meta).toMatchObject({ author: 'Jane Doe', date: '2024-03-04' });
    expect(c.text).toContain('By Jane Doe\n\nMarch 4, 2024');
  });
});
