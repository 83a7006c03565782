// `unboil diff`. The cleaning rules keep changing, so most expectations are
// computed from the sidecars in the output folder; the removals named
// literally are the stable ones (003 "EN|FR|RU", "Follow us on:"; 004
// "Tags :"; 002 "Post a Comment").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { docOf, outputDocs, re, removedBy, seededWorkspace, type OutputDoc } from './review-helpers.js';

let dir: string;
let docs: OutputDoc[];
beforeAll(async () => {
  dir = await seededWorkspace();
  docs = outputDocs(join(dir, 'out'));
});

/** How `diff` shows one block: kept text plain after the line number, removals with "-", [stage/rule] and reason. */
const shown = (b: OutputDoc['sidecar']['blocks'][number]) =>
  b.kept
    ? `  ${String(b.line).padStart(4)}  ${b.text}`
    : `- ${String(b.line).padStart(4)}  ${b.text}  [${b.stage}/${b.rule}] ${b.reason}${b.duplicateOf != null ? `, duplicate of block ${b.duplicateOf}` : ''}`;

describe('unboil diff <output>', () => {
  it('lists every block of every document in source order, removed ones with stage/rule and reason', async () => {
    const { code, stdout } = await runCli(['diff', 'out'], dir);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    for (const d of docs) {
      const { stats, source } = d.sidecar;
      const header = lines.indexOf(`seeds/${source.path} → ${d.name}.txt  (${stats.kept} kept, ${stats.removed} removed)`);
      expect(header, d.name).toBeGreaterThanOrEqual(0);
      expect(lines.slice(header + 1, header + 1 + d.sidecar.blocks.length)).toEqual(d.sidecar.blocks.map(shown));
    }
    expect(stdout).toMatch(/^- +\d+ {2}EN\|FR\|RU {2}\[boilerplate\/language-switcher\] /m);
    expect(stdout).toMatch(/^- +\d+ {2}Follow us on: {2}\[boilerplate\/social\] /m);
    expect(stdout).toMatch(/^- +\d+ {2}Tags : {2}\[boilerplate\/tags\] /m);
    expect(stdout).not.toContain('\x1b['); // not a TTY: no colours
  });

  it("--rule shows only that rule's removals, in the documents that have them", async () => {
    const withTags = docs.filter((d) => d.sidecar.stats.removedBy['boilerplate/tags']);
    for (const rule of ['tags', 'boilerplate/tags']) {
      const { code, stdout } = await runCli(['diff', 'out', '--rule', rule], dir);
      expect(code).toBe(0);
      const body = stdout.split('\n').filter((l) => l.startsWith('- '));
      const expected = withTags.flatMap((d) => d.sidecar.blocks.filter((b) => !b.kept && b.rule === 'tags').map(shown));
      expect(body).toEqual(expected);
      expect(stdout).toContain('Tags :  [boilerplate/tags]');
      for (const d of docs) expect(stdout.includes(`seeds/${d.sidecar.source.path} → `)).toBe(withTags.includes(d));
    }
    expect(await runCli(['diff', 'out', '--rule', 'no-such-rule'], dir)).toEqual({ code: 0, stdout: '', stderr: 'unboil diff: no block removed by rule no-such-rule in 5 documents\n' });
  });

  it('--context N shows the removals and N blocks around each, and marks the gaps', async () => {
    const d = docOf(docs, '002');
    const blocks = d.sidecar.blocks;
    for (const n of [0, 1, 2]) {
      const { stdout } = await runCli(['diff', `out/${d.name}.json`, '--context', String(n)], dir);
      const lines = stdout.trimEnd().split('\n').slice(1);
      // Expected independently: every block within n of a removal, "  ⋮" for each run of hidden ones.
      const keep = blocks.map((_, k) => blocks.slice(Math.max(0, k - n), k + n + 1).some((b) => !b.kept));
      const expected: string[] = [];
      blocks.forEach((b, k) => {
        if (keep[k]) expected.push(shown(b));
        else if (expected.length && expected.at(-1) !== '  ⋮') expected.push('  ⋮');
      });
      while (expected.at(-1) === '  ⋮') expected.pop();
      expect(lines).toEqual(expected);
      expect(lines).toContainEqual(expect.stringMatching(/^- +\d+ {2}Post a Comment {2}\[boilerplate\/comments\]/));
    }
  });

  it('--json gives the documents and blocks with their fate', async () => {
    const { code, stdout } = await runCli(['diff', 'out', '--json', '--rule', 'boilerplate/social'], dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const social = docs.filter((d) => d.sidecar.stats.removedBy['boilerplate/social']);
    expect(json.map((d: { document: string }) => d.document)).toEqual(social.map((d) => d.name));
    const d003 = json.find((d: { document: string }) => d.document.startsWith('003_'));
    const follow = docOf(docs, '003').sidecar.blocks.find((b) => b.text === 'Follow us on:')!;
    expect(d003.blocks).toContainEqual({ i: follow.i, line: follow.line, text: 'Follow us on:', kept: false, stage: 'boilerplate', rule: 'social', reason: expect.any(String), duplicateOf: null });
    expect(d003.blocks.every((b: { rule: string }) => b.rule === 'social')).toBe(true);
    expect(d003.stats).toEqual(docOf(docs, '003').sidecar.stats);
  });

  it('cleans raw inputs in memory with --pipeline, writing nothing', async () => {
    const plain = await runCli(['diff', 'seeds/002_7d831f6347d504d0.txt', '--rule', 'comments'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^- +\d+ {2}Post a Comment {2}\[boilerplate\/comments\] /m);
    // With the tags rule turned off, "Tags :" is no longer removed by boilerplate/tags.
    const noTags = await runCli(['diff', 'seeds', '--pipeline', 'no-tags.json', '--json'], dir);
    const doc004 = JSON.parse(noTags.stdout).find((d: { document: string }) => d.document.startsWith('004_'));
    const tags = doc004.blocks.find((b: { text: string }) => b.text === 'Tags :');
    expect(tags.rule ?? 'kept').not.toBe('tags');
    expect((await runCli(['diff', 'nope.txt'], dir))).toMatchObject({ code: 2, stderr: 'unboil: input not found: nope.txt\n' });
  });

  it('colours on a TTY, unless NO_COLOR is set or --no-color is given', async () => {
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => {}, stdoutIsTTY: true, stderrIsTTY: false, env: {}, cwd: dir };
    const run = async (argv: string[], env: Record<string, string> = {}) => {
      out = '';
      expect(await main(argv, { ...io, env })).toBe(0);
      return out;
    };
    expect(await run(['diff', 'out', '--rule', 'comments'])).toMatch(/\x1b\[31m- +\d+ {2}Post a Comment\x1b\[39m\x1b\[33m {2}\[boilerplate\/comments\]\x1b\[39m/);
    expect(await run(['diff', 'out', '--rule', 'comments'], { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(await run(['diff', 'out', '--rule', 'comments', '--no-color'])).not.toContain('\x1b[');
    expect(await run(['diff', 'out', '--rule', 'comments', '--json'])).not.toContain('\x1b[');
    expect(await run(['diff', 'out', '--rule', 'comments'], { NO_COLOR: '' })).toContain('\x1b['); // empty NO_COLOR does not count (no-color.org)
  });

  it('exits 2 with a clear message on usage errors and broken sidecars', async () => {
    expect(await runCli(['diff'], dir)).toMatchObject({ code: 2 });
    expect(await runCli(['diff', '--before', 'out'], dir)).toMatchObject({ code: 2, stderr: 'unboil: give both --before <dir> and --after <dir>, and no other arguments\n' });
    expect(await runCli(['diff', '--before', 'nope', '--after', 'out'], dir)).toMatchObject({ code: 2, stderr: 'unboil: output folder not found: nope\n' });
    expect(await runCli(['diff', '--before', 'seeds', '--after', 'out'], dir)).toMatchObject({ code: 2, stderr: 'unboil: seeds is not an unboil output folder (no _run.json and no sidecars)\n' });
    expect((await runCli(['diff', 'out', '--context', '-1'], dir)).code).toBe(2);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schema: 'unboil/document@1', id: 'x' }));
    expect(await runCli(['diff', 'bad.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unboil: bad.json is not a valid unboil\/document@1 sidecar: id: /) });
    writeFileSync(join(dir, 'broken.json'), '{ "schema": ');
    expect(await runCli(['diff', 'broken.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unboil: broken.json is not valid JSON: /) });
  });
});

describe('unboil diff --before --after', () => {
  it('shows documents whose output changed, the blocks that changed fate with their rules, the text diff and per-rule totals', async () => {
    expect((await runCli(['run', 'seeds', '--out', 'out-notags', '--pipeline', 'no-tags.json'], dir)).code).toBe(0);
    const { code, stdout } = await runCli(['diff', '--before', 'out', '--after', 'out-notags'], dir);
    expect(code).toBe(1);
    const d004 = docOf(docs, '004');
    expect(stdout).toContain(`~ seeds/${d004.sidecar.source.path} (${d004.name})\n`);
    const tagsLine = /(\+ newly kept +line \d+ +\[was boilerplate\/tags\]|~ other rule +line \d+ +\[boilerplate\/tags → [a-z-]+\/[a-z-]+\]) Tags :$/m.exec(stdout);
    expect(tagsLine).not.toBeNull();
    // Kept now: the text diff adds it; removed by another rule: the clean text around it is unchanged.
    if (tagsLine![1]!.startsWith('+')) expect(stdout).toMatch(/^ {4}\+Tags :$/m);
    const n = removedBy(join(dir, 'out'))['boilerplate/tags']!;
    expect(stdout).toMatch(new RegExp(`^ {2}boilerplate/tags +${n} → 0 \\(-${n}\\)$`, 'm'));
    expect(stdout).toMatch(/^\d of 5 documents changed$/m);

    const json = JSON.parse((await runCli(['diff', '--before', 'out', '--after', 'out-notags', '--json'], dir)).stdout);
    expect(json.rules['boilerplate/tags']).toEqual({ before: n, after: 0 });
    // no-tags.json is a custom file, but _run.json records the stages each run used: the option that changed is named.
    expect(json.pipeline).toEqual({ before: expect.stringMatching(/^default@/), after: expect.stringMatching(/^no-tags@/), changes: ['boilerplate.rules.tags: true → false'] });
    const c004 = json.changed.find((c: { name: string }) => c.name === d004.name);
    expect([...c004.newlyKept, ...c004.otherRule].map((b: { text: string }) => b.text)).toContain('Tags :');

    expect(await runCli(['diff', '--before', 'out', '--after', 'out'], dir)).toEqual({ code: 0, stdout: '0 of 5 documents changed\n', stderr: '' });
  });

  it('pairs blocks by text when an edited input shifts every span', async () => {
    const { cpSync, readFileSync } = await import('node:fs');
    cpSync(join(dir, 'seeds'), join(dir, 'seeds-edited'), { recursive: true });
    const file = join(dir, 'seeds-edited', `${docOf(docs, '003').name}.txt`);
    writeFileSync(file, `Breaking\n\n${readFileSync(file, 'utf8')}`);
    expect((await runCli(['run', 'seeds-edited', '--out', 'out-edited'], dir)).code).toBe(0);
    const { stdout } = await runCli(['diff', '--before', 'out', '--after', 'out-edited'], dir);
    // The edit shows as a new block with the rule that removed it, not as every block of the document changing fate.
    expect(stdout).toMatch(/^ {2}\+ new block {6}line 1 {2}\[boilerplate\/navigation\] Breaking {2}\S/m);
    // The paths relative to the input roots are the same: only the bytes and reasons changed.
    expect(stdout).toMatch(/^~ seeds-edited\/003_\S+ \(003_\S+\)\n/m);
    expect(stdout).toMatch(/~ sidecar: input bytes, 3 removal reasons\n/);
    expect(stdout).not.toContain('counterpart');
    expect(stdout).not.toContain('other rule');
  });
});
