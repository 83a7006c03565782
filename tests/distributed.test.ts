// Runs across machines: a coordinator (`unboil run --queue`, in-process) and
// worker processes (`node bin/unboil.js worker`, spawned here) on a real
// redis-server. The outputs must be those of a local run, byte for byte,
// whatever happens to the workers.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoordinatorLock } from '../src/distributed/lock.js';
import { runPipeline } from '../src/engine/run.js';
import { runCli } from './helpers/cli.js';
import { freePort, REDIS_SERVER, startRedis, type RedisServer } from './helpers/redis.js';
import { ROOT } from './helpers/seeds.js';
import { siteCorpus, tree } from './helpers/site-corpus.js';
import { Processes, type Spawned } from './helpers/workers.js';

if (!REDIS_SERVER) console.warn('distributed.test.ts: skipped, redis-server is not installed (apt-get install redis-server)');

const tmp = () => mkdtempSync(join(tmpdir(), 'unboil-dist-'));
let queueCount = 0;
const nextQueue = () => `t${process.pid}-${++queueCount}`;

// Worker processes, stall intervals and a loaded CI machine: more time than the suite's default.
describe.skipIf(!REDIS_SERVER)('unboil run --queue with unboil worker processes', { timeout: 120_000 }, () => {
  let redis: RedisServer;
  const processes = new Processes();

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(() => processes.killAll());
  afterAll(async () => {
    await redis?.stop();
  });

  const startWorker = (queue: string, name: string, options: { root?: string; stall?: number } = {}) => processes.worker(redis.url, queue, name, options);

  const coordinate = (dir: string, queue: string, ...extra: string[]) =>
    runCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--queue-name', queue, '--quiet', ...extra], dir);

  it('gives outputs byte-identical to a local run with 2 workers, corpus stages included', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'));
    await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 2 });
    const queue = nextQueue();
    const workers = [startWorker(queue, 'w1'), startWorker(queue, 'w2')];
    await Promise.all(workers.map((w) => w.ready));
    const result = await coordinate(dir, queue, '--batch-size', '3');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const local = tree(join(dir, 'local'));
    expect(tree(join(dir, 'queue'))).toEqual(local);
    // Both corpus stages had work: the duplicate's blocks and every page's footer went.
    const summary = JSON.parse(local['_run.json']!) as { totals: { removedBy: Record<string, number> } };
    expect(summary.totals.removedBy['corpus/duplicate-document']).toBeGreaterThan(0);
    expect(summary.totals.removedBy['corpus/site-template']).toBeGreaterThan(0);
    // A re-run resumes from the journal: nothing to clean, nothing enqueued.
    const again = await runCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--queue-name', queue], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/13 up to date/);
  });

  it('skips documents in other languages (--lang) as a local run does: sidecar only, no corpus decision, listed in _run.json', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'));
    // Two copies of one German article: skipped, they take no part in the corpus stages (neither is the other's duplicate).
    const german = 'Der Stadtrat hat am Dienstag beschlossen, dass die alte Steinbrücke repariert und nicht ersetzt wird, nachdem die Bürger lange für und gegen den Plan gesprochen hatten.\n\nDie Ingenieure hatten gewarnt, dass die Bögen schwächer werden, aber ein Gutachten zeigte, dass der Schaden in zwei Jahren behoben werden kann.\n';
    writeFileSync(join(dir, 'in', 'de1.txt'), german);
    writeFileSync(join(dir, 'in', 'de2.txt'), german);
    expect((await runCli(['run', 'in', '--out', 'local', '--lang', 'en', '--quiet'], dir)).code).toBe(0);
    const queue = nextQueue();
    const worker = startWorker(queue, 'w1');
    await worker.ready;
    const result = await coordinate(dir, queue, '--batch-size', '4', '--lang', 'en');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const local = tree(join(dir, 'local'));
    expect(tree(join(dir, 'queue'))).toEqual(local);
    expect(Object.keys(local).filter((f) => f.startsWith('de'))).toEqual(['de1.json', 'de2.json']);
    const sidecar = JSON.parse(local['de2.json']!) as { skipped: { reason: string }; stats: { removedBy: Record<string, number> } };
    expect(sidecar.skipped.reason).toBe('language "de" not in --lang en');
    expect(sidecar.stats.removedBy).toEqual({ 'language/other-language': 2 });
    const summary = JSON.parse(local['_run.json']!) as { cleaned: number; skipped: Array<{ path: string }> };
    expect(summary.cleaned).toBe(13);
    expect(summary.skipped.map((s) => s.path)).toEqual(['in/de1.txt', 'in/de2.txt']);
    const again = await coordinate(dir, queue, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(tree(join(dir, 'queue'))).toEqual(local);
  });

  it('completes with identical outputs when a worker is SIGKILLed mid-run (its batches go to the other after the stall interval)', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 40);
    await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 2 });
    const queue = nextQueue();
    const [victim, survivor] = [startWorker(queue, 'victim'), startWorker(queue, 'survivor')];
    await Promise.all([victim.ready, survivor.ready]);
    const run = coordinate(dir, queue, '--batch-size', '2');
    // Kill it once it has written some outputs: it holds batches in hand.
    const outputs = () => (existsSync(join(dir, 'queue')) ? readdirSync(join(dir, 'queue')).filter((f) => f.endsWith('.json')).length : 0);
    while (outputs() < 8) await new Promise((resolve) => setTimeout(resolve, 50));
    victim.child.kill('SIGKILL');
    const result = await run;
    expect(result.code).toBe(0);
    expect(outputs()).toBe(42); // 41 documents and _run.json
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
    expect(readdirSync(join(dir, 'queue/.unboil'))).not.toContain('tmp');
  });

  it('fails a poison document alone: its job is retried, split, and only its document is named in the failures', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 6);
    await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 2 });
    writeFileSync(join(dir, 'in/page002b.txt'), 'valleygazette.example\n\nA page that kills the workers that take it\n');
    const queue = nextQueue();
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const watch = new Queue(queue, { connection, prefix: 'unboil' });
    try {
      const run = coordinate(dir, queue, '--batch-size', '10');
      // Once the coordinator has listed the inputs and enqueued them, the page becomes a FIFO:
      // opening it blocks, so every worker that takes it stays busy until the OOM killer (here: this test) ends it.
      while ((await watch.getWaitingCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      rmSync(join(dir, 'in/page002b.txt'));
      execFileSync('mkfifo', [join(dir, 'in/page002b.txt')]);
      const workers = new Map<string, Spawned>();
      let n = 0;
      const add = () => {
        const w = startWorker(queue, `p${++n}`);
        workers.set(w.name, w);
      };
      add();
      add();
      let kills = 0;
      let finished = false;
      void run.finally(() => (finished = true));
      while (!finished) {
        for (const job of await watch.getActive()) {
          const poisoned = job.data.tasks.some((t: { abs?: string }) => t.abs?.endsWith('page002b.txt'));
          const holder = job.processedBy ? workers.get(job.processedBy) : undefined;
          if (!poisoned || !holder) continue;
          workers.delete(holder.name);
          holder.child.kill('SIGKILL');
          kills++;
          add();
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const result = await run;
      expect(result.code).toBe(1);
      // Twice as a batch, twice alone (one more when this loop catches a worker failing the job at pickup).
      expect(kills).toBeGreaterThanOrEqual(4);
      const summary = JSON.parse(readFileSync(join(dir, 'queue/_run.json'), 'utf8')) as { failed: Array<{ path: string; error: string }> };
      expect(summary.failed).toEqual([{ path: 'in/page002b.txt', error: expect.stringMatching(/its job failed 3 times or its worker died twice \(job stalled more than allowable limit\)/) }]);
      expect(result.stderr).toContain('unboil: in/page002b.txt: its job failed');
      // Every other document is as a local run without the poison page makes it.
      const { '_run.json': _a, ...queued } = tree(join(dir, 'queue'));
      const { '_run.json': _b, ...local } = tree(join(dir, 'local'));
      expect(queued).toEqual(local);
    } finally {
      await watch.close();
      connection.disconnect();
    }
  });

  it('refuses a worker of another unboil version: it stops with exit 2 and a worker of the right version does the batch', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 4);
    await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 1 });
    // Another version of unboil: the same build with another package version.
    const other = join(dir, 'other-unboil');
    for (const part of ['bin', 'dist', 'pipelines']) cpSync(join(ROOT, part), join(other, part), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    writeFileSync(join(other, 'package.json'), JSON.stringify({ ...pkg, version: '0.0.0-other' }));
    symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
    const queue = nextQueue();
    const stale = startWorker(queue, 'stale', { root: other });
    await stale.ready;
    const run = coordinate(dir, queue);
    expect(await stale.exited).toBe(2);
    expect(stale.stderr()).toContain(`refused a batch: the run is unboil@${pkg.version}, this worker is unboil@0.0.0-other`);
    expect(existsSync(join(dir, 'queue/page000.txt'))).toBe(false);
    startWorker(queue, 'good');
    const result = await run;
    expect(result.code).toBe(0);
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
  });

  it('refuses a second coordinator on the same queue, and exits 2 naming the URL when Redis is down', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 2);
    const queue = nextQueue();
    const connection = new Redis(redis.url);
    const lock = await CoordinatorLock.acquire(connection, queue, '/elsewhere/out', 10_000);
    try {
      const second = await coordinate(dir, queue);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`queue "${queue}" is in use by another coordinator \\(pid ${process.pid} on .*, writing /elsewhere/out`));
    } finally {
      await lock.release();
      connection.disconnect();
    }
    const down = `redis://127.0.0.1:${await freePort()}`;
    const run = await runCli(['run', 'in', '--out', 'down', '--queue', down], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`unboil: cannot reach Redis at ${down}: ECONNREFUSED\n`);
    expect(existsSync(join(dir, 'down'))).toBe(false);
    const worker = await runCli(['worker', '--queue', down], dir);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain(`cannot reach Redis at ${down}`);
  });
});
