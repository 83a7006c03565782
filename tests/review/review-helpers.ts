import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { SEEDS } from '../helpers/seeds.js';

/** A temp folder with a copy of seeds/ cleaned into out/ (and pipelines to break it). */
export async function seededWorkspace(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-review-'));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  const { code } = await runCli(['run', 'seeds', '--out', 'out'], dir);
  if (code !== 0) throw new Error('could not clean the seeds');
  // The default pipeline with the related-content rule family turned off.
  writeFileSync(
    join(dir, 'no-related.json'),
    JSON.stringify({
      stages: ['decode', 'segment', 'normalize', 'language', 'html-metadata', 'html-boilerplate', ['boilerplate', { rules: { related: false } }], 'byline', 'dedupe', 'metadata', 'duplicate-documents', 'site-template'],
    }),
  );
  // A threshold change: near-duplicates only when every sentence matches.
  writeFileSync(
    join(dir, 'strict-near.json'),
    JSON.stringify({
      stages: ['decode', 'segment', 'normalize', 'language', 'html-metadata', 'html-boilerplate', 'boilerplate', 'byline', ['dedupe', { nearDuplicate: 1 }], 'metadata', 'duplicate-documents', 'site-template'],
    }),
  );
  return dir;
}
