import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { favorSettings } from '../src/config/favor.js';
import { runCli } from './helpers/cli.js';

// An article, a run of short lines, then one prose paragraph: whether it joins the main text is the borderline call.
const FERRY = 'The ferry that crossed the river before the bridge was built ran for almost a century, and its landing stage can still be seen below the mill.';
const DUMP = [
  'The river town keeps its old bridge',
  'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.',
  'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.',
  'Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.',
  'Photos\nMaps\nArchive',
  FERRY,
].join('\n\n');

describe('--favor precision|recall', () => {
  it('keeps a borderline paragraph with recall and removes it with precision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-favor-'));
    writeFileSync(join(dir, 'dump.txt'), `${DUMP}\n`);
    const recall = await runCli(['run', 'dump.txt', '--stdout', '--favor', 'recall'], dir);
    const precision = await runCli(['run', 'dump.txt', '--stdout', '--favor', 'precision'], dir);
    expect(recall.code).toBe(0);
    expect(recall.stdout).toContain(FERRY);
    expect(precision.stdout).not.toContain(FERRY);
    expect(precision.stdout).toContain('The council decided on Tuesday');
    const json = JSON.parse((await runCli(['diff', 'dump.txt', '--json', '--favor', 'precision'], dir)).stdout);
    const ferry = json[0].blocks.find((b: { text: string }) => b.text === FERRY);
    expect(ferry).toMatchObject({ kept: false, stage: 'boilerplate', rule: 'outside-main' });
  }, 60_000);

  it('is an overlay of stage options: the hash changes, validate lists them, and --set still wins', async () => {
    const base = loadPipeline('default');
    const recall = loadPipeline('default', '.', { set: [...favorSettings('recall')] });
    expect(recall.hash).not.toBe(base.hash);
    const options = (p: typeof base, stage: string) => p.stages.find((s) => s.stage.name === stage)!.options as Record<string, unknown>;
    expect(options(recall, 'html-boilerplate')).toMatchObject({ keepOutsideProse: true, maxLinkDensity: 0.95 });
    expect(options(recall, 'boilerplate')).toMatchObject({ keepOutsideProse: true, partShare: 0.15 });
    const validate = await runCli(['validate', 'default', '--favor', 'precision', '--set', 'dedupe.nearDuplicate=0.4'], '.');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('  boilerplate.partShare = 0.5 (default 0.3)\n');
    expect(validate.stdout).toContain('  html-boilerplate.maxLinkDensity = 0.5 (default 0.8)\n');
    expect(validate.stdout).toContain('  dedupe.nearDuplicate = 0.4 (default 0.6)\n');
    expect((await runCli(['validate', 'default', '--favor', 'speed'], '.')).code).toBe(2);
  });
});
