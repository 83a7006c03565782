import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { seededWorkspace } from './review-helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await seededWorkspace();
});

describe('unboil diff <output>', () => {
  it('lists every block of a document, removed ones with stage/rule and reason', async () => {
    const { code, stdout } = await runCli(['diff', 'out'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^seeds\/003_\S+ → 003_\S+\.txt {2}\(22 kept, 12 removed\)$/m);
    expect(stdout).toMatch(/^- {4}1 {2}EN\|FR\|RU {2}\[boilerplate\/language-switcher\] line of language codes or names$/m);
    expect(stdout).toMatch(/^- {4}2 {2}Follow us on: {2}\[boilerplate\/social\]/m);
    expect(stdout).toMatch(/^- {3}10 {2}Russia-Iran Comprehensive Strategic Partnership Treaty {2}\[dedupe\/repeated-title\] .*duplicate of block 2$/m);
    expect(stdout).toMatch(/^ {4}\d+ {2}Iran’s Foreign Policy$/m); // kept text is plain
    expect(stdout).not.toContain('\x1b['); // not a TTY: no colours
  });

  it('--rule shows only that rule\'s removals, in the documents that have them', async () => {
    const { stdout } = await runCli(['diff', 'out', '--rule', 'tags'], dir);
    expect(stdout).toContain('Tags :  [boilerplate/tags]');
    expect(stdout).toContain('Iran Russia Strategic Pact Energy Trump Sanctions  [boilerplate/tags]');
    expect(stdout).not.toContain('[boilerplate/comments]');
    expect(stdout).not.toMatch(/^seeds\/000/m);
  });

  it('--context N shows N blocks around each removal and marks the gaps', async () => {
    const { stdout } = await runCli(['diff', 'out/002_7d831f6347d504d0.json', '--context', '1'], dir);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('- ')).map((l) => l.replace(/^- +\d+ {2}/, '').split('  [')[0])).toEqual([
      'Sunday, December 29, 2024', 'By Xavier Villar', 'No comments:', 'Post a Comment',
    ]);
    expect(lines).toContain('  ⋮');
    expect(lines.length).toBeLessThan(12);
  });

  it('--json gives the blocks with their fate', async () => {
    const { stdout } = await runCli(['diff', 'out', '--json', '--rule', 'boilerplate/social'], dir);
    const docs = JSON.parse(stdout);
    expect(docs.map((d: { document: string }) => d.document)).toEqual([expect.stringMatching(/^003_/)]);
    expect(docs[0].blocks).toEqual([{ i: 1, line: 2, text: 'Follow us on:', kept: false, stage: 'boilerplate', rule: 'social', reason: 'social-media prompt or share bar', duplicateOf: null }]);
  });

  it('cleans raw inputs in memory, colours on a TTY unless NO_COLOR', async () => {
    const { runCli: run } = await import('../helpers/cli.js');
    const plain = await run(['diff', 'seeds/002_7d831f6347d504d0.txt', '--rule', 'comments'], dir);
    expect(plain.stdout).toContain('Post a Comment  [boilerplate/comments]');
    const { main } = await import('../../src/cli/main.js');
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => {}, stdoutIsTTY: true, stderrIsTTY: false, env: {}, cwd: dir };
    await main(['diff', 'out', '--rule', 'comments'], io);
    expect(out).toContain('\x1b[31m');
    out = '';
    await main(['diff', 'out', '--rule', 'comments'], { ...io, env: { NO_COLOR: '1' } });
    expect(out).not.toContain('\x1b[');
    out = '';
    await main(['diff', 'out', '--rule', 'comments', '--no-color'], io);
    expect(out).not.toContain('\x1b[');
  });

  it('exits 2 with a clear message on usage errors and broken sidecars', async () => {
    expect(await runCli(['diff'], dir)).toMatchObject({ code: 2 });
    expect(await runCli(['diff', '--before', 'out'], dir)).toMatchObject({ code: 2, stderr: 'unboil: give both --before <dir> and --after <dir>, and no other arguments\n' });
    expect(await runCli(['diff', '--before', 'nope', '--after', 'out'], dir)).toMatchObject({ code: 2, stderr: 'unboil: output folder not found: nope\n' });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schema: 'unboil/document@1', id: 'x' }));
    const bad = await runCli(['diff', 'bad.json'], dir);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unboil: bad.json is not a valid unboil\/document@1 sidecar: id: /) });
    writeFileSync(join(dir, 'broken.json'), '{ "schema": ');
    expect(await runCli(['diff', 'broken.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unboil: broken.json is not valid JSON: /) });
  });
});

describe('unboil diff --before --after', () => {
  it('shows newly removed and newly kept blocks with their rules, and per-rule totals', async () => {
    expect((await runCli(['run', 'seeds', '--out', 'out-norel', '--pipeline', 'no-related.json'], dir)).code).toBe(0);
    const { code, stdout } = await runCli(['diff', '--before', 'out', '--after', 'out-norel'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^~ seeds\/004_\S+ \(004_\S+\)$/m);
    expect(stdout).toMatch(/\+ newly kept +line 78 +\[was boilerplate\/related\] Iran and Russia Sign Comprehensive Strategic Partnership Pact/);
    expect(stdout).toMatch(/^ {2}boilerplate\/related +12 → 0 \(-12\)$/m);
    expect(stdout).toMatch(/^ {4}\+Iran and Russia Sign Comprehensive Strategic Partnership Pact$/m); // the text diff
    expect(stdout).toMatch(/^3 of 5 documents changed$/m);
    const same = await runCli(['diff', '--before', 'out', '--after', 'out'], dir);
    expect(same).toMatchObject({ code: 0, stdout: '0 of 5 documents changed\n' });
  });
});
