import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** A project folder with one text dump ending in a "Related Posts" list, and pipeline files. */
function project(pipelines: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-cli-pipe-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(
    join(dir, 'in/post.txt'),
    [
      'Why Cities Plant Trees Along Busy Streets',
      'City planners have long argued that trees along busy streets do more than make a neighbourhood pleasant to walk through, because they cool the pavement and slow the traffic.',
      'A study published last year measured the temperature of streets with and without trees during a summer heat wave, and found differences of several degrees at noon.',
      'The authors also counted the number of pedestrians on each street and found that shaded streets drew more people on foot, especially in the afternoon.',
      'Related Posts',
      'How Parks Change the Way Children Play\nThe Quiet Return of the Neighbourhood Bakery\nFive Bridges That Changed Their Cities',
    ].join('\n\n') + '\n',
  );
  for (const [name, json] of Object.entries(pipelines)) writeFileSync(join(dir, name), JSON.stringify(json));
  return dir;
}

const rulesOf = (stdout: string) => [...stdout.matchAll(/\[([\w-]+\/[\w-]+)\]/g)].map((m) => m[1]);

describe('--set and extends on the command line', () => {
  it('validate prints the resolved stages, what a file extends and the options that differ from the defaults', async () => {
    const dir = project({ 'mine.json': { extends: 'default', stages: [['dedupe', { nearDuplicate: 0.5 }], ['site-template', false]] } });
    const { code, stdout, stderr } = await runCli(['validate', 'mine.json', '--set', 'boilerplate.rules.related=false'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'mine.json: ok (pipeline "mine", extends default, decode → segment → normalize → language → boilerplate → html-boilerplate → byline → dedupe → html-metadata → metadata → duplicate-documents)',
    );
    expect(lines[1]).toMatch(/^ {2}hash [0-9a-f]{12}; options that differ from the stage defaults:$/);
    expect(lines.slice(2)).toEqual(['  boilerplate.rules.related = false (default true)', '  dedupe.nearDuplicate = 0.5 (default 0.6)', '']);
    const plain = await runCli(['validate', 'default'], dir);
    expect(plain.stdout.split('\n')[1]).toMatch(/^ {2}hash [0-9a-f]{12}; every option at its default$/);
  });

  it('validate names every bad override and misspelt name, exit 2', async () => {
    const dir = project({ 'typo.json': { extends: 'strickt', stages: ['dedup'] } });
    const bad = await runCli(['validate', 'default', '--set', 'dedupe.nearDuplicat=0.5', '--set', 'boilerplate.rules.relatd=false'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'default: invalid\n  --set dedupe.nearDuplicat: unknown option "nearDuplicat"; did you mean "nearDuplicate"?\n  --set boilerplate.rules.relatd: unknown option "relatd"; did you mean "related"?\n',
    );
    const typo = await runCli(['validate', 'typo.json'], dir);
    expect(typo.stderr).toBe('typo.json: invalid\n  stages[0]: unknown stage "dedup"; did you mean "dedupe"?\n');
    const parent = await runCli(['validate', 'typo.json'.replace('typo', 'nope'), 'strickt'], dir);
    expect(parent.stderr).toBe('nope.json: cannot read pipeline file nope.json: ENOENT\nstrickt: unknown pipeline "strickt"; did you mean "strict"? (built-in: default, strict; give a path to use your own file)\n');
    const syntax = await runCli(['validate', 'default', '--set', 'nearDuplicate'], dir);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/option '--set <stage.option=value>' argument 'nearDuplicate' is invalid. expected stage.option=value/);
  });

  it('diff cleans inputs in memory with the overrides', async () => {
    const dir = project({ 'no-related.json': { extends: 'default', stages: [['boilerplate', { rules: { related: false } }]] } });
    const before = await runCli(['diff', 'in'], dir);
    expect(rulesOf(before.stdout)).toEqual(Array(4).fill('boilerplate/related'));
    const set = await runCli(['diff', 'in', '--set', 'boilerplate.rules.related=false'], dir);
    expect(rulesOf(set.stdout)).toEqual(Array(4).fill('boilerplate/navigation'));
    const file = await runCli(['diff', 'in', '--pipeline', 'no-related.json'], dir);
    expect(file.stdout).toBe(set.stdout);
    const typo = await runCli(['diff', 'in', '--rule', 'relatd'], dir);
    expect(typo.stderr).toBe('unboil diff: no block removed by rule relatd in 1 documents; did you mean "related"?\n');
  });

  it('warns about a deprecated rule id in a pipeline file and still applies it', async () => {
    const dir = project({ 'old.json': { extends: 'default', stages: [['boilerplate', { rules: { menu: false } }]] } });
    const valid = await runCli(['validate', 'old.json'], dir);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toBe('unboil: warning: old.json: boilerplate.rules.menu is deprecated: use "navigation"\n');
    const diff = await runCli(['diff', 'in', '--pipeline', 'old.json', '--set', 'boilerplate.rules.related=false'], dir);
    expect(diff.stderr).toBe('unboil: warning: old.json: boilerplate.rules.menu is deprecated: use "navigation"\n');
    expect(rulesOf(diff.stdout)).not.toContain('boilerplate/navigation');
  });

  it('check compares with the overrides applied, and refuses a bad one before cleaning', async () => {
    const dir = project();
    expect((await runCli(['run', 'in', '--out', 'out', '--quiet'], dir)).code).toBe(0);
    expect((await runCli(['check', 'in', '--expected', 'out'], dir)).code).toBe(0);
    const changed = await runCli(['check', 'in', '--expected', 'out', '--set', 'boilerplate.rules.related=false'], dir);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^~ pipeline default@[0-9a-f]{8} → default@[0-9a-f]{8}\n/);
    expect(changed.stdout.match(/\[boilerplate\/related → boilerplate\/navigation\]/g)).toHaveLength(4);
    const bad = await runCli(['check', 'in', '--expected', 'out', '--set', 'dedupe.exact=maybe'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('unboil: default: invalid pipeline: --set dedupe.exact: Invalid input: expected boolean, received string\n');
  });
});
