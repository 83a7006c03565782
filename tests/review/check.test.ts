// `unboil check`. The cleaning rules keep changing, so expectations come from
// the output folders themselves (read plainly here, not with src/review), and
// only a few stable removals are named: seed 004's "Tags :" (boilerplate/tags).
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { outputDocs, re, removedBy, seededWorkspace, type OutputDoc } from './review-helpers.js';

/** Output files (not the run's state folder .unboil/). */
const outputFiles = (folder: string) => readdirSync(folder).filter((f) => f !== '.unboil').sort();
const snapshot = (folder: string) => outputFiles(folder).map((f) => [f, statSync(join(folder, f)).mtimeMs, readFileSync(join(folder, f), 'utf8')]);
const files = (folder: string) => outputFiles(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]);
const fate = (b: OutputDoc['sidecar']['blocks'][number]) => (b.kept ? 'kept' : `${b.stage}/${b.rule}`);

/** Documents whose text or block fates differ between two output folders (same inputs, same segmentation). */
function changedBetween(a: OutputDoc[], b: OutputDoc[]): string[] {
  return a.filter((d, k) => d.text !== b[k]!.text || d.sidecar.blocks.some((x, i) => fate(x) !== fate(b[k]!.sidecar.blocks[i]!))).map((d) => d.name);
}

