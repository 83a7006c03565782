import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seeds.js';

const BIN = join(ROOT, 'bin/unboil.js');
const unboil = (args: string[], cwd: string) => spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8' });

const BRIDGE = [
  'Bridge repairs approved',
  '',
  'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate about the cost.',
  '',
  'Work is expected to begin in the autumn, when the water is low and the river traffic is light enough for the barges to wait.',
  '',
].join('\n');

/** A project folder holding scrapes/ (one text dump in a subfolder) and the outputs of `cd proj && unboil run scrapes --out clean`. */
function project(): { base: string; proj: string } {
  const base = mkdtempSync(join(tmpdir(), 'unboil-cwd-'));
  const proj = join(base, 'proj');
  mkdirSync(join(proj, 'scrapes/news'), { recursive: true });
  writeFileSync(join(proj, 'scrapes/news/bridge.txt'), BRIDGE);
  const run = unboil(['run', 'scrapes', '--out', 'clean', '--quiet'], proj);
  expect(run.status, run.stderr).toBe(0);
  return { base, proj };
}

describe('outputs do not depend on the working directory of run', () => {
  it('records source paths relative to the input root and the root relative to the output folder', () => {
    const { proj } = project();
    const sidecar = JSON.parse(readFileSync(join(proj, 'clean/news/bridge.json'), 'utf8'));
    expect(sidecar.source.path).toBe('news/bridge.txt');
    expect(sidecar.source.root).toBe(0);
    const summary = JSON.parse(readFileSync(join(proj, 'clean/_run.json'), 'utf8'));
    expect(summary.roots).toEqual(['../scrapes']);
    expect(summary.format).toBeNull();
    expect(summary.pipeline.stages.find(([name]: [string]) => name === 'dedupe')[1].nearDuplicate).toBe(0.6);
  }, 60_000);

  it('cd /tmp && unboil check proj/scrapes --expected proj/clean passes on outputs made by cd proj && unboil run scrapes --out clean', () => {
    const { base, proj } = project();
    const check = unboil(['check', 'proj/scrapes', '--expected', 'proj/clean', '--no-color'], base);
    expect({ status: check.status, stdout: check.stdout, stderr: check.stderr }).toEqual({ status: 0, stdout: 'unboil check: 1 documents match proj/clean\n', stderr: '' });
    // From inside the output folder's parent's parent, with absolute paths too.
    const abs = unboil(['check', join(proj, 'scrapes'), '--expected', join(proj, 'clean'), '--no-color'], tmpdir());
    expect(abs.status, abs.stdout).toBe(0);
  }, 60_000);

  it('a re-run from another working directory finds every output up to date and rewrites nothing', () => {
    const { base, proj } = project();
    const before = readFileSync(join(proj, 'clean/news/bridge.json'), 'utf8');
    const again = unboil(['run', 'proj/scrapes', '--out', 'proj/clean'], base);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 up to date');
    expect(readFileSync(join(proj, 'clean/news/bridge.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('names the changed document by its path from the working directory, through the roots _run.json records', () => {
    const { base, proj } = project();
    writeFileSync(join(proj, 'scrapes/news/bridge.txt'), BRIDGE.replace('Work is expected', 'Related Posts\n\nWork is expected'));
    const check = unboil(['check', 'proj/scrapes', '--expected', 'proj/clean', '--no-color'], base);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('~ proj/scrapes/news/bridge.txt (news/bridge)');
    const ci = spawnSync('node', [BIN, 'check', 'proj/scrapes', '--expected', 'proj/clean', '--no-color'], { cwd: base, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
    expect(ci.stdout).toMatch(/::error file=proj\/scrapes\/news\/bridge\.txt,line=\d+/);
  }, 60_000);

  it('check reuses the format _run.json records (outputs of run --format html need no --format)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-cwd-format-'));
    mkdirSync(join(dir, 'scrapes'));
    writeFileSync(
      join(dir, 'scrapes/page.text'),
      '<div class="post"><h1>Bridge repairs</h1><p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate.</p></div>',
    );
    expect(unboil(['run', 'scrapes', '--out', 'clean', '--format', 'html', '--quiet'], dir).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'clean/_run.json'), 'utf8')).format).toBe('html');
    const check = unboil(['check', 'scrapes', '--expected', 'clean', '--no-color'], dir);
    expect({ status: check.status, stdout: check.stdout }).toEqual({ status: 0, stdout: 'unboil check: 1 documents match clean\n' });
  }, 60_000);
});
