import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { seededWorkspace } from './review-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await seededWorkspace();
});

const snapshot = (folder: string) => readdirSync(folder).map((f) => [f, statSync(join(folder, f)).mtimeMs, readFileSync(join(folder, f), 'utf8')]);

describe('unboil check', () => {
  it('exits 0 when the outputs are identical, without touching the expected folder', async () => {
    const before = snapshot(join(dir, 'out'));
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('unboil check: 5 documents match out\n');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('fails when a rule threshold changes, naming the document and the rule', async () => {
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'strict-near.json'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^~ seeds\/004_\S+ \(004_\S+\)$/m);
    expect(stdout).toMatch(/\+ newly kept +line \d+ +\[was dedupe\/near-duplicate\] Habibullah Abbas, the chief of public affairs/);
    expect(stdout).toMatch(/^ {2}dedupe\/near-duplicate +1 → 0 \(-1\)$/m);
    expect(stdout).toMatch(/^1 of 5 documents changed$/m);
    expect(stdout).toContain('run with --update to accept it');
    expect(stdout).not.toContain('::error'); // not on GitHub Actions
  });

  it('prints GitHub annotations on GitHub Actions and writes JUnit XML', async () => {
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'no-related.json', '--junit', 'junit.xml'], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=seeds\/003_\S+\.txt,line=57,title=unboil check::unboil output changed for 003_\S+: 6 removed by another rule$/m);
    expect(stdout).toMatch(/^::error file=seeds\/004_\S+\.txt,line=\d+,title=unboil check::.*newly kept \(was boilerplate\/related\)/m);
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="unboil check" tests="5" failures="3">');
    expect(junit).toMatch(/<testcase classname="unboil.check" name="001_\S+"\/>/);
    expect(junit).toMatch(/<testcase classname="unboil.check" name="003_\S+"><failure message="clean output changed">line 57 \[boilerplate\/related → boilerplate\/menu\]: More on this topic/);
  });

  it('--update rewrites the expected folder, after which check passes', async () => {
    expect((await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'strict-near.json', '--update'], dir)).code).toBe(0);
    expect((await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'strict-near.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, readdirSync(join(dir, 'out')).find((f) => f.startsWith('004') && f.endsWith('.txt'))!.replace(/^/, 'out/')), 'utf8')).toContain('Habibullah Abbas');
  });

  it('exits 2 on usage and configuration errors', async () => {
    expect((await runCli(['check', 'seeds'], dir)).code).toBe(2); // --expected is required
    expect(await runCli(['check', 'seeds', '--expected', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'unboil: output folder not found: nope\n' });
    expect((await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'nosuch'], dir)).code).toBe(2);
    expect(await runCli(['check', 'seeds', '--expected', 'seeds'], dir)).toMatchObject({ code: 2, stderr: 'unboil: seeds is not an unboil output folder (no _run.json and no sidecars)\n' });
  });
});
