// The coordinator's watchdog (--queue-check): batches the coordinator waits
// for that Redis lost, or that finished without their event reaching it,
// would leave a run waiting forever. A real redis-server per test, real
// `unboil worker` processes; what a partial data loss or a lost event leaves
// in Redis is made with Redis commands (and BullMQ's own API) from the test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { runCli } from './helpers/cli.js';
import { REDIS_SERVER, startRedis, type RedisServer } from './helpers/redis.js';
import { siteCorpus, tree } from './helpers/site-corpus.js';
import { Processes, spawnCli } from './helpers/workers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** 40 site pages and a duplicate (41 documents: 9 batches of 5), with the outputs of a local run in dir/local. */
async function corpusWithLocalRun(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-watchdog-'));
  siteCorpus(join(dir, 'in'), 40);
  await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 2 });
  return dir;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(!REDIS_SERVER)('the coordinator checks in Redis the batches it waits for', { timeout: 60_000 }, () => {
  const processes = new Processes();
  let redis: RedisServer | undefined;
  const clients: Redis[] = [];
  const client = (url: string) => {
    const c = new Redis(url, { maxRetriesPerRequest: null });
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    processes.killAll();
    for (const c of clients.splice(0)) c.disconnect();
    await redis?.stop();
  });

  const batches = ['--queue-name', 'q', '--batch-size', '5', '--queue-check', '0.5'];

  it('enqueues again a waiting batch that Redis lost (the run key kept): the run completes with a local run\'s outputs', async () => {
    const dir = await corpusWithLocalRun();
    redis = await startRedis();
    const admin = client(redis.url);
    // No worker yet: the coordinator's batches wait in the queue.
    const run = runCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--quiet', ...batches], dir);
    await until('the 9 batches of pass 1', async () => (await admin.llen('unboil:q:wait')) === 9);
    // What a Redis restored from a snapshot taken before this batch was enqueued has: the run, not the job.
    const lost = (await admin.lrange('unboil:q:wait', 0, -1))[4]!;
    await admin.multi().lrem('unboil:q:wait', 0, lost).del(`unboil:q:${lost}`).exec();
    expect(await admin.exists('unboil:q:run', `unboil:q:${lost}`)).toBe(1);
    const started = Date.now();
    await processes.worker(redis.url, 'q', 'w1').ready;
    const result = await run;
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
    // Named once, and no other batch taken for lost (a completed batch is removed from Redis: its event settles it first).
    expect(count(result.stderr, `batch ${lost} is missing from Redis (lost in a restart?): enqueuing it again`)).toBe(1);
    expect(count(result.stderr, 'is missing from Redis')).toBe(1);
  });

  it('settles batches whose completed or failed events were lost while the coordinator was cut off: completed ones run again, a failed one is split', async () => {
    const dir = await corpusWithLocalRun();
    redis = await startRedis();
    const admin = client(redis.url);
    // A process of its own, to be frozen (SIGSTOP) while its batches finish.
    const coordinator = processes.track(spawnCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--quiet', ...batches], { name: 'coordinator', cwd: dir }));
    await until('the 9 batches of pass 1', async () => (await admin.llen('unboil:q:wait')) === 9);
    coordinator.child.kill('SIGSTOP');
    try {
      // Its connections cut: what happens between now and its reconnection is only in the event stream.
      await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
      // One batch fails for good (as after its attempts)…
      const taker = new Worker('q', null, { connection: client(redis.url), prefix: 'unboil', autorun: false });
      const failing = (await taker.getNextJob('test-token'))!;
      await failing.moveToFailed(new UnrecoverableError('failed while the coordinator was away'), 'test-token');
      await taker.close();
      const queue = new Queue('q', { connection: client(redis.url), prefix: 'unboil' });
      expect(await queue.getJobState(failing.id!)).toBe('failed');
      // …a worker completes the 8 others (removed from Redis once completed)…
      await processes.worker(redis.url, 'q', 'w1').ready;
      await until('the other batches done', async () => (await admin.llen('unboil:q:wait')) + (await admin.llen('unboil:q:active')) === 0);
      // …and the stream loses their events before the coordinator reads them again.
      await admin.xtrim('unboil:q:events', 'MAXLEN', 0);
    } finally {
      coordinator.child.kill('SIGCONT');
    }
    const started = Date.now();
    expect(await coordinator.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
    const stderr = coordinator.stderr();
    expect(count(stderr, 'is missing from Redis (lost in a restart?): enqueuing it again')).toBe(8);
    expect(count(stderr, 'failed in Redis without its event reaching the coordinator')).toBe(1);
    expect(stderr).toContain('failed while the coordinator was away');
  });
});