describe('unboil check (read-only)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seededWorkspace();
  });

  it('exits 0 when the outputs are identical, without touching the expected folder', async () => {
    const before = snapshot(join(dir, 'out'));
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('unboil check: 5 documents match out\n');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('fails when a rule is turned off, naming the document and the rule', async () => {
    const before = snapshot(join(dir, 'out'));
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'no-tags.json'], dir);
    expect(code).toBe(1);
    const doc004 = outputDocs(join(dir, 'out')).find((d) => d.name.startsWith('004_'))!;
    expect(stdout).toContain(`~ seeds/${doc004.sidecar.source.path} (${doc004.name})\n`);
    // "Tags :" is kept now, or another rule catches it: either way the old rule is named.
    expect(stdout).toMatch(/(\+ newly kept +line \d+ +\[was boilerplate\/tags\]|~ other rule +line \d+ +\[boilerplate\/tags → [a-z-]+\/[a-z-]+\]) Tags :$/m);
    const n = removedBy(join(dir, 'out'))['boilerplate/tags']!;
    expect(n).toBeGreaterThan(0);
    expect(stdout).toMatch(new RegExp(`^ {2}boilerplate/tags +${n} → 0 \\(-${n}\\)$`, 'm'));
    expect(stdout).toMatch(/^~ pipeline default@[0-9a-f]{8} → no-tags@[0-9a-f]{8}$/m);
    expect(stdout).toContain('unboil check: outputs differ from out; review the diff above, then run with --update to accept it\n');
    expect(stdout).not.toContain('::error'); // not on GitHub Actions
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('fails when a threshold changes: every changed document, newly removed block and rule total is shown', async () => {
    expect((await runCli(['run', 'seeds', '--out', 'out-penalty', '--pipeline', 'high-penalty.json'], dir)).code).toBe(0);
    const [was, now] = [outputDocs(join(dir, 'out')), outputDocs(join(dir, 'out-penalty'))];
    const changed = changedBetween(was, now);
    expect(changed.length, 'shortPenalty 3000 should change at least one seed').toBeGreaterThan(0);

    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'high-penalty.json'], dir);
    expect(code).toBe(1);
    for (const [k, d] of was.entries()) {
      const header = `~ seeds/${d.sidecar.source.path} (${d.name})\n`;
      if (!changed.includes(d.name)) {
        expect(stdout).not.toContain(header);
        continue;
      }
      expect(stdout).toContain(header);
      for (const [i, b] of now[k]!.sidecar.blocks.entries()) {
        if (b.kept || !d.sidecar.blocks[i]!.kept) continue;
        expect(stdout).toMatch(new RegExp(`- newly removed +line ${b.line} +\\[${re(fate(b))}\\] ${re(b.text.slice(0, 60))}`));
      }
    }
    const [a, b] = [removedBy(join(dir, 'out')), removedBy(join(dir, 'out-penalty'))];
    for (const rule of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const [x, y] = [a[rule] ?? 0, b[rule] ?? 0];
      const line = new RegExp(`^ {2}${re(rule)} +${x} → ${y} \\(${y > x ? '\\+' : '-'}${Math.abs(y - x)}\\)$`, 'm');
      if (x === y) expect(stdout).not.toMatch(new RegExp(`^ {2}${re(rule)} `, 'm'));
      else expect(stdout).toMatch(line);
    }
    expect(stdout).toMatch(new RegExp(`^${changed.length} of 5 documents changed$`, 'm'));
  });

  it('on GitHub Actions prints one annotation per changed document; --junit writes one test case per document', async () => {
    expect((await runCli(['run', 'seeds', '--out', 'out-notags', '--pipeline', 'no-tags.json'], dir)).code).toBe(0);
    const [was, now] = [outputDocs(join(dir, 'out')), outputDocs(join(dir, 'out-notags'))];
    const changed = changedBetween(was, now);
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'no-tags.json', '--junit', 'reports/junit.xml'], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
    // The committed outputs were made with the built-in default: the option that changed is named.
    expect(annotations[0]).toMatch(/^::error title=unboil check::pipeline changed: default@[0-9a-f]{8} → no-tags@[0-9a-f]{8}: boilerplate\.rules\.tags: true → false \(run unboil check --update to accept\)$/);
    expect(annotations).toHaveLength(changed.length + 1);
    for (const [k, d] of was.entries()) {
      if (!changed.includes(d.name)) continue;
      // The annotation points at the first block whose fate changed.
      const first = d.sidecar.blocks.find((b, i) => fate(b) !== fate(now[k]!.sidecar.blocks[i]!));
      expect(annotations).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${re(`seeds/${d.sidecar.source.path}`)},line=${first?.line ?? 1},title=unboil check::unboil output changed for ${re(d.name)}: `)));
    }
    expect(annotations.find((l) => l.includes('004_'))).toMatch(/boilerplate\/tags/);

    const junit = readFileSync(join(dir, 'reports/junit.xml'), 'utf8');
    expect(junit).toContain(`<testsuite name="unboil check" tests="6" failures="${changed.length + 1}" errors="0">`);
    expect(junit.match(/<testcase /g)).toHaveLength(6);
    for (const d of was) {
      if (changed.includes(d.name)) expect(junit).toMatch(new RegExp(`<testcase classname="unboil.check" name="${re(d.name)}"><failure message="clean output changed">`));
      else expect(junit).toContain(`<testcase classname="unboil.check" name="${d.name}"/>`);
    }
    expect(junit).toMatch(/name="004_\S+"><failure message="clean output changed">[^<]*\[boilerplate\/tags[^<]*Tags :/);
    expect(junit).toMatch(/<testcase classname="unboil.check" name="\(pipeline\)"><failure message="pipeline changed: default@[0-9a-f]{8} → no-tags@[0-9a-f]{8}"\/>/);
  });

  it('fails on a pipeline change alone: the committed sidecars name another pipeline', async () => {
    const { code, stdout } = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'renamed.json'], dir);
    expect(code).toBe(1);
    const hash = /^~ pipeline default@([0-9a-f]{8}) → renamed@([0-9a-f]{8})$/m.exec(stdout);
    expect(hash?.[1]).toBe(hash?.[2]); // same cleaning, other name
    expect(stdout).toMatch(/^0 of 5 documents changed$/m);
  });

  it('exits 2 on usage and configuration errors', async () => {
    expect((await runCli(['check', 'seeds'], dir)).code).toBe(2); // --expected is required
    expect(await runCli(['check', 'seeds', '--expected', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'unboil: output folder not found: nope\n' });
    expect(await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'nosuch'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('nosuch') });
    expect(await runCli(['check', 'seeds', '--expected', 'seeds'], dir)).toMatchObject({ code: 2, stderr: 'unboil: seeds is not an unboil output folder (no _run.json and no sidecars)\n' });
    // --update never clobbers a folder that is not an output folder.
    const seeds = snapshot(join(dir, 'seeds'));
    expect((await runCli(['check', 'seeds', '--expected', 'seeds', '--update'], dir)).code).toBe(2);
    expect(snapshot(join(dir, 'seeds'))).toEqual(seeds);
  });
});

describe('unboil check (writing)', () => {
  it('--update rewrites the expected folder exactly as `run` would (stale outputs deleted), after which check passes', { timeout: 120_000 }, async () => {
    const dir = await seededWorkspace();
    const first = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.json') && f !== '_run.json')!;
    cpSync(join(dir, 'out', first), join(dir, 'out', 'gone.json'));
    cpSync(join(dir, 'out', first.replace('.json', '.txt')), join(dir, 'out', 'gone.txt'));
    const update = await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'no-tags.json', '--update'], dir);
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/^unboil check: rewrote out \(5 documents, [1-5] changed, 0 new, deleted 2 stale files\)$/m);
    expect(update.stdout).toMatch(/^- missing document gone$/m);
    expect((await runCli(['run', 'seeds', '--out', 'fresh', '--pipeline', 'no-tags.json'], dir)).code).toBe(0);
    expect(files(join(dir, 'out'))).toEqual(files(join(dir, 'fresh')));
    expect(await runCli(['check', 'seeds', '--expected', 'out', '--pipeline', 'no-tags.json'], dir)).toMatchObject({ code: 0, stdout: 'unboil check: 5 documents match out\n' });
    // --update also makes the first baseline.
    expect((await runCli(['check', 'seeds', '--expected', 'baseline', '--update'], dir)).code).toBe(0);
    expect((await runCli(['check', 'seeds', '--expected', 'baseline'], dir)).code).toBe(0);
  });

  it('a document that fails to clean is an error on stderr and in JUnit, not a missing output', async () => {
    const dir = await seededWorkspace();
    writeFileSync(join(dir, 'seeds', 'zz_broken.txt'), Buffer.alloc(200)); // NUL bytes: a binary file
    const { code, stdout, stderr } = await runCli(['check', 'seeds', '--expected', 'out', '--junit', 'junit.xml'], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^unboil: seeds\/zz_broken\.txt: /m);
    expect(stdout).toContain('unboil check: 5 documents match out\n');
    expect(stdout).toMatch(/^::error file=seeds\/zz_broken\.txt,title=unboil check::could not clean seeds\/zz_broken\.txt: /m);
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('tests="6" failures="0" errors="1"');
    expect(junit).toMatch(/<testcase classname="unboil.check" name="seeds\/zz_broken\.txt"><error message="could not clean: /);
  });
});
