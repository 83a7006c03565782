import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStageList, formatChange, optionChanges, stageList } from '../src/config/option-changes.js';
import { loadPipeline, resolvePipeline, type Pipeline } from '../src/config/pipeline.js';
import { closestName } from '../src/config/suggest.js';
import { jsonSchemas } from '../src/config/json-schema.js';
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
      { path: 'stages[2][1]', message: 'unknown option "nearDuplicat"; did you mean "nearDuplicate"?' },
    ]);
    expect(issuesOf({ stages: ['decode', 'segment', ['boilerplate', { rules: { relatd: false } }]] })).toEqual([
      { path: 'stages[2][1].rules', message: 'unknown option "relatd"; did you mean "related"?' },
    ]);
    expect(issuesOf({ stages: ['decode', 'segment', ['dedupe', { zzz: 1 }]] })).toEqual([{ path: 'stages[2][1]', message: 'unknown option "zzz"' }]);
  });

  it('names an unknown stage with the closest known one, or lists the known ones', () => {
    expect(issuesOf({ stages: ['decode', 'segment', 'dedup'] })).toEqual([{ path: 'stages[2]', message: 'unknown stage "dedup"; did you mean "dedupe"?' }]);
    expect(issuesOf({ stages: ['decode', 'segment', ['html-boilerplte', {}]] })).toEqual([{ path: 'stages[2][0]', message: 'unknown stage "html-boilerplte"; did you mean "html-boilerplate"?' }]);
    const [issue] = issuesOf({ stages: ['decode', 'segment', 'summarize'] });
    expect(issue).toMatchObject({ path: 'stages[2]' });
    expect(issue!.message).toMatch(/^unknown stage "summarize"; known stages: decode, segment, normalize, /);
  });

  it('rejects missing stages, duplicates, wrong order and unknown keys', () => {
    expect(issuesOf({})).toEqual([{ path: 'stages', message: 'required (the stages to run), unless "extends" names a pipeline to start from' }]);
    expect(issuesOf({ stages: ['decode', 'segment', 'dedupe', 'dedupe'] })[0]).toEqual({ path: 'stages[3]', message: 'stage "dedupe" is listed twice' });
    expect(issuesOf({ stages: ['segment', 'decode'] })[0]!.message).toMatch(/must start with decode, segment/);
    expect(issuesOf({ stages: ['decode', 'segment', 'site-template', 'dedupe'] })[0]!.message).toMatch(/corpus stages run last/);
    expect(issuesOf({ stages: ['decode', 'segment'], stagez: [] })[0]).toMatchObject({ path: '(root)', message: 'unknown option "stagez"; did you mean "stages"?' });
  });

  it('reports unreadable, missing and malformed files clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pipe-'));
    writeFileSync(join(dir, 'bad.json'), '{ "stages": [ "decode", ');
    expect(() => loadPipeline('bad.json', dir)).toThrow(/bad.json is not valid JSON/);
    expect(() => loadPipeline('missing.json', dir)).toThrow(/cannot read pipeline file missing.json: ENOENT/);
    expect(() => loadPipeline('nosuchpipeline')).toThrow('unknown pipeline "nosuchpipeline" (built-in: default, strict; give a path to use your own file)');
    expect(() => loadPipeline('strickt')).toThrow('unknown pipeline "strickt"; did you mean "strict"? (built-in: default, strict;');
  });
});

/** Writes pipeline files into a fresh folder and returns it. */
function pipelineDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-extends-'));
  for (const [name, json] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(json));
  }
  return dir;
}

const names = (p: Pipeline) => p.stages.map((s) => s.stage.name);
const optionsOf = (p: Pipeline, stage: string) => p.stages.find((s) => s.stage.name === stage)?.options as Record<string, unknown> | undefined;

