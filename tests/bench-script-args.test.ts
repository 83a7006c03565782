// The scripts' command line (bench/lib/script-args.js): every benchmark and
// maintenance script answers --help with its usage comment and a bad option
// with one line and exit code 2, not a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the benchmark, no types
import { usageOf } from '../bench/lib/script-args.js';

const run = (...args: string[]) => spawnSync(process.execPath, ['bench/speed.js', ...args], { encoding: 'utf8' });

describe('script arguments', () => {
  it('reads the usage from the leading comment, after a shebang, up to the first code line', () => {
    const source = '#!/usr/bin/env node\n// npm run x [-- --n N]\n//\n// Does x.\nimport a from "a";\n// not usage\n';
    expect(usageOf(source)).toBe('npm run x [-- --n N]\n\nDoes x.');
  });

  it('prints the usage for --help and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('npm run bench:speed [-- [--pages N] [--threads 1,2] [folder]]');
    expect(r.stdout).toContain('@mozilla/readability on linkedom');
  });

  it('names an unknown option in one line, shows the synopsis and exits 2', () => {
    const r = run('--pagez', '3');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^speed\.js: Unknown option '--pagez'/);
    expect(lines).toContain('npm run bench:speed [-- [--pages N] [--threads 1,2] [folder]]');
    expect(r.stderr).not.toContain('    at ');
  });
});
