import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** A folder with one text input, and a README file to point --out at. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-usage-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in/a.txt'), 'A Title\n\nA paragraph of ordinary prose that is long enough to be kept by the pipeline.\n');
  writeFileSync(join(dir, 'README.md'), '# readme\n');
  return dir;
}

describe('usage errors: exit 2, one line, nothing written', () => {
  it('refuses URLs with a hint, in run, check and diff', async () => {
    const dir = project();
    for (const argv of [['run', 'https://example.org/post?id=1'], ['check', 'in', 'http://x.test/a', '--expected', 'out'], ['diff', 'ftp://x.test/a.html']]) {
      const { code, stdout, stderr } = await runCli(argv, dir);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^unboil: (https|http|ftp):\/\/x?\S*: URLs are not fetched; save pages first \(for example `curl -L -o page\.html '\S+'`\) and give unboil the files\n$/);
    }
  });

  it('refuses an --out that is empty, "-" or an existing file', async () => {
    const dir = project();
    const cases: Array<[string, string]> = [
      ['', 'unboil: --out is empty: name an output folder\n'],
      ['-', 'unboil: --out -: outputs are folders of files, not a stream; use --stdout to print one document, or give a folder name\n'],
      ['README.md', 'unboil: cannot use output folder README.md: it is a file, not a folder\n'],
    ];
    for (const [out, message] of cases) expect(await runCli(['run', 'in', '--out', out], dir)).toEqual({ code: 2, stdout: '', stderr: message });
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'in']);
    expect(readdirSync(join(dir, 'in'))).toEqual(['a.txt']);
  });

  it('names a path the file system refuses in one line, without a stack', async () => {
    const dir = project();
    const { code, stderr } = await runCli(['run', 'in', '--out', 'README.md/clean'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^unboil: cannot use output folder \S*README\.md\/clean: it is a file, not a folder\n$/);
  });
});

describe('a document that fails', () => {
  it('gets one human line on stderr by default, and its JSON log there only at --log-level debug', async () => {
    const dir = project();
    writeFileSync(join(dir, 'in/broken.txt.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4]));
    const plain = await runCli(['run', 'in', '--out', 'out', '--quiet'], dir);
    expect(plain).toEqual({ code: 1, stdout: '', stderr: 'unboil: in/broken.txt.gz: broken gzip data: unexpected end of file\n' });
    const debug = await runCli(['run', 'in', '--out', 'out2', '--quiet', '--log-level', 'debug'], dir);
    const failure = debug.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)).find((log) => log.msg === 'document failed');
    expect(failure).toMatchObject({ path: 'in/broken.txt.gz', error: 'broken gzip data: unexpected end of file' });
    // To a log file, the record is kept (without the stack): the file is the only place it goes.
    await runCli(['run', 'in', '--out', 'out3', '--quiet', '--log-file', 'log.jsonl'], dir);
    const logged = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(logged.filter((log) => log.level >= 50).map((log) => [log.msg, log.path, log.error])).toEqual([['document failed', 'in/broken.txt.gz', 'broken gzip data: unexpected end of file']]);
  }, 120_000);
});
