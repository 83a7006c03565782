// output/ is the committed result of `unboil run seeds --out output`. When a
// cleaning change alters it, this test fails and shows the diff: regenerate
// with `node bin/unboil.js run seeds --out output` and review the change.
import { readdirSync, readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { collect } from './helpers/collect.js';
import { toJson } from '../src/engine/write.js';
import { ROOT } from './helpers/seeds.js';

describe('committed output/', () => {
  it('is what the default pipeline makes of seeds/ today', async () => {
    const run = await runPipeline({ inputs: ['seeds'], cwd: ROOT, concurrency: 2 });
    const { summary } = run;
    const results = await collect(run.results);
    // .unboil/ is the run's state (git-ignored), not output.
    const committed = readdirSync(`${ROOT}output`).filter((f) => f !== '.unboil').sort();
    const expected = [...results.flatMap((r) => [`${r.output}.json`, `${r.output}.txt`]), '_run.json'].sort();
    expect(committed).toEqual(expected);
    const patches: string[] = [];
    for (const r of results) {
      const now = r.text;
      const before = readFileSync(`${ROOT}output/${r.output}.txt`, 'utf8');
      if (now !== before) patches.push(createTwoFilesPatch(`output/${r.output}.txt`, `now/${r.output}.txt`, before, now));
    }
    expect(patches.join('\n'), 'output/ is stale: run `node bin/unboil.js run seeds --out output` and review the diff').toBe('');
    // The roots are relative to the output folder: the committed one is output/, this run's a temporary folder.
    const committedSummary = JSON.parse(readFileSync(`${ROOT}output/_run.json`, 'utf8'));
    expect(committedSummary.roots).toEqual(['../seeds']);
    expect({ ...committedSummary, roots: null }).toEqual({ ...JSON.parse(toJson(summary)), roots: null });
  });
});
