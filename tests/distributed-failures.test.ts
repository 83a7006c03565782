// Runs across machines when Redis or the coordinator goes away: a real
// redis-server per test (killed and started again on the same port, which is
// what a Redis restart is to its clients), `unboil worker` processes, and the
// coordinator in-process or, to be interrupted, as a process of its own.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { runCli } from './helpers/cli.js';
import { REDIS_SERVER, startRedis, type RedisServer } from './helpers/redis.js';
import { siteCorpus, tree } from './helpers/site-corpus.js';
import { Processes, spawnCli } from './helpers/workers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'unboil-distf-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A folder of n site pages (and a duplicate) and the outputs a local run makes of it, in dir/local. */
async function corpusWithLocalRun(n: number): Promise<string> {
  const dir = tmp();
  siteCorpus(join(dir, 'in'), n);
  await runPipeline({ inputs: ['in'], out: 'local', cwd: dir, concurrency: 2 });
  return dir;
}

const written = (out: string) => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json')).length : 0);

async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.skipIf(!REDIS_SERVER)('runs across machines when Redis or the coordinator goes away', { timeout: 120_000 }, () => {
  const processes = new Processes();
  const servers: RedisServer[] = [];
  const redisAt = async (port?: number, dir?: string) => {
    const server = await startRedis(port, dir ? { dir } : {});
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    processes.killAll();
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  const coordinate = (dir: string, url: string, out: string, ...extra: string[]) => runCli(['run', 'in', '--out', out, '--queue', url, '--quiet', ...extra], dir);

  it('a worker that was connected when Redis restarted (emptied, or with its data) takes the next runs', async () => {
    const dir = await corpusWithLocalRun(8);
    const data = tmp();
    let redis = await redisAt(undefined, data);
    const worker = processes.worker(redis.url, 'q', 'w1');
    await worker.ready;
    // Restarted with its data (the append-only file, fsynced at every write).
    await redis.stop();
    redis = await redisAt(redis.port, data);
    const first = await coordinate(dir, redis.url, 'first', '--queue-name', 'q', '--batch-size', '3');
    expect(first.code).toBe(0);
    expect(tree(join(dir, 'first'))).toEqual(tree(join(dir, 'local')));
    // Restarted empty.
    await redis.stop();
    redis = await redisAt(redis.port);
    const second = await coordinate(dir, redis.url, 'second', '--queue-name', 'q', '--batch-size', '3');
    expect(second.code).toBe(0);
    expect(tree(join(dir, 'second'))).toEqual(tree(join(dir, 'local')));
    expect(worker.child.exitCode).toBe(null);
  });

  for (const persisted of [false, true]) {
    it(`completes with a local run's outputs when Redis is killed mid-run and comes back ${persisted ? 'with its data' : 'empty'} (workers caught mid-batch)`, async () => {
      const dir = await corpusWithLocalRun(40);
      const data = persisted ? tmp() : undefined;
      let redis = await redisAt(undefined, data);
      const workers = [processes.worker(redis.url, 'q', 'w1'), processes.worker(redis.url, 'q', 'w2')];
      await Promise.all(workers.map((w) => w.ready));
      const run = coordinate(dir, redis.url, 'queue', '--queue-name', 'q', '--batch-size', '2', '--queue-patience', '30');
      await until('the first outputs', () => written(join(dir, 'queue')) >= 8);
      await redis.stop();
      await sleep(1000);
      redis = await redisAt(redis.port, data);
      const result = await run;
      expect(result.code).toBe(0);
      expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
      for (const w of workers) expect(w.child.exitCode).toBe(null);
      // An emptied Redis lost the batches in flight: the coordinator said it sent them again.
      if (!persisted) expect(result.stderr).toContain('Redis came back empty: enqueuing the batches in flight again');
      else expect(result.stderr).not.toContain('Redis came back empty');
    });
  }

  it('stops with exit 1 and one clear line when Redis stays away longer than --queue-patience; the same command resumes once it is back', async () => {
    const dir = await corpusWithLocalRun(40);
    let redis = await redisAt();
    const workers = [processes.worker(redis.url, 'q', 'w1'), processes.worker(redis.url, 'q', 'w2')];
    await Promise.all(workers.map((w) => w.ready));
    const run = coordinate(dir, redis.url, 'queue', '--queue-name', 'q', '--batch-size', '2', '--queue-patience', '2');
    await until('the first outputs', () => written(join(dir, 'queue')) >= 8);
    await redis.stop();
    const killed = Date.now();
    const result = await run;
    const waited = Date.now() - killed;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `unboil: lost Redis at ${redis.url} for more than 2 s (ECONNREFUSED): run stopped; run the same command again to resume (outputs written so far are kept)`,
    );
    // The patience counts from the last answer (a heartbeat, 0.5 s, before the kill at most), then the closing:
    // not the 5 s of a command timeout on top.
    expect(waited).toBeGreaterThanOrEqual(1400);
    expect(waited).toBeLessThan(5000);
    expect(existsSync(join(dir, 'queue/_run.json'))).toBe(false);
    // Redis back (empty); the workers are still there and reconnect; the same command resumes.
    redis = await redisAt(redis.port);
    const again = await coordinate(dir, redis.url, 'queue', '--queue-name', 'q', '--batch-size', '2');
    expect(again.code).toBe(0);
    const upToDate = /(\d+) up to date/.exec((await runCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--queue-name', 'q'], dir)).stdout);
    expect(Number(upToDate?.[1])).toBe(41);
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
    for (const w of workers) expect(w.child.exitCode).toBe(null);
  });

  it('releases the queue on Ctrl-C: the coordinator exits 130 and another one runs on the same queue at once', async () => {
    const dir = await corpusWithLocalRun(40);
    const redis = await redisAt();
    const worker = processes.worker(redis.url, 'q', 'w1');
    await worker.ready;
    const first = processes.track(spawnCli(['run', 'in', '--out', 'queue', '--queue', redis.url, '--queue-name', 'q', '--batch-size', '2', '--quiet'], { name: 'coordinator', cwd: dir }));
    await until('the first outputs', () => written(join(dir, 'queue')) >= 6);
    first.child.kill('SIGINT');
    const signalled = Date.now();
    expect(await first.exited).toBe(130);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(first.stderr()).toBe('unboil: interrupted (SIGINT): run stopped; run the same command again to resume (outputs written so far are kept)\n');
    const client = new Redis(redis.url);
    try {
      expect(await client.exists('unboil:q:coordinator', 'unboil:q:run')).toBe(0);
    } finally {
      client.disconnect();
    }
    // The lock's TTL is 30 s: a second coordinator that ran at once was not refused.
    const second = await coordinate(dir, redis.url, 'queue', '--queue-name', 'q', '--batch-size', '2');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(tree(join(dir, 'queue'))).toEqual(tree(join(dir, 'local')));
  });
});
