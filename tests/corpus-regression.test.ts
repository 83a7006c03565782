// Real pages (HTML and their text dumps) from the evaluation corpus, with the
// snippets that must and must not survive cleaning: a guard against rule
// changes that quietly lose article text or let boilerplate back in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
const pipeline = loadPipeline('default');

for (const format of ['html', 'text'] as const) {
  const snippets: Record<string, { url: string; with: string[]; without: string[] }> = JSON.parse(readFileSync(`${FIXTURES}${format}/snippets.json`, 'utf8'));
  describe(`${format} regression pages`, () => {
    for (const [file, entry] of Object.entries(snippets)) {
      it(`${file}: keeps the article snippets and drops the boilerplate ones`, () => {
        const bytes = readFileSync(`${FIXTURES}${format}/${file}.${format === 'html' ? 'html' : 'txt'}.gz`);
        const out = norm(clean(bytes, { pipeline, format, path: file }).text);
        expect(entry.with.filter((s) => !out.includes(norm(s))), 'lost article text').toEqual([]);
        expect(entry.without.filter((s) => out.includes(norm(s))), 'kept boilerplate').toEqual([]);
      });
    }
  });
}
