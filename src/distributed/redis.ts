import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError } from '../errors.js';
import { checkRedisUrl, shownUrl } from './url.js';

/** The oldest Redis BullMQ runs on. */
const MIN_REDIS = [5, 0, 0];

/**
 * A connection that reconnects with backoff (up to 2 s between tries) and
 * keeps commands until it is back: what BullMQ's blocking connections need.
 * How long the coordinator tolerates an outage is decided above this.
 */
export function redisClient(url: string, extra: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    ...extra,
  });
  // Connection errors surface through the commands that fail and the coordinator's heartbeat; unheard, ioredis prints each one.
  client.on('error', () => {});
  return client;
}

/**
 * Connects once, without retrying, and checks the server's version: a Redis
 * that is down or too old at start is a usage error (exit 2) naming the URL.
 */
export async function probeRedis(url: string): Promise<{ version: string }> {
  checkRedisUrl(url);
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000, enableOfflineQueue: false });
  // connect() rejects with "Connection is closed"; the error event says why.
  let cause: NodeJS.ErrnoException | null = null;
  probe.on('error', (error: NodeJS.ErrnoException) => (cause ??= error));
  try {
    await probe.connect();
    const info = await probe.info('server');
    const version = /redis_version:([\d.]+)/.exec(info)?.[1] ?? '0';
    const parts = version.split('.').map(Number);
    const k = MIN_REDIS.findIndex((min, j) => (parts[j] ?? 0) !== min);
    const tooOld = k >= 0 && (parts[k] ?? 0) < MIN_REDIS[k]!;
    if (tooOld) throw new ConfigError(`Redis at ${shownUrl(url)} is version ${version}; unboil's queue (BullMQ) needs ${MIN_REDIS.join('.')} or later`);
    return { version };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const e = cause ?? (error as NodeJS.ErrnoException);
    throw new ConfigError(`cannot reach Redis at ${shownUrl(url)}: ${e.code ?? e.message}`);
  } finally {
    probe.disconnect();
  }
}
