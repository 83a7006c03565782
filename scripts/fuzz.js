#!/usr/bin/env node
// npm run fuzz -- [--runs 100000] [--seed N] [--scale K] [--budget MS] [--family NAME]
//
// The long run of the property-based fuzzer: the same properties and
// generators as the suite's short fixed-seed run (tests/fuzz.test.ts), with
// --runs cases in all, shared among the input families (text dumps, HTML
// pages, bytes) as in the short run, larger
// sizes (--scale, default 2000) and a random seed unless --seed is given.
// fast-check prints the failing case shrunk, with the seed and path that
// replay it (pass them back with --seed). --family runs one family only
// ("text dumps", "HTML pages", "bytes"), with its share of --runs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { scriptArgs } from '../bench/lib/script-args.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    scale: { type: 'string', default: '2000' },
    budget: { type: 'string', default: '10000' },
    family: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');
console.log(`fuzz: ${values.runs} cases, seed ${values.seed}, scale ${values.scale}, budget ${values.budget} ms per clean()`);
const started = Date.now();
const result = spawnSync(process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/fuzz.test.ts', ...(values.family ? ['-t', values.family] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    UNBOIL_FUZZ_RUNS: values.runs,
    UNBOIL_FUZZ_SEED: values.seed,
    UNBOIL_FUZZ_SCALE: values.scale,
    UNBOIL_FUZZ_BUDGET_MS: values.budget,
  },
});
console.log(`fuzz: ${result.status === 0 ? 'no failure' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${values.seed})`);
process.exit(result.status ?? 1);
