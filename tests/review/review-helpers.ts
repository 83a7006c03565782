import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sidecar } from '../../src/model/sidecar.js';
import { runCli } from '../helpers/cli.js';
import { ROOT, SEEDS } from '../helpers/seeds.js';

type StageEntry = string | [string, Record<string, unknown>] | false;

/**
 * The shipped default pipeline with one stage's options changed. Derived
 * from pipelines/default.json rather than copied, so that a stage added to
 * the default later does not show up as a difference in these tests.
 */
export function defaultWith(stage: string, options: Record<string, unknown>, name: string): object {
  const base = JSON.parse(readFileSync(join(ROOT, 'pipelines', 'default.json'), 'utf8')) as { stages: StageEntry[] };
  let found = false;
  const stages = base.stages.map((entry) => {
    const [n, opts] = typeof entry === 'string' ? [entry, {}] : Array.isArray(entry) ? entry : [null, {}];
    if (n !== stage) return entry;
    found = true;
    return [n, { ...opts, ...options }];
  });
  if (!found) throw new Error(`the default pipeline has no stage ${stage}`);
  return { name, stages };
}

/** A temp folder with a copy of seeds/ cleaned into out/, and pipelines to break it. */
export async function seededWorkspace(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-review-'));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  const { code } = await runCli(['run', 'seeds', '--out', 'out'], dir);
  if (code !== 0) throw new Error('could not clean the seeds');
  // A rule family turned off: seed 004's "Tags :" line loses its rule.
  writeFileSync(join(dir, 'no-tags.json'), JSON.stringify(defaultWith('boilerplate', { rules: { tags: false } }, 'no-tags')));
  // A threshold change: non-prose blocks inside the main text cost thirty times more, so it splits readily.
  writeFileSync(join(dir, 'high-penalty.json'), JSON.stringify(defaultWith('boilerplate', { shortPenalty: 3000 }, 'high-penalty')));
  // The default pipeline under another name: same cleaning, other provenance.
  writeFileSync(join(dir, 'renamed.json'), JSON.stringify(defaultWith('dedupe', {}, 'renamed')));
  return dir;
}

export interface OutputDoc {
  name: string;
  text: string;
  sidecar: Sidecar;
}

/** The documents of an output folder, read plainly (not with the code under test). */
export function outputDocs(dir: string): OutputDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== '_run.json')
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      text: readFileSync(join(dir, f.replace(/\.json$/, '.txt')), 'utf8'),
      sidecar: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Sidecar,
    }));
}

/** The output document of one seed ("004"). */
export const docOf = (docs: OutputDoc[], prefix: string): OutputDoc => {
  const doc = docs.find((d) => d.name.startsWith(prefix));
  if (!doc) throw new Error(`no output for seed ${prefix}`);
  return doc;
};

/** Removals per rule over a whole output folder, from its _run.json. */
export const removedBy = (dir: string): Record<string, number> =>
  (JSON.parse(readFileSync(join(dir, '_run.json'), 'utf8')) as { totals: { removedBy: Record<string, number> } }).totals.removedBy;

/** Escapes a string for use inside a RegExp. */
export const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
