// Worker threads run under a heap limit; a document that needs more is not lost.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPool, type WorkerPool } from '../src/engine/pool.js';
import { runPipeline } from '../src/engine/run.js';
import { runCli } from './helpers/cli.js';
import { tree } from './helpers/site-corpus.js';

/** A long article: ~1.6 MB of HTML, whose DOM and blocks need more than 64 MB of heap. */
function longArticle(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, k) => `<p>Paragraph ${k} of the long report: the committee met again on a grey morning to argue about the bridge, the budget and the river.</p>`);
  return `<html lang="en"><head><title>The long report</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>The long report</h1>\n${body.join('\n')}\n</article></body></html>`;
}

describe('worker pool', () => {
  it('runs a document that exhausts the heap limit again on a thread without it: same outputs as without the limit, the others unaffected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pool-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/long.html'), longArticle(12_000));
    writeFileSync(join(dir, 'in/short.html'), '<html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>The small town rebuilt its harbour wall after the winter storms, and the fishing boats came back in spring.</p></article></body></html>');
    let pool: WorkerPool | undefined;
    const tight = await runPipeline({
      inputs: ['in'],
      out: 'tight',
      cwd: dir,
      runner: ({ pipeline, timeoutMs }) => (pool = createPool({ pipeline, threads: 1, timeoutMs, heapLimitMb: 64 })),
    });
    expect(tight.summary.failed).toEqual([]);
    expect(pool!.retried).toBe(1);
    const roomy = await runPipeline({ inputs: ['in'], out: 'roomy', cwd: dir, concurrency: 1 });
    expect(tree(join(dir, 'tight'))).toEqual(tree(join(dir, 'roomy')));
    // All of it was read: every paragraph is a block of its sidecar (the near-duplicate ones removed).
    expect(JSON.parse(tree(join(dir, 'tight'))['long.json']!).stats.blocks).toBe(12_002);
    expect(roomy.summary.cleaned).toBe(2);
  }, 120_000);

  it('takes the limit from --heap-limit (run): the document over it is named in a warning and still cleaned; a limit under 64 MB is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pool-cli-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/long.html'), longArticle(12_000));
    const tight = await runCli(['run', 'in', '--out', 'out', '--concurrency', '1', '--heap-limit', '64', '--quiet'], dir);
    expect(tight.code).toBe(0);
    const warning = JSON.parse(tight.stderr.trim().split('\n').find((line) => line.includes('heap limit'))!) as { path: string; heapLimitMb: number; msg: string };
    expect(warning).toMatchObject({ path: 'in/long.html', heapLimitMb: 64 });
    expect(JSON.parse(tree(join(dir, 'out'))['long.json']!).stats.blocks).toBe(12_002);
    // At the default limit the same page runs once, without a warning.
    expect((await runCli(['run', 'in', '--out', 'out2', '--concurrency', '1', '--quiet'], dir)).stderr).not.toContain('heap limit');
    expect(await runCli(['run', 'in', '--out', 'out3', '--heap-limit', '10'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: option '--heap-limit <MB>' argument '10' is invalid. expected a whole number of MB ≥ 64\n(run with --help for usage)\n",
    });
  }, 120_000);
});
