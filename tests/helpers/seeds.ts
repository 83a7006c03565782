import { readdirSync, readFileSync } from 'node:fs';
import { clean } from '../../src/engine/clean.js';
import type { Cleaned } from '../../src/engine/sidecar.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SEEDS = `${ROOT}seeds/`;

/** The seed file whose name starts with `prefix` ("003"). */
export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return `${SEEDS}${name}`;
}

/** Cleans a seed with the default pipeline (document stages only). */
export function cleanSeed(prefix: string): Cleaned {
  const path = seedPath(prefix);
  return clean(readFileSync(path), { path: `seeds/${path.split('/').pop()}` });
}

/** The sidecar block holding exactly this text (first match), for asserting its fate. */
export function blockWithText(cleaned: Cleaned, text: string) {
  const block = cleaned.sidecar.blocks.find((b) => b.text === text);
  if (!block) throw new Error(`no block with text ${JSON.stringify(text)}`);
  return block;
}

/** The blocks whose text is exactly `text`, with their fate (kept, or stage/rule). */
export function fates(cleaned: Cleaned, text: string): string[] {
  return cleaned.sidecar.blocks.filter((b) => b.text === text).map((b) => (b.kept ? 'kept' : `${b.stage}/${b.rule}`));
}

/** How many times `needle` occurs in `haystack`. */
export const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
