import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { collect } from './helpers/collect.js';

const ARTICLES = [
  'Farmers in the valley began the harvest early this year because the summer was unusually warm and dry.',
  'The new library opens on Monday with a reading room, a children’s corner and a small café near the entrance.',
  'Engineers inspected the old bridge after the storm and found cracks in two of the supporting pillars.',
  'A local choir won the regional competition with a programme of folk songs arranged by its conductor.',
];

function corpus(docs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-corpus-'));
  for (const [name, text] of Object.entries(docs)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('corpus stages', () => {
  it('site-template removes a block that recurs on most pages of a site', async () => {
    const footer = 'The Valley Gazette is printed by the Valley Press Company in Riverside and delivered every morning.';
    const docs = Object.fromEntries(
      ARTICLES.map((a, k) => [`page${k}.txt`, `valleygazette.example\n\nStory Number ${k}\n\n${a} ${a}\n\n${footer}\n`]),
    );
    const { results } = await runPipeline({ inputs: [corpus(docs)] });
    for await (const r of results) {
      expect(r.text).not.toContain('The Valley Gazette is printed');
      expect(r.sidecar.stats.removedBy['corpus/site-template']).toBe(1);
    }
  });

  it('duplicate-documents drops the later copy of an article and keeps the first', async () => {
    const story = ARTICLES.join(' ');
    const { results } = await runPipeline({ inputs: [corpus({ 'a.txt': `Harvest Report\n\n${story}\n`, 'b.txt': `Harvest Report\n\n${story}\n`, 'c.txt': `Other News\n\n${ARTICLES[1]}\n` })] });
    const byName = Object.fromEntries((await collect(results)).map((r) => [r.output, r]));
    expect(byName.a!.text).toContain('Farmers in the valley');
    expect(byName.b!.text).toBe('');
    expect(byName.b!.sidecar.stats.removedBy['corpus/duplicate-document']).toBe(2);
    expect(byName.c!.text).toContain('The new library opens');
  });
});
