import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tree } from '../helpers/files.js';
import { SEEDS } from '../helpers/seeds.js';

const ARTICLE = [
  'Bridge repairs approved',
  '',
  'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.',
  '',
  'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost.',
  '',
  'Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.',
  '',
].join('\n');

describe('check and diff name what changed', () => {
  it('lists the blocks an edited input gained, with the rule that removed them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-check-related-'));
    mkdirSync(join(dir, 'scrapes'));
    writeFileSync(join(dir, 'scrapes/bridge.txt'), ARTICLE);
    expect((await runCli(['run', 'scrapes', '--out', 'clean', '--quiet'], dir)).code).toBe(0);
    // The site starts adding a "Related Posts" box under its articles.
    writeFileSync(join(dir, 'scrapes/bridge.txt'), `${ARTICLE}\nRelated Posts\n\nCouncil votes on new parking rules\n\nRiver festival returns in June\n`);
    const { code, stdout } = await runCli(['check', 'scrapes', '--expected', 'clean', '--no-color'], dir);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('~ scrapes/bridge.txt (bridge)');
    expect(lines.filter((l) => l.startsWith('  + new block'))).toEqual([
      expect.stringMatching(/^ {2}\+ new block {6}line 9 {2}\[boilerplate\/related\] Related Posts {2}\S/),
      expect.stringMatching(/^ {2}\+ new block {6}line 11 {2}\[boilerplate\/related\] Council votes on new parking rules {2}\S/),
      expect.stringMatching(/^ {2}\+ new block {6}line 13 {2}\[boilerplate\/related\] River festival returns in June {2}\S/),
    ]);
    expect(stdout).not.toContain('counterpart');
    expect(stdout).toMatch(/^ {2}boilerplate\/related +0 → 3 \(\+3\)$/m);
  }, 120_000);

  it('names the option that --set or an "extends" pipeline changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-check-options-'));
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    expect((await runCli(['run', 'seeds', '--out', 'out', '--quiet'], dir)).code).toBe(0);
    const set = await runCli(['check', 'seeds', '--expected', 'out', '--set', 'dedupe.nearDuplicate=0.5', '--no-color'], dir);
    expect(set.code).toBe(1);
    expect(set.stdout).toMatch(/^~ pipeline default@[0-9a-f]{8} → default@[0-9a-f]{8}\n {4}dedupe\.nearDuplicate: 0\.\d+ → 0\.5\n/);

    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ name: 'mine', extends: 'default', stages: [['boilerplate', { shortPenalty: 1000 }]] }));
    const extended = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'mine.json', '--no-color'], dir);
    expect(extended.code).toBe(1);
    expect(extended.stdout).toMatch(/^~ pipeline default@[0-9a-f]{8} → mine@[0-9a-f]{8}\n {4}boilerplate\.shortPenalty: 100 → 1000\n(?! {4})/);
    // run takes --set too: outputs made with an override check clean with the same override.
    expect((await runCli(['run', 'seeds', '--out', 'out-set', '--quiet', '--set', 'dedupe.nearDuplicate=0.5'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out-set/_run.json'), 'utf8')).pipeline.hash).not.toBe(JSON.parse(readFileSync(join(dir, 'out/_run.json'), 'utf8')).pipeline.hash);
    expect(await runCli(['check', 'seeds', '--expected', 'out-set', '--set', 'dedupe.nearDuplicate=0.5'], dir)).toEqual({ code: 0, stdout: 'unboil check: 5 documents match out-set\n', stderr: '' });
  }, 120_000);

  it('--out writes the new outputs for CI artifacts, exactly as run would, and leaves the expected folder alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-check-out-'));
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    expect((await runCli(['run', 'seeds', '--out', 'out', '--quiet'], dir)).code).toBe(0);
    const before = tree(join(dir, 'out'));
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--set', 'dedupe.nearDuplicate=0.5', '--out', 'reports/new', '--no-color'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('unboil check: outputs differ from out');
    expect(tree(join(dir, 'out'))).toEqual(before);
    // Made at the same depth as reports/new, so that the input root, recorded relative to the output folder, is the same.
    expect((await runCli(['run', 'seeds', '--out', 'reports/fresh', '--quiet', '--set', 'dedupe.nearDuplicate=0.5'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reports/new/_run.json'), 'utf8')).roots).toEqual(['../../seeds']);
    expect(tree(join(dir, 'reports/new'))).toEqual(tree(join(dir, 'reports/fresh')));
    expect((await runCli(['report', 'reports/new', '--html', 'reports/report.html'], dir)).code).toBe(0);
    expect(await runCli(['check', 'seeds', '--expected', 'out', '--out', 'out'], dir)).toEqual({ code: 2, stdout: '', stderr: 'unboil: --out out is the expected folder: use --update to rewrite it\n' });
    expect((await runCli(['check', 'seeds', '--expected', 'out', '--out', 'x', '--update'], dir)).code).toBe(2);
    expect(tree(join(dir, 'out'))).toEqual(before);
  }, 120_000);
});
