import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { ConfigError } from '../errors.js';
import { lockKey, type LockHolder } from './jobs.js';

const REFRESH = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One coordinator per queue: a Redis key set only if absent, with a time
 * to live that the holder keeps refreshing. A coordinator that dies frees
 * the queue after the TTL; one that cannot refresh it (Redis gone for too
 * long, or restarted and emptied) learns it has lost the queue.
 */
export class CoordinatorLock {
  readonly holder: LockHolder;
  #value: string;

  private constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
    holder: LockHolder,
  ) {
    this.holder = holder;
    this.#value = JSON.stringify(holder);
  }

  /** @throws ConfigError naming the holder when another coordinator runs on the queue */
  static async acquire(redis: Redis, queue: string, out: string, ttlMs: number): Promise<CoordinatorLock> {
    const holder: LockHolder = { token: randomBytes(8).toString('hex'), host: hostname(), pid: process.pid, out, since: new Date().toISOString() };
    const lock = new CoordinatorLock(redis, lockKey(queue), ttlMs, holder);
    if ((await redis.set(lock.key, lock.#value, 'PX', ttlMs, 'NX')) === 'OK') return lock;
    const other = await redis.get(lock.key);
    let who = 'another coordinator';
    try {
      const h = JSON.parse(other ?? '') as LockHolder;
      who = `another coordinator (pid ${h.pid} on ${h.host}, writing ${h.out}, since ${h.since})`;
    } catch {
      // not ours to describe
    }
    throw new ConfigError(`queue "${queue}" is in use by ${who}: wait for it to finish, or use another --queue-name`);
  }

  /** True while the lock is still this run's; false once it expired or was replaced. */
  async refresh(): Promise<boolean> {
    return (await this.redis.eval(REFRESH, 1, this.key, this.#value, this.ttlMs)) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.#value);
  }
}

/** Whether a job's run is still the one holding its queue (a worker skips the jobs of runs that are over). */
export async function runIsCurrent(redis: Redis, queue: string, token: string): Promise<boolean> {
  const value = await redis.get(lockKey(queue));
  if (!value) return false;
  try {
    return (JSON.parse(value) as LockHolder).token === token;
  } catch {
    return false;
  }
}