function loadIssues(nameOrPath: string, cwd: string, set?: string[]) {
  try {
    loadPipeline(nameOrPath, cwd, set ? { set } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('extends', () => {
  const base = loadPipeline('default');

  it('merges a stage entry into the parent options, keeping every other stage and option', () => {
    const dir = pipelineDir({ 'mine.json': { extends: 'default', stages: [['dedupe', { nearDuplicate: 0.5 }]] } });
    const p = loadPipeline('mine.json', dir);
    expect(p.name).toBe('mine');
    expect(p.extends).toEqual(['default']);
    expect(names(p)).toEqual(names(base));
    expect(optionsOf(p, 'dedupe')).toEqual({ ...optionsOf(base, 'dedupe'), nearDuplicate: 0.5 });
    expect(optionChanges(stageList(base), stageList(p))).toEqual([{ path: 'dedupe.nearDuplicate', before: 0.6, after: 0.5 }]);
    expect(p.hash).not.toBe(base.hash);
  });

  it('gives a child that changes nothing the hash of its parent, and its own name', () => {
    const p = resolvePipeline({ name: 'same', extends: 'strict' });
    expect(p).toMatchObject({ name: 'same', hash: loadPipeline('strict').hash, extends: ['strict'] });
  });

  it('turns a stage off with false and back on, in its place, with a bare name', () => {
    const dir = pipelineDir({
      'off.json': { extends: 'default', stages: [['site-template', false], ['language', false]] },
      'on.json': { extends: './off.json', stages: ['language'] },
    });
    expect(names(loadPipeline('off.json', dir))).toEqual(names(base).filter((n) => n !== 'site-template' && n !== 'language'));
    const on = loadPipeline('on.json', dir);
    expect(names(on)).toEqual(names(base).filter((n) => n !== 'site-template'));
    expect(on.extends).toEqual(['./off.json', 'default']);
  });

  it('merges nested options key by key, the child winning', () => {
    const dir = pipelineDir({
      'base.json': { stages: ['decode', 'segment', ['boilerplate', { rules: { related: false }, partShare: 0.4 }]] },
      'child.json': { extends: 'base.json', stages: [['boilerplate', { rules: { tags: false }, partShare: 0.5 }]] },
    });
    const rules = optionsOf(loadPipeline('child.json', dir), 'boilerplate') as { rules: Record<string, boolean>; partShare: number };
    expect(rules.partShare).toBe(0.5);
    expect(Object.entries(rules.rules).filter(([, on]) => !on).map(([rule]) => rule)).toEqual(['tags', 'related']);
  });

  it('adds a stage the parent lacks where it comes in the usual stage order', () => {
    const dir = pipelineDir({
      'small.json': { stages: ['decode', 'segment', 'normalize', 'metadata'] },
      'more.json': { extends: 'small.json', stages: [['dedupe', { exact: false }], 'duplicate-documents', 'language'] },
    });
    const p = loadPipeline('more.json', dir);
    expect(names(p)).toEqual(['decode', 'segment', 'normalize', 'language', 'dedupe', 'metadata', 'duplicate-documents']);
    expect(optionsOf(p, 'dedupe')).toMatchObject({ exact: false, nearDuplicate: 0.6 });
  });

  it('reads a path relative to the extending file, not to the working directory', () => {
    const dir = pipelineDir({
      'shared/base.json': { name: 'base', stages: ['decode', 'segment', ['dedupe', { pullQuote: false }]] },
      'project/pipelines/mine.json': { extends: '../../shared/base.json', stages: [['dedupe', { exact: false }]] },
    });
    const p = loadPipeline(join(dir, 'project/pipelines/mine.json'), tmpdir());
    expect(names(p)).toEqual(['decode', 'segment', 'dedupe']);
    expect(optionsOf(p, 'dedupe')).toMatchObject({ pullQuote: false, exact: false });
    expect(p.extends).toEqual(['../../shared/base.json']);
  });

  it('names the file and the JSON path of a problem in the child or in a parent', () => {
    const dir = pipelineDir({
      'bad-parent.json': { stages: ['decode', 'segment', ['dedupe', { nearDuplicate: 2 }]] },
      'child-of-bad.json': { extends: 'bad-parent.json' },
      'bad-child.json': { extends: 'default', stages: [['dedupe', { nearDuplicat: 0.5 }], 'dedupe'] },
      'orphan.json': { extends: 'missing.json' },
      'typo.json': { extends: 'strickt' },
      'late.json': { extends: 'default', stages: [['metadata', false], 'normalize'] },
    });
    expect(loadIssues('child-of-bad.json', dir)).toEqual([{ path: 'extends "bad-parent.json" → stages[2][1].nearDuplicate', message: expect.stringMatching(/<=1/) }]);
    expect(loadIssues('bad-child.json', dir)).toEqual([{ path: 'stages[0][1]', message: 'unknown option "nearDuplicat"; did you mean "nearDuplicate"?' }]);
    expect(loadIssues('orphan.json', dir)).toEqual([{ path: 'extends', message: 'cannot read pipeline file missing.json: ENOENT' }]);
    expect(loadIssues('typo.json', dir)).toEqual([{ path: 'extends', message: expect.stringMatching(/^unknown pipeline "strickt"; did you mean "strict"\?/) }]);
    expect(names(loadPipeline('late.json', dir))).toEqual(names(base).filter((n) => n !== 'metadata'));
  });

  it('detects cycles, direct and through other files', () => {
    const dir = pipelineDir({
      'self.json': { extends: './self.json' },
      'a.json': { extends: 'b.json', stages: ['dedupe'] },
      'b.json': { extends: 'sub/c.json' },
      'sub/c.json': { extends: '../a.json' },
    });
    expect(loadIssues('self.json', dir)).toEqual([{ path: 'extends', message: 'extends cycle: self.json → ./self.json' }]);
    expect(loadIssues('a.json', dir)).toEqual([
      { path: 'extends "b.json" → extends "sub/c.json" → extends', message: 'extends cycle: a.json → b.json → sub/c.json → ../a.json' },
    ]);
  });

  it('is in the JSON Schema: a file needs "stages" or "extends"', () => {
    const schema = jsonSchemas()['pipeline.schema.json'] as { properties: Record<string, { type?: string }>; anyOf: unknown };
    expect(schema.properties.extends!.type).toBe('string');
    expect(schema.anyOf).toEqual([{ required: ['stages'] }, { required: ['extends'] }]);
  });

  it('checks the merged result: decode and segment first, corpus stages last', () => {
    expect(issuesOf({ extends: 'default', stages: [['segment', false]] })).toEqual([{ path: 'stages', message: expect.stringMatching(/must start with decode, segment/) }]);
  });
});

describe('--set overrides', () => {
  const base = loadPipeline('default');

  it('sets options (JSON values, nested paths), turns stages off and applies after extends, the last one winning', () => {
    const dir = pipelineDir({ 'mine.json': { extends: 'default', stages: [['dedupe', { nearDuplicate: 0.5 }]] } });
    const p = loadPipeline('mine.json', dir, {
      set: ['dedupe.nearDuplicate=0.7', 'boilerplate.rules.related=false', 'site-template=false', 'html-boilerplate={"maxLinkDensity":0.5}', 'dedupe.nearDuplicate=0.8'],
    });
    expect(optionChanges(stageList(base), stageList(p)).map(formatChange)).toEqual([
      'boilerplate.rules.related: true → false',
      'html-boilerplate.maxLinkDensity: 0.8 → 0.5',
      'dedupe.nearDuplicate: 0.6 → 0.8',
      'site-template: on → off',
    ]);
  });

  it('adds a stage the pipeline lacks, like an extending file would', () => {
    const dir = pipelineDir({ 'small.json': { stages: ['decode', 'segment', 'metadata'] } });
    expect(names(loadPipeline('small.json', dir, { set: ['dedupe.exact=false'] }))).toEqual(['decode', 'segment', 'dedupe', 'metadata']);
  });

  it('names each bad override with its path and the closest known name', () => {
    expect(loadIssues('default', '.', ['dedup.exact=false', 'dedupe.nearDuplicat=0.5', 'dedupe.nearDuplicate=2', 'boilerplate.rules.relatd=false', 'dedupe=0.5', 'dedupe.exact="yes"'])).toEqual([
      { path: '--set dedup.exact', message: 'unknown stage "dedup"; did you mean "dedupe"?' },
      { path: '--set dedupe.nearDuplicat', message: 'unknown option "nearDuplicat"; did you mean "nearDuplicate"?' },
      { path: '--set dedupe.nearDuplicate', message: expect.stringMatching(/<=1/) },
      { path: '--set boilerplate.rules.relatd', message: 'unknown option "relatd"; did you mean "related"?' },
      { path: '--set dedupe', message: 'a stage takes true, false or an options object; set one option with stage.option=value' },
      { path: '--set dedupe.exact', message: expect.stringMatching(/expected boolean, received string/) },
    ]);
    expect(loadIssues('default', '.', ['nearDuplicate'])).toEqual([{ path: '--set nearDuplicate', message: 'expected stage.option=value' }]);
  });

  it('the message names the pipeline and every problem on one line', () => {
    expect(() => loadPipeline('strict', '.', { set: ['dedupe.exact=1'] })).toThrow(/^strict: invalid pipeline: --set dedupe.exact: Invalid input: expected boolean, received number$/);
  });
});

describe('option changes and suggestions', () => {
  it('lists the options of a pipeline that differ from the stage defaults', () => {
    const strict = loadPipeline('strict');
    expect(optionChanges(defaultStageList(strict), stageList(strict)).map(formatChange)).toEqual([
      'boilerplate.partShare: 0.3 → 0.5',
      'dedupe.nearDuplicate: 0.6 → 0.5',
      'duplicate-documents.threshold: 0.9 → 0.8',
      'site-template.minDocuments: 4 → 3',
      'site-template.share: 0.5 → 0.4',
    ]);
  });

  it('reports stages turned on or off and a change of order', () => {
    expect(optionChanges([['decode', {}], ['a', {}], ['b', { x: 1 }]], [['decode', {}], ['b', { x: 1 }], ['a', {}], ['c', {}]])).toEqual([
      { path: 'c', before: false, after: true },
      { path: 'order', before: ['decode', 'a', 'b'], after: ['decode', 'b', 'a'] },
    ]);
  });

  it('suggests a close name only', () => {
    expect(closestName('dedup', ['decode', 'dedupe'])).toBe('dedupe');
    expect(closestName('Dedupe', ['dedupe'])).toBe('dedupe');
    expect(closestName('relatd', ['tags', 'related'])).toBe('related');
    expect(closestName('xyz', ['tags'])).toBe(undefined);
    expect(closestName('segmentation', ['segment'])).toBe(undefined);
  });
});
