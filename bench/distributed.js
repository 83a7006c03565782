#!/usr/bin/env node
// npm run bench:distributed [-- --docs 10000 --workers 1,2 --batch-size 50 --corpus DIR --keep]
//
// A run across machines, on this machine: one redis-server (Debian's, on a
// free port, no persistence), `unboil run --queue` as the coordinator and W
// `unboil worker --concurrency 1` processes, against a local `unboil run
// --concurrency W` (the same number of cores) over the same folder of N
// documents (bench/lib/corpus-folder.js, as bench:scale makes them). For
// each: wall seconds and docs/s; for the queue runs, the overhead against
// the local run with as many threads (queue seconds / local seconds - 1),
// the coordinator's peak RSS (GNU time), Redis's used_memory at the end and
// its peak, and whether _run.json is byte-identical to the local run's. The
// workers are started (and ready) before the coordinator's clock starts: a
// worker waits on its machine before a run, as a local run's process does
// not; each worker starts its thread pool at its first batch, inside the
// clock, as a local run does at its first document. Then the corpus stages'
// finalize alone over the run's digests (read back from the journal), and
// the journal's bytes per document (what the coordinator keeps in memory).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { Redis } from 'ioredis';
import { loadPipeline } from '../dist/config/pipeline.js';
import { decide } from '../dist/engine/corpus.js';
import { DEFAULT_CORPUS, loadPages, makeFolder } from './lib/corpus-folder.js';

const { values } = scriptArgs(import.meta.url, {
  options: {
    docs: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '1,2' },
    'batch-size': { type: 'string', default: '50' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    keep: { type: 'boolean', default: false },
  },
});
const cli = resolve(import.meta.dirname, '../bin/unboil.js');
const n = Number(values.docs);
const workerCounts = values.workers.split(',').map(Number);
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
for (const [need, what] of [
  [redisServer, 'redis-server (apt-get install redis-server)'],
  [existsSync('/usr/bin/time'), 'GNU time (/usr/bin/time, Debian package "time") for peak memory'],
]) {
  if (!need) {
    console.error(`bench:distributed: needs ${what}`);
    process.exit(2);
  }
}
const pages = loadPages(values.corpus, 'bench:distributed');

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      log += d;
      if (log.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${log}`)));
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, child };
}

function startWorker(url, name) {
  const child = spawn(process.execPath, [cli, 'worker', '--queue', url, '--concurrency', '1', '--name', name], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const ready = new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('waiting for batches')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
  });
  return { child, ready };
}

/** Runs the CLI under GNU time: wall seconds and peak RSS in MB. */
function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`unboil ${args[0]} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds, rssMb: kb / 1024 };
}

const memory = async (redis) => {
  const info = await redis.info('memory');
  const field = (name) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)[1]) / 2 ** 20;
  return { used: field('used_memory'), peak: field('used_memory_peak') };
};

const work = mkdtempSync(join(tmpdir(), 'unboil-distributed-'));
let redis = null;
let client = null;
try {
  const input = join(work, 'in');
  makeFolder(input, n, pages);
  console.log(`bench:distributed — ${n} documents (from ${pages.length} pages), batches of ${values['batch-size']}, node ${process.version}, ${availableParallelism()} cores, one worker thread per worker process, load average ${loadavg()[0].toFixed(1)} at start (timings mean something on an idle machine only)\n`);
  const rows = [];
  const queueOuts = [];
  // Printed as each run ends (a long benchmark shows its progress), then again as one Markdown table.
  const row = (cells) => {
    rows.push(cells);
    console.log(`| ${cells.join(' | ')} |`);
  };
  const header = ['run', 'seconds', 'docs/s', 'overhead vs local, same cores', 'peak RSS MB', 'Redis used_memory MB end / peak', '_run.json vs local'];
  console.log(`| ${header.join(' | ')} |`);
  for (const w of workerCounts) {
    const localOut = join(work, `local-${w}`);
    const local = timed(['run', input, '--out', localOut, '--concurrency', String(w)]);
    const expected = readFileSync(join(localOut, '_run.json'), 'utf8');
    row([`local, ${w} thread${w > 1 ? 's' : ''}`, local.seconds.toFixed(1), (n / local.seconds).toFixed(1), '', `${local.rssMb.toFixed(0)} (whole process, threads included)`, '', '']);

    // A fresh Redis per run, so that its peak memory is this run's.
    client?.disconnect();
    redis?.child.kill('SIGKILL');
    redis = await startRedis();
    client = new Redis(redis.url);
    const workers = Array.from({ length: w }, (_, k) => startWorker(redis.url, `bench-${w}-${k}`));
    await Promise.all(workers.map((x) => x.ready));
    const queueOut = join(work, `queue-${w}`);
    const queued = timed(['run', input, '--out', queueOut, '--queue', redis.url, '--batch-size', values['batch-size']]);
    const mem = await memory(client);
    for (const x of workers) x.child.kill('SIGTERM');
    await Promise.all(workers.map((x) => new Promise((r) => (x.child.exitCode !== null ? r() : x.child.once('exit', r)))));
    const same = readFileSync(join(queueOut, '_run.json'), 'utf8') === expected ? 'identical' : 'DIFFERENT';
    const overhead = 100 * (queued.seconds / local.seconds - 1);
    row([
      `queue, ${w} worker${w > 1 ? 's' : ''}`,
      queued.seconds.toFixed(1),
      (n / queued.seconds).toFixed(1),
      `${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)} %`,
      `${queued.rssMb.toFixed(0)} (coordinator)`,
      `${mem.used.toFixed(1)} / ${mem.peak.toFixed(1)}`,
      same,
    ]);
    queueOuts.push(queueOut);
    if (!values.keep) rmSync(localOut, { recursive: true, force: true });
  }

  // What the coordinator holds per document, and the corpus stages' finalize alone.
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- |').join('')}`);
  for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
  console.log(`\nload average ${loadavg()[0].toFixed(1)} at the end`);
  const journal = join(queueOuts[0], '.unboil/journal.jsonl');
  const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const entries = [...new Map(lines.filter((l) => l.digests).map((l) => [l.stem, l])).values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const digestBytes = entries.reduce((sum, e) => sum + JSON.stringify(e.digests).length, 0) / entries.length;
  const pipeline = loadPipeline('default');
  const started = performance.now();
  decide(entries.map((e) => ({ path: e.path, digests: e.digests })), pipeline);
  const finalizeMs = performance.now() - started;
  console.log(`\njournal: ${(statSync(journal).size / entries.length).toFixed(0)} bytes per document (digests ${digestBytes.toFixed(0)} bytes as JSON); finalize over ${entries.length} digests: ${(finalizeMs / 1000).toFixed(2)} s`);
} finally {
  client?.disconnect();
  redis?.child.kill('SIGKILL');
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`\nkept ${work}`);
}
