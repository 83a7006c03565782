#!/usr/bin/env node
// npm run bench:scale [-- --sizes 1000,10000,50000 --threads 1,2 --max 50000 --keep]
//
// Folder size against memory and speed for `unboil run` as a user runs it
// (the CLI, one process, its worker threads): for each size N, a folder of
// N pages made from the HTML evaluation corpus, copy c of a page with a
// word substituted per copy (so that copies are different documents, not
// duplicates the corpus stages would drop), gzipped to spare the disk. For
// each run: wall seconds, docs/s and peak RSS of the whole process tree
// (GNU time), then a re-run over the unchanged folder (everything skipped).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { DEFAULT_CORPUS, loadPages, makeFolder } from './lib/corpus-folder.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    threads: { type: 'string', default: `1,${availableParallelism()}` },
    max: { type: 'string' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    keep: { type: 'boolean', default: false },
  },
});
const cli = resolve(import.meta.dirname, '../bin/unboil.js');
const sizes = values.sizes.split(',').map(Number).filter((n) => !values.max || n <= Number(values.max));
const threads = values.threads.split(',').map(Number);
if (!existsSync('/usr/bin/time')) {
  console.error('bench:scale: needs GNU time (/usr/bin/time, Debian package "time") for peak memory');
  process.exit(2);
}

const pages = loadPages(values.corpus, 'bench:scale');

/** Runs the CLI under GNU time: wall seconds and peak RSS in MB (the process with its threads). */
function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = result.stderr.trim().split('\n').at(-1);
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`unboil ${args[0]} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds, rssMb: kb / 1024 };
}

const timedRun = (input, out, concurrency) => timed(['run', input, '--out', out, '--concurrency', String(concurrency), '--quiet']);

console.log(`bench:scale — ${pages.length} source pages, node ${process.version}, ${availableParallelism()} cores, unboil ${execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim()}\n`);
console.log('documents  threads   seconds   docs/s  peak RSS MB   re-run s  re-run %  diff RSS MB  report RSS MB');
const work = mkdtempSync(join(tmpdir(), 'unboil-scale-'));
try {
  for (const n of sizes) {
    const input = join(work, `in-${n}`);
    makeFolder(input, n, pages);
    for (const t of threads) {
      const out = join(work, `out-${n}-${t}`);
      const first = timedRun(input, out, t);
      const again = timedRun(input, out, t);
      // The review tools over the same folder: they read one document at a time.
      const diff = timed(['diff', '--before', out, '--after', out, '--json']);
      const report = timed(['report', out, '--html', join(work, 'report.html')]);
      console.log(
        `${String(n).padStart(9)}  ${String(t).padStart(7)}  ${first.seconds.toFixed(1).padStart(8)}  ${(n / first.seconds).toFixed(1).padStart(7)}  ${first.rssMb.toFixed(0).padStart(11)}  ${again.seconds.toFixed(1).padStart(9)}  ${((100 * again.seconds) / first.seconds).toFixed(1).padStart(8)}  ${diff.rssMb.toFixed(0).padStart(11)}  ${report.rssMb.toFixed(0).padStart(13)}`,
      );
      if (!values.keep) rmSync(out, { recursive: true, force: true });
    }
    if (!values.keep) rmSync(input, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`\nkept ${work}`);
}
