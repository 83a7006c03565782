import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { resolvePipeline } from '../config/pipeline.js';
import { silentLogger, type Logger } from '../log.js';
import { createPool, type WorkerPool } from '../engine/pool.js';
import { DEFAULT_QUEUE, PREFIX, REFUSED, incompatibility, type BatchJob, type BatchResult } from './jobs.js';
import { runIsCurrent } from './lock.js';
import { probeRedis, redisClient } from './redis.js';
import { shownUrl } from './url.js';

export interface WorkerOptions {
  /** redis://host:port[/db] */
  url: string;
  queueName?: string;
  /** Worker threads of the local pool (piscina). */
  threads: number;
  /** Heap limit of each thread in MB (default HEAP_LIMIT_MB; see pool.ts). */
  heapLimitMb?: number;
  /**
   * Jobs taken at once (default 1). More keeps threads busy at the end of a
   * batch (a few % with batches of 50), but a worker that dies takes every
   * job it holds with it: a poison document would drag innocent ones along.
   */
  jobs?: number;
  /** A job whose worker stops renewing its lock for this long is given to another worker (default 30 s). */
  stallMs?: number;
  /** How this worker is named in the queue (default host:pid). */
  name?: string;
  logger?: Logger;
}

export interface RunningWorker {
  name: string;
  /** Resolves once the worker has stopped: with the reason when it refused a job of another version. */
  stopped: Promise<{ refused: string | null }>;
  stop(): Promise<void>;
}

/**
 * `unboil worker`: takes batches from the queue and runs them through this
 * machine's pool of worker threads, which write each document's outputs
 * (atomically) into the run's output folder; digests and counters go back
 * as the job's result. The pipeline is resolved from the job's spec, one
 * pool per pipeline. A job made by another version of unboil, or whose
 * pipeline resolves to another hash here, is refused (so it goes back to
 * the queue for another worker) and this worker stops: mixed versions
 * would write mixed outputs.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const logger = options.logger ?? silentLogger;
  const queueName = options.queueName ?? DEFAULT_QUEUE;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const stallMs = options.stallMs ?? 30_000;
  await probeRedis(options.url);
  const control = redisClient(options.url);
  control.on('error', () => {});
  const pools = new Map<string, { pool: WorkerPool; users: number }>();
  let latest = '';
  let refused: string | null = null;
  let finish: (outcome: { refused: string | null }) => void = () => {};
  const stopped = new Promise<{ refused: string | null }>((resolve) => (finish = resolve));

  const poolFor = (data: BatchJob) => {
    const key = `${data.hash}:${data.timeoutMs}`;
    let entry = pools.get(key);
    if (!entry) {
      entry = { pool: createPool({ pipeline: resolvePipeline(data.spec, data.spec.name), threads: options.threads, timeoutMs: data.timeoutMs, ...(options.heapLimitMb ? { heapLimitMb: options.heapLimitMb } : {}) }), users: 0 };
      pools.set(key, entry);
    }
    latest = key;
    entry.users++;
    return { pool: entry.pool, release: () => void (--entry.users === 0 && key !== latest && pools.delete(key) && entry.pool.close()) };
  };

  const processJob = async (job: Job<BatchJob>): Promise<BatchResult> => {
    const data = job.data;
    const why = incompatibility(data);
    if (why) {
      logger.error({ job: job.id, reason: why }, 'refusing job');
      refused ??= why;
      setImmediate(() => void stop());
      throw new Error(`${REFUSED}${why} (worker ${name})`);
    }
    // A job of a run whose coordinator is gone: nobody waits for it, and its inputs may have changed since.
    if (!(await runIsCurrent(control, queueName, data.run))) return { worker: name, results: [] };
    const { pool, release } = poolFor(data);
    try {
      return { worker: name, results: await Promise.all(data.tasks.map((task) => pool.run(task))) };
    } finally {
      release();
    }
  };

  // BullMQ leaves a connection it is given open (stop() ends it); its blocking connection is its own duplicate.
  const connection = redisClient(options.url);
  const worker = new Worker<BatchJob, BatchResult>(queueName, processJob, {
    connection,
    prefix: PREFIX,
    name,
    concurrency: options.jobs ?? 1,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    maxStalledCount: 1,
  });
  worker.on('error', (error) => logger.warn({ url: shownUrl(options.url), error: error.message }, 'queue error'));
  worker.on('failed', (job, error) => {
    if (!refused) logger.warn({ job: job?.id, error: error.message }, 'job failed');
  });
  await worker.waitUntilReady();

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await worker.close();
      await Promise.all([...pools.values()].map((p) => p.pool.close()));
      control.disconnect();
      connection.disconnect();
      finish({ refused });
    })());
  logger.info({ name, queue: queueName, url: shownUrl(options.url), threads: options.threads }, 'worker ready');
  return { name, stopped, stop };
}
