import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tree } from './helpers/files.js';
import { ROOT, SEEDS } from './helpers/seeds.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'unboil-cli-'));

describe('unboil run', () => {
  it('cleans a folder recursively, mirrors its structure and writes _run.json', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in/news/2025'), { recursive: true });
    writeFileSync(join(dir, 'in/top.txt'), 'A Short Title\n\nA first paragraph that is long enough to count as real prose here.\n');
    writeFileSync(join(dir, 'in/news/2025/deep.txt.gz'), gzipSync('Another Title\n\nAnother paragraph of prose that the pipeline should keep as it is.\n'));
    writeFileSync(join(dir, 'in/ignored.pdf'), '%PDF-1.4');
    const { code, stdout } = await runCli(['run', 'in', '--out', 'out'], dir);
    expect(code).toBe(0);
    expect(Object.keys(tree(join(dir, 'out')))).toEqual(['_run.json', 'news/2025/deep.json', 'news/2025/deep.txt', 'top.json', 'top.txt']);
    expect(readFileSync(join(dir, 'out/news/2025/deep.txt'), 'utf8')).toBe('Another Title\n\nAnother paragraph of prose that the pipeline should keep as it is.\n');
    const sidecar = JSON.parse(readFileSync(join(dir, 'out/top.json'), 'utf8'));
    expect(sidecar).toMatchObject({ schema: 'unboil/document@1', source: { path: 'top.txt', root: 0, format: 'text', encoding: 'utf-8' }, pipeline: { name: 'default' } });
    const summary = JSON.parse(readFileSync(join(dir, 'out/_run.json'), 'utf8'));
    expect(summary).toMatchObject({ schema: 'unboil/run@1', roots: ['../in'], format: null, sidecar: 'full', documents: 2, cleaned: 2, failed: [] });
    expect(stdout).toMatch(/^unboil: 2\/2 documents cleaned with pipeline "default" in [\d.]+s → out\n/);
  });

  it('fails a binary file alone (exit 1, one line on stderr) and still writes the others', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/good.txt'), 'Good Title\n\nA paragraph of ordinary text that is long enough to be kept.\n');
    writeFileSync(join(dir, 'in/bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const { code, stderr } = await runCli(['run', 'in', '--out', 'out'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('unboil: in/bad.txt: binary file: NUL byte at offset 4\n');
    expect(existsSync(join(dir, 'out/good.txt'))).toBe(true);
    expect(existsSync(join(dir, 'out/bad.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'out/_run.json'), 'utf8')).failed).toEqual([{ path: 'in/bad.txt', error: 'binary file: NUL byte at offset 4' }]);
  });

  it('stops on an invalid pipeline before writing anything (exit 2, JSON path named)', async () => {
    const dir = tmp();
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ stages: ['decode', 'segment', ['boilerplate', { shortPenalty: -1 }]] }));
    const { code, stderr } = await runCli(['run', 'seeds', '--out', 'out', '--pipeline', 'p.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/stages\[2\]\[1\]\.shortPenalty: .*>=0/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 2 on usage errors: no input, unknown option, bad concurrency, missing input', async () => {
    const dir = tmp();
    expect((await runCli(['run'], dir)).code).toBe(2);
    expect((await runCli(['run', 'x', '--frobnicate'], dir)).code).toBe(2);
    expect((await runCli(['run', 'x', '--concurrency', '0'], dir)).stderr).toMatch(/expected a whole number ≥ 1/);
    const missing = await runCli(['run', 'nothere'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: 'unboil: input not found: nothere\n' });
  });

  it('writes byte-identical outputs with --concurrency 1 and 8', async () => {
    const dir = tmp();
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    expect((await runCli(['run', 'seeds', '--out', 'one', '--concurrency', '1'], dir)).code).toBe(0);
    expect((await runCli(['run', 'seeds', '--out', 'eight', '--concurrency', '8'], dir)).code).toBe(0);
    expect(tree(join(dir, 'eight'))).toEqual(tree(join(dir, 'one')));
  });

  it('never modifies inputs and leaves no temporary files', async () => {
    const dir = tmp();
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    const before = tree(join(dir, 'seeds'));
    await runCli(['run', 'seeds', '--out', 'out'], dir);
    expect(tree(join(dir, 'seeds'))).toEqual(before);
    expect(Object.keys(tree(join(dir, 'out'))).filter((f) => !/\.(txt|json)$/.test(f))).toEqual([]);
    expect(readdirSync(join(dir, 'out/.unboil')).sort()).toEqual(['.gitignore', 'journal.jsonl']);
  });

  it('refuses an output folder that holds the inputs', async () => {
    const dir = tmp();
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
    const { code, stderr } = await runCli(['run', 'seeds', '--out', 'seeds'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('unboil: the output folder seeds contains the input seeds: outputs could overwrite inputs; choose another --out\n');
    // Through a symbolic link too (compared by real path), and a file inside.
    symlinkSync('seeds', join(dir, 'link'));
    expect((await runCli(['run', 'seeds', '--out', 'link'], dir)).stderr).toMatch(/the output folder link contains the input seeds:/);
    expect((await runCli(['run', 'link/000_b42fd55d8a28d96c.txt', '--out', 'seeds'], dir)).stderr).toMatch(/the output folder seeds contains the input link\/000_/);
    // An output folder inside an input folder is fine: it is not read as input, now or on the next run.
    expect((await runCli(['run', 'seeds', '--out', 'seeds/out'], dir)).code).toBe(0);
    const again = await runCli(['run', 'seeds', '--out', 'seeds/out'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unboil: 5\/5 documents cleaned/);
  });

  it('keeps outputs apart when two inputs share a name', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'Plain Title\n\nPlain text paragraph that is long enough to be kept by the cleaner.\n');
    writeFileSync(join(dir, 'a.html'), '<html><body><h1>Html Title</h1><p>An HTML paragraph that is long enough to be kept by the cleaner.</p></body></html>');
    expect((await runCli(['run', 'a.txt', 'a.html', '--out', 'out'], dir)).code).toBe(0);
    expect(Object.keys(tree(join(dir, 'out')))).toEqual(['_run.json', 'a.html.json', 'a.html.txt', 'a.txt.json', 'a.txt.txt']);
  });

  it('writes pino JSON logs to --log-file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nSome paragraph text here that is long enough for prose.\n');
    await runCli(['run', 'a.txt', '--out', 'out', '--log-level', 'info', '--log-file', 'log.jsonl'], dir);
    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ msg: 'run finished', documents: 1, cleaned: 1, failed: 0, name: 'unboil' });
  });
});

describe('unboil validate, --help, --version', () => {
  it('validates built-in and file pipelines', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ stages: ['decode', 'segment', 'dedup'] }));
    const ok = await runCli(['validate', 'default', join(ROOT, 'pipelines/strict.json')], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^default: ok \(pipeline "default", decode → segment → /);
    const bad = await runCli(['validate', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('bad.json: invalid\n  stages[2]: unknown stage "dedup"; did you mean "dedupe"?\n');
  });

  it('prints help for the program and each command', async () => {
    const dir = tmp();
    const help = await runCli(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: unboil \[options\] \[command\]/);
    expect(help.stdout).toMatch(/run \[options\] <input\.\.\.>/);
    const runHelp = await runCli(['run', '--help'], dir);
    expect(runHelp.stdout).toMatch(/--pipeline <name\|path>/);
    expect(runHelp.stdout).toMatch(/Exit codes: 0 all documents cleaned/);
  });

  it('runs as a real process from bin/ (built by npm ci)', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(execFileSync('node', [join(ROOT, 'bin/unboil.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(version);
    const result = spawnSync('node', [join(ROOT, 'bin/unboil.js'), 'run', '/nonexistent-unboil-input'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('unboil: input not found: /nonexistent-unboil-input\n');
  });
});
