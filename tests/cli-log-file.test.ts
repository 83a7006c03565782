/**
 * --log-file never writes into the run's own data (issue 14): not an input
 * file, not inside an input folder, not inside --out, symlinks included.
 * Each refusal is a usage error (exit 2) that writes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const ARTICLE = 'A Short Title\n\nA first paragraph that is long enough to count as real prose here.\n';

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-log-'));
  mkdirSync(join(dir, 'in/sub'), { recursive: true });
  writeFileSync(join(dir, 'in/a.txt'), ARTICLE);
  writeFileSync(join(dir, 'single.txt'), ARTICLE);
  return dir;
}

describe('unboil run --log-file', () => {
  it.each([
    ['an input file named explicitly', ['single.txt'], 'single.txt', /--log-file single\.txt is the input file single\.txt/],
    ['a file inside an input folder', ['in'], 'in/a.txt', /--log-file in\/a\.txt is inside the input folder in/],
    ['a new file inside an input folder', ['in'], 'in/sub/run.log', /is inside the input folder in:/],
    ['a file inside --out', ['in'], 'out/run.log', /--log-file out\/run\.log is inside the output folder out/],
    ['--out itself', ['in'], 'out', /is inside the output folder out/],
  ])('refuses %s with a usage error (exit 2) and writes nothing', async (_, inputs, logFile, message) => {
    const dir = project();
    const { code, stderr } = await runCli(['run', ...inputs, '--out', 'out', '--log-file', logFile], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readFileSync(join(dir, 'in/a.txt'), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(join(dir, 'single.txt'), 'utf8')).toBe(ARTICLE);
    expect(existsSync(join(dir, 'in/sub/run.log'))).toBe(false);
  });

  it('sees through symlinks: a link to the input folder, or a link to an input file', async () => {
    const dir = project();
    symlinkSync(join(dir, 'in'), join(dir, 'logs'));
    symlinkSync(join(dir, 'single.txt'), join(dir, 'link.log'));
    const viaFolder = await runCli(['run', 'in', '--out', 'out', '--log-file', 'logs/run.log'], dir);
    expect(viaFolder.code).toBe(2);
    expect(viaFolder.stderr).toMatch(/--log-file logs\/run\.log is inside the input folder in/);
    const viaFile = await runCli(['run', 'single.txt', '--out', 'out', '--log-file', 'link.log'], dir);
    expect(viaFile.code).toBe(2);
    expect(viaFile.stderr).toMatch(/is the input file single\.txt/);
    expect(existsSync(join(dir, 'in/run.log'))).toBe(false);
    expect(readFileSync(join(dir, 'single.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('accepts a log file next to the inputs and writes the JSON logs there', async () => {
    const dir = project();
    const { code } = await runCli(['run', 'in', '--out', 'out', '--log-file', 'run.log', '--log-level', 'info'], dir);
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'run.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ msg: 'run finished', documents: 1, cleaned: 1, failed: 0 });
    expect(readFileSync(join(dir, 'out/a.txt'), 'utf8')).toBe(ARTICLE);
  });
});
