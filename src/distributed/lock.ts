import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { ConfigError } from '../errors.js';
import { lockKey, runKey, type LockHolder } from './jobs.js';

// KEYS: lock, run key. ARGV: the lock's value, TTL ms, the run's token.
// 1: refreshed; 2: the lock had expired (an outage longer than its TTL) and
// no other run took the queue: taken back; 3: Redis was emptied (the run
// key is gone too): both set again; 0: another run holds the queue.
const REFRESH = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if redis.call('exists', KEYS[1]) == 1 then return 0 end
local run = redis.call('get', KEYS[2])
if run == ARGV[3] then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
if run then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('set', KEYS[2], ARGV[3])
return 3`;
const RELEASE = `
if redis.call('get', KEYS[2]) == ARGV[2] then redis.call('del', KEYS[2]) end
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** What a refresh found: the lock still held, taken back after it expired, taken again in an emptied Redis, or lost to another run. */
export type LockState = 'held' | 'retaken' | 'emptied' | 'lost';
const STATES: Record<number, LockState> = { 0: 'lost', 1: 'held', 2: 'retaken', 3: 'emptied' };

/**
 * One coordinator per queue: a Redis key set only if absent, with a time
 * to live that the holder keeps refreshing. A coordinator that dies frees
 * the queue after the TTL. Beside it, the run key names the run without a
 * TTL, so that a coordinator cut off from Redis for a while can tell, once
 * it is back, whether it still owns the queue and whether its jobs survived.
 */
export class CoordinatorLock {
  readonly holder: LockHolder;
  #value: string;

  private constructor(
    private readonly redis: Redis,
    private readonly queue: string,
    private readonly ttlMs: number,
    holder: LockHolder,
  ) {
    this.holder = holder;
    this.#value = JSON.stringify(holder);
  }

  /** @throws ConfigError naming the holder when another coordinator runs on the queue */
  static async acquire(redis: Redis, queue: string, out: string, ttlMs: number): Promise<CoordinatorLock> {
    const holder: LockHolder = { token: randomBytes(8).toString('hex'), host: hostname(), pid: process.pid, out, since: new Date().toISOString() };
    const lock = new CoordinatorLock(redis, queue, ttlMs, holder);
    if ((await redis.set(lockKey(queue), lock.#value, 'PX', ttlMs, 'NX')) === 'OK') {
      await redis.set(runKey(queue), holder.token);
      return lock;
    }
    const other = await redis.get(lockKey(queue));
    let who = 'another coordinator';
    try {
      const h = JSON.parse(other ?? '') as LockHolder;
      who = `another coordinator (pid ${h.pid} on ${h.host}, writing ${h.out}, since ${h.since})`;
    } catch {
      // not ours to describe
    }
    throw new ConfigError(`queue "${queue}" is in use by ${who}: wait for it to finish, or use another --queue-name`);
  }

  async refresh(): Promise<LockState> {
    const state = await this.redis.eval(REFRESH, 2, lockKey(this.queue), runKey(this.queue), this.#value, this.ttlMs, this.holder.token);
    return STATES[state as number] ?? 'lost';
  }

  /** Frees the queue at once (a no-op when another run holds it). */
  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 2, lockKey(this.queue), runKey(this.queue), this.#value, this.holder.token);
  }
}

/**
 * Whether a job's run is still the queue's current run: the run key names
 * it (a lock that expired while Redis was away does not make the run's jobs
 * stale). A worker skips the jobs of runs that are over: released, or
 * replaced by another coordinator.
 */
export async function runIsCurrent(redis: Redis, queue: string, token: string): Promise<boolean> {
  return (await redis.get(runKey(queue))) === token;
}
