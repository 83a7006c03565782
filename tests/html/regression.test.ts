import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/engine/clean.js';

const DIR = new URL('../fixtures/html/', import.meta.url);
const entries = JSON.parse(readFileSync(new URL('evaldata.json', DIR), 'utf8')) as Record<string, { url: string; with: string[]; without: string[] }>;
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('real pages (trafilatura evaluation snippets)', () => {
  for (const [name, entry] of Object.entries(entries)) {
    it(name, () => {
      const result = clean(readFileSync(new URL(`${name}.html.gz`, DIR)), { format: 'html', path: `${name}.html.gz`, url: entry.url });
      const text = norm(result.text);
      for (const snippet of entry.with) expect(text, `missing: ${snippet}`).toContain(norm(snippet));
      for (const snippet of entry.without) expect(text, `leaked: ${snippet}`).not.toContain(norm(snippet));
      // Every block is accounted for: kept, or removed with stage, rule and reason.
      for (const block of result.sidecar.blocks) {
        if (!block.kept) expect(block.stage && block.rule && block.reason).toBeTruthy();
      }
    });
  }
});
