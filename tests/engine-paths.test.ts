// Hostile paths: inputs and outputs that are links, special files, odd
// names and foreign folders. Each case: a specific layout and what the run
// must do with it (never write outside --out, never overwrite an input,
// one bad input fails alone).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { runCli } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'unboil-paths-'));
const PAGE = 'A Title\n\nA paragraph of plain prose that is long enough to be kept by the cleaner as text.\n';

function folder(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

describe('output folder safety', () => {
  it('refuses --out that leads to an input folder through a link, and an input reached through a link to --out', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'a.txt': PAGE });
    symlinkSync('in', join(dir, 'outlink'));
    const viaOut = await runCli(['run', 'in', '--out', 'outlink'], dir);
    expect(viaOut).toMatchObject({ code: 2, stderr: 'unboil: the output folder outlink contains the input in: outputs could overwrite inputs; choose another --out\n' });
    const viaIn = await runCli(['run', 'outlink', '--out', 'in'], dir);
    expect(viaIn.code).toBe(2);
    expect(readFileSync(join(dir, 'in/a.txt'), 'utf8')).toBe(PAGE);
  });

  it('never writes through a link inside --out that leads out of it', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'sub/a.txt': PAGE, 'b.txt': PAGE.replace('A Title', 'B Title') });
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out/sub'));
    const { summary } = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(summary.failed).toEqual([{ path: 'in/sub/a.txt', error: expect.stringMatching(/^refusing to write sub\/a: its folder leads outside the output folder/) }]);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
    expect(readFileSync(join(dir, 'out/b.txt'), 'utf8')).toContain('B Title');
  });

  it('gives usage errors for an --out that is a file, empty, or a folder with a foreign _run.json (nothing written)', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'a.txt': PAGE });
    writeFileSync(join(dir, 'README.md'), '# mine\n');
    expect(await runCli(['run', 'in', '--out', 'README.md'], dir)).toMatchObject({ code: 2, stderr: 'unboil: cannot use output folder README.md: it is a file, not a folder\n' });
    expect(await runCli(['run', 'in', '--out', ''], dir)).toMatchObject({ code: 2, stderr: 'unboil: --out is empty: name an output folder\n' });
    folder(join(dir, 'theirs'), { '_run.json': '{"build": 42}\n' });
    expect(await runCli(['run', 'in', '--out', 'theirs'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('its _run.json is not an unboil/run@1 summary') });
    expect(readFileSync(join(dir, 'theirs/_run.json'), 'utf8')).toBe('{"build": 42}\n');
    expect(await runCli(['check', 'in', '--expected', 'theirs', '--update'], dir)).toMatchObject({ code: 2 });
    expect(readdirSync(join(dir, 'theirs'))).toEqual(['_run.json']);
  });
});

describe('odd inputs', () => {
  it('follows links to files and folders, and walks a folder linked back into itself once', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'a.txt': PAGE, 'deep/b.txt': PAGE.replace('A Title', 'B Title') });
    symlinkSync(join(dir, 'in'), join(dir, 'in/deep/loop'));
    writeFileSync(join(dir, 'c.txt'), PAGE.replace('A Title', 'C Title'));
    symlinkSync(join(dir, 'c.txt'), join(dir, 'in/c-link.txt'));
    const { summary } = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(summary.failed).toEqual([]);
    expect(summary.cleaned).toBe(3);
    expect(readFileSync(join(dir, 'out/c-link.txt'), 'utf8')).toContain('C Title');
  });

  it('fails a FIFO, a device and a broken link alone, without opening them', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'a.txt': PAGE });
    execFileSync('mkfifo', [join(dir, 'in/pipe.txt')]);
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'in/broken.txt'));
    const { summary } = await runPipeline({ inputs: ['in', '/dev/zero'], out: 'out', cwd: dir });
    expect(summary.cleaned).toBe(1);
    expect(Object.fromEntries(summary.failed.map((f) => [f.path.split('/').pop(), f.error]))).toEqual({
      'broken.txt': 'broken symbolic link',
      'pipe.txt': 'a FIFO, not a file',
      zero: 'a character device, not a file',
    });
  });

  it('refuses a file over decode.maxBytes before reading it', async () => {
    const dir = tmp();
    folder(join(dir, 'in'), { 'a.txt': PAGE, 'huge.txt': '' });
    truncateSync(join(dir, 'in/huge.txt'), 2 ** 30); // 1 GiB, sparse: nothing is read
    const { summary } = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(summary.failed).toEqual([{ path: 'in/huge.txt', error: `document is ${2 ** 30} bytes, more than decode.maxBytes (${64 * 2 ** 20})` }]);
  });

  it('shortens names too long for the file system and keeps x.html apart from a folder x.txt/', async () => {
    const dir = tmp();
    const long = `${'é'.repeat(120)}.txt`; // 240 bytes: with ".json" and a temporary suffix it would pass 255
    folder(join(dir, 'in'), { [long]: PAGE, 'x.html': '<p>An HTML page whose paragraph is long enough to be kept by the cleaner.</p>', 'x.txt/y.txt': PAGE });
    const { summary } = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(summary.failed).toEqual([]);
    const names = readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.') && f !== '_run.json').sort();
    expect(names.every((n) => Buffer.byteLength(n) <= 210)).toBe(true);
    expect(names).toContain('x~2.txt');
    expect(readdirSync(join(dir, 'out/x.txt')).sort()).toEqual(['y.json', 'y.txt']);
    expect(names.some((n) => n.startsWith('é'.repeat(90)) && /~[0-9a-f]{10}\.txt$/.test(n))).toBe(true);
    expect(existsSync(join(dir, 'out/.unboil/tmp'))).toBe(false);
  });
});
