import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline, resolvePipeline } from '../src/config/pipeline.js';
import { ConfigError } from '../src/errors.js';

function issuesOf(json: unknown) {
  try {
    resolvePipeline(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('pipeline files', () => {
  it('loads the built-in pipelines with every option filled in', () => {
    const p = loadPipeline('default');
    expect(p.name).toBe('default');
    expect(p.stages.map((s) => s.stage.name).slice(0, 3)).toEqual(['decode', 'segment', 'normalize']);
    expect(p.stages.find((s) => s.stage.name === 'dedupe')!.options).toMatchObject({ exact: true, nearDuplicate: 0.6 });
    expect(loadPipeline('strict').hash).not.toBe(p.hash);
  });

  it('hashes the canonical config: key order and explicit defaults do not matter', () => {
    const a = resolvePipeline({ stages: ['decode', 'segment', ['dedupe', { exact: true, pullQuote: true }]] });
    const b = resolvePipeline({ stages: ['decode', 'segment', ['dedupe', { pullQuote: true }]] });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns a stage off with false', () => {
    const p = resolvePipeline({ stages: ['decode', 'segment', ['dedupe', false]] });
    expect(p.stages.map((s) => s.stage.name)).toEqual(['decode', 'segment']);
  });

  it('names the JSON path and the problem of a bad option', () => {
    expect(issuesOf({ stages: ['decode', 'segment', ['dedupe', { nearDuplicate: 2 }]] })).toEqual([
      { path: 'stages[2][1].nearDuplicate', message: expect.stringMatching(/<=1|less than or equal to 1/i) },
    ]);
    expect(issuesOf({ stages: ['decode', 'segment', ['dedupe', { nearDuplicat: 0.5 }]] })).toEqual([
      { path: 'stages[2][1]', message: 'unknown option "nearDuplicat"' },
    ]);
  });

  it('names an unknown stage and lists the known ones', () => {
    const [issue] = issuesOf({ stages: ['decode', 'segment', 'dedup'] });
    expect(issue).toMatchObject({ path: 'stages[2]' });
    expect(issue!.message).toMatch(/unknown stage "dedup"; known stages: decode, segment, normalize/);
  });

  it('rejects missing stages, duplicates, wrong order and unknown keys', () => {
    expect(issuesOf({})[0]!.path).toBe('stages');
    expect(issuesOf({ stages: ['decode', 'segment', 'dedupe', 'dedupe'] })[0]).toEqual({ path: 'stages[3]', message: 'stage "dedupe" is listed twice' });
    expect(issuesOf({ stages: ['segment', 'decode'] })[0]!.message).toMatch(/must start with decode, segment/);
    expect(issuesOf({ stages: ['decode', 'segment', 'site-template', 'dedupe'] })[0]!.message).toMatch(/corpus stages run last/);
    expect(issuesOf({ stages: ['decode', 'segment'], stagez: [] })[0]).toMatchObject({ path: '(root)', message: 'unknown option "stagez"' });
  });

  it('reports unreadable, missing and malformed files clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pipe-'));
    writeFileSync(join(dir, 'bad.json'), '{ "stages": [ "decode", ');
    expect(() => loadPipeline('bad.json', dir)).toThrow(/bad.json is not valid JSON/);
    expect(() => loadPipeline('missing.json', dir)).toThrow(/cannot read pipeline file missing.json: ENOENT/);
    expect(() => loadPipeline('nosuchpipeline')).toThrow(/unknown pipeline "nosuchpipeline"/);
  });
});
