/**
 * Property-based fuzzing of clean() (issue 14). The suite runs a short,
 * fixed-seed pass; `npm run fuzz -- --runs N [--seed S] [--scale K]` runs the
 * same properties long (scripts/fuzz.js sets the environment read here) and
 * prints the failing case shrunk.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { hostileBytes, hostileHtml, hostileText, type HostileInput } from './fuzz/hostile.js';
import { checkHostile } from './fuzz/properties.js';

const long = process.env.UNBOIL_FUZZ_RUNS !== undefined;
const seed = Number(process.env.UNBOIL_FUZZ_SEED ?? 20261203);
const scale = Number(process.env.UNBOIL_FUZZ_SCALE ?? (long ? 2000 : 120));
/** Per-case budget of one clean(): generous, the machine is shared; a super-linear case on these sizes takes far longer. */
const budgetMs = Number(process.env.UNBOIL_FUZZ_BUDGET_MS ?? 5000);

const families: Array<[string, fc.Arbitrary<HostileInput>, number]> = [
  ['text dumps', hostileText(scale), 450],
  ['HTML pages', hostileHtml(scale), 450],
  ['bytes (random, invalid UTF-8, UTF-16, magic numbers)', hostileBytes(scale), 300],
];

/** The long run's UNBOIL_FUZZ_RUNS is a total, shared among the families in the proportions of the short run. */
const shortTotal = families.reduce((n, [, , runs]) => n + runs, 0);

describe('fuzz: clean() on hostile input', () => {
  for (const [name, arbitrary, shortRuns] of families) {
    const numRuns = long ? Math.ceil((Number(process.env.UNBOIL_FUZZ_RUNS) * shortRuns) / shortTotal) : shortRuns;
    it(`${name}: returns or throws InputError, valid sidecar, blocks partitioned, no literal tags, deterministic, time-bounded (${numRuns} cases)`, () => {
      fc.assert(
        fc.property(arbitrary, (h) => {
          checkHostile(h, budgetMs);
        }),
        { seed, numRuns },
      );
    }, long ? 0 : 60_000);
  }
});
