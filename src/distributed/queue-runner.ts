import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { pipelineSpec } from '../config/pipeline.js';
import { UnboilError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import type { Task, TaskResult } from '../engine/document-task.js';
import type { RunnerFactory, TaskRunner } from '../engine/task-runner.js';
import { TOOL } from '../version.js';
import { DEFAULT_QUEUE, PREFIX, REFUSED, type BatchJob, type BatchResult } from './jobs.js';
import { batchState } from './batch-state.js';
import { CoordinatorLock } from './lock.js';
import { probeRedis, redisClient } from './redis.js';
import { shownUrl } from './url.js';

export interface QueueOptions {
  /** redis://host:port[/db] */
  url: string;
  /** Queue name (default "unboil"): one coordinator at a time per name. */
  queueName?: string;
  /** Documents per job (default 50). */
  batchSize?: number;
  /** Times a job is tried before it counts as failed (default 3). */
  attempts?: number;
  /** Jobs kept queued or running at once (default 32): enough for every worker, never the whole folder. */
  batchesInFlight?: number;
  /** How long Redis may stay unreachable mid-run before the run stops (default 30 s). */
  patienceMs?: number;
  /** Time to live of the coordinator lock (default 30 s): how long the queue stays taken after a coordinator dies. */
  lockTtlMs?: number;
  /**
   * How often the batches waited for are checked in Redis (default 10 s): a
   * batch missing at two checks in a row is enqueued again; one that failed
   * or completed without its event reaching the coordinator is settled.
   */
  checkMs?: number;
  /** The output folder, to name it in the lock (for the error a second coordinator gets). */
  out: string;
  /** Aborting it stops the run (Ctrl-C): the queue is released at once, not after the lock's TTL. */
  signal?: AbortSignal;
  logger?: Logger;
}

/** A job the coordinator waits for. */
interface InFlight {
  data: BatchJob;
  done: (value: BatchResult) => void;
  failed: (reason: string) => void;
  /** Set once Redis acknowledged the add: before that, a job not found is only not there yet. */
  added: boolean;
  /** Not found at the last check: found missing again, it is lost. */
  missing: boolean;
}

interface Waiting {
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

const FLUSH_MS = 20;

/**
 * A runner factory whose tasks go to remote workers through a BullMQ queue:
 * the coordinator of `unboil run --queue`. Connecting (and taking the queue's
 * lock) happens when the run starts, before any output is touched.
 */
export const queueRunner =
  (options: QueueOptions): RunnerFactory =>
  (setup) =>
    QueueRunner.open(options, setup);

/**
 * Tasks gathered into batches (one job each); a job's results come back
 * through the queue's event stream, and a watchdog reads in Redis the jobs
 * still waited for (a job lost is enqueued again, one finished whose event
 * was lost is settled). A job that fails for good (after its
 * attempts, or because its worker died twice) is split into one job per
 * document, so that a document that kills workers fails alone. Redis
 * emptied under the run gets the batches in flight again; unreachable for
 * longer than the patience, it stops the run with an error (the journal
 * keeps what was done).
 */
export class QueueRunner implements TaskRunner {
  readonly capacity: number;
  readonly #seen = new Set<string>();
  readonly #jobs = new Map<string, InFlight>();
  readonly #batch: Waiting[] = [];
  #timer: NodeJS.Timeout | undefined;
  #sequence = 0;
  #failure: Error | null = null;
  /** Set while Redis is unreachable: closing does not wait on it. */
  #redisDown = false;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #watchdog: NodeJS.Timeout;
  #checking = false;
  readonly #onAbort: () => void;

  private constructor(
    private readonly options: Required<Omit<QueueOptions, 'logger' | 'signal'>> & Pick<QueueOptions, 'signal'> & { logger: Logger },
    private readonly job: Omit<BatchJob, 'tasks'>,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly connections: Redis[],
    private readonly lock: CoordinatorLock,
  ) {
    this.capacity = options.batchSize * options.batchesInFlight;
    events.on('completed', ({ jobId, returnvalue }) => this.#jobs.get(jobId)?.done(returnvalue as unknown as BatchResult));
    events.on('failed', ({ jobId, failedReason }) => this.#jobs.get(jobId)?.failed(failedReason));
    let lastOk = Date.now();
    let lastWorkerCheck = Date.now();
    const every = Math.max(200, Math.min(options.lockTtlMs / 3, options.patienceMs / 4));
    const where = shownUrl(options.url);
    // Why the connection is down, in the words of the socket (ECONNREFUSED…), not of the retry logic.
    let cause = '';
    connections[0]!.on('error', (error: NodeJS.ErrnoException) => (cause = error.code ?? error.message));
    let beating = false;
    this.#heartbeat = setInterval(() => {
      // Judged at every tick, not when a refresh returns: a refresh may hang on a half-open connection.
      if (Date.now() - lastOk > options.patienceMs) {
        this.#redisDown = true;
        this.#abort(`lost Redis at ${where} for more than ${Math.round(options.patienceMs / 1000)} s (${cause || 'no answer'})`);
        return;
      }
      if (beating) return;
      beating = true;
      lock.refresh().finally(() => (beating = false)).then(
        (state) => {
          if (state === 'lost') return this.#abort(`lost queue "${options.queueName}" at ${where}: another coordinator took it`);
          lastOk = Date.now();
          if (this.#redisDown) options.logger.warn({ url: where }, 'Redis is back');
          this.#redisDown = false;
          cause = '';
          // Redis came back without our jobs (restarted without persistence): enqueue the batches in flight again.
          if (state === 'emptied') this.#resubmit();
          // Without a terminal nothing shows that a run waits for workers that are not there: say so.
          if (this.#jobs.size && Date.now() - lastWorkerCheck > 30_000) {
            lastWorkerCheck = Date.now();
            void queue.getWorkersCount().then((count) => count || options.logger.warn({ queue: options.queueName, url: where }, 'no worker is connected to the queue: start `unboil worker --queue <url>`'), () => {});
          }
        },
        (error: Error) => {
          if (!this.#redisDown) options.logger.warn({ url: where, error: cause || error.message }, `Redis unreachable, retrying for ${Math.round(options.patienceMs / 1000)} s`);
          this.#redisDown = true;
        },
      );
    }, every);
    this.#watchdog = setInterval(() => void this.#check(), options.checkMs);
    this.#onAbort = () => this.#abort(`interrupted (${String(options.signal?.reason ?? 'aborted')})`);
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (options.signal?.aborted) this.#onAbort();
  }

  static async open(options: QueueOptions, setup: Parameters<RunnerFactory>[0]): Promise<QueueRunner> {
    const settings = {
      queueName: DEFAULT_QUEUE,
      batchSize: 50,
      attempts: 3,
      batchesInFlight: 32,
      patienceMs: 30_000,
      lockTtlMs: 30_000,
      checkMs: 10_000,
      logger: silentLogger,
      ...options,
    };
    await probeRedis(settings.url);
    // Its own connection, failing fast: the heartbeat is how the run notices Redis is gone.
    // Commands fail at once while it is disconnected (no offline queue), so the heartbeat sees an outage at its next tick.
    const control = redisClient(settings.url, { maxRetriesPerRequest: 1, commandTimeout: 5000, enableOfflineQueue: false, lazyConnect: true });
    let lock: CoordinatorLock;
    try {
      await control.connect();
      lock = await CoordinatorLock.acquire(control, settings.queueName, settings.out, settings.lockTtlMs);
    } catch (error) {
      control.disconnect();
      throw error;
    }
    // BullMQ leaves connections it is given open: close() ends them below.
    const connections = [redisClient(settings.url), redisClient(settings.url)] as const;
    const queue = new Queue(settings.queueName, { connection: connections[0], prefix: PREFIX });
    // The event stream read from its current end, taken now: a result that comes before the first read is not missed.
    const [last] = await control.xrevrange(`${PREFIX}:${settings.queueName}:events`, '+', '-', 'COUNT', 1);
    const events = new QueueEvents(settings.queueName, { connection: connections[1], prefix: PREFIX, lastEventId: last?.[0] ?? '0-0' });
    queue.on('error', () => {});
    events.on('error', () => {});
    // Jobs a coordinator that died left waiting would only redo (or undo) work: this run enqueues its own.
    await queue.drain(true);
    await events.waitUntilReady();
    const job = { run: lock.holder.token, tool: TOOL, spec: pipelineSpec(setup.pipeline), hash: setup.pipeline.hash, timeoutMs: setup.timeoutMs };
    return new QueueRunner(settings, job, queue, events, [control, ...connections], lock);
  }

  get workers(): number {
    return this.#seen.size;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#batch.push({ task, resolve, reject });
      if (this.#batch.length >= this.options.batchSize) this.#flush();
      // A partial batch goes after a moment without new tasks (the end of a pass).
      else this.#timer ??= setTimeout(() => this.#flush(), FLUSH_MS);
    });
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#batch.splice(0);
    if (batch.length) void this.#submit(batch);
  }

  async #submit(batch: Waiting[]): Promise<void> {
    let outcome: { results: TaskResult[] } | { reason: string };
    try {
      outcome = await this.#runJob(batch.map((w) => w.task));
    } catch (error) {
      for (const w of batch) w.reject(this.#failure ?? (error as Error));
      return;
    }
    if ('results' in outcome) {
      batch.forEach((w, k) => w.resolve(outcome.results[k] ?? { kind: 'failed', error: 'the worker returned no result for this document' }));
    } else if (batch.length > 1 && !outcome.reason.startsWith(REFUSED)) {
      this.options.logger.warn({ documents: batch.length, reason: outcome.reason }, 'job failed for good: retrying its documents one per job');
      for (const w of batch) void this.#submit([w]);
    } else {
      const error = outcome.reason.startsWith(REFUSED)
        ? `refused by a worker: ${outcome.reason.slice(REFUSED.length)}`
        : `its job failed ${this.options.attempts} times or its worker died twice (${outcome.reason}); kept in the failed jobs of queue "${this.options.queueName}"`;
      for (const w of batch) w.resolve({ kind: 'failed', error });
    }
  }

  async #runJob(tasks: Task[]): Promise<{ results: TaskResult[] } | { reason: string }> {
    const jobId = `${this.job.run}-${++this.#sequence}`;
    const data: BatchJob = { ...this.job, tasks };
    const finished = new Promise<{ results: TaskResult[] } | { reason: string }>((resolve) => {
      this.#jobs.set(jobId, {
        data,
        done: (value) => {
          this.#seen.add(value.worker);
          resolve({ results: value.results });
        },
        failed: (reason) => resolve({ reason }),
        added: false,
        missing: false,
      });
    });
    try {
      // Listening before adding: a fast worker's result cannot come before we wait for it.
      // Raced with the end of the run: while Redis is down, adding waits for it to come back.
      await Promise.race([
        this.#add(jobId, data),
        this.#stopped,
      ]);
      const entry = this.#jobs.get(jobId);
      if (entry) entry.added = true;
      return await Promise.race([finished, this.#stopped]);
    } finally {
      this.#jobs.delete(jobId);
    }
  }

  #add(jobId: string, data: BatchJob) {
    return this.queue.add('batch', data, {
      jobId,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    });
  }

  /** Enqueues every batch in flight again, under the same job id (a batch Redis still has is not added twice). */
  #resubmit(): void {
    if (!this.#jobs.size) return;
    this.options.logger.warn({ batches: this.#jobs.size }, 'Redis came back empty: enqueuing the batches in flight again');
    for (const [jobId, { data }] of this.#jobs) void this.#add(jobId, data).catch(() => {});
  }

  /**
   * The watchdog: every batch still waited for, looked up in Redis. The
   * event stream alone can leave the run waiting forever: a Redis restarted
   * from an older snapshot or a partial append-only file keeps the run key
   * (so it does not count as emptied) but not every job; a completed or
   * failed event can be lost while the coordinator's connection is down.
   * Enqueuing a batch again is safe: a document's outputs are the same
   * whoever writes them, and the journal is the coordinator's alone.
   */
  async #check(): Promise<void> {
    if (this.#checking || this.#redisDown || this.#failure) return;
    this.#checking = true;
    try {
      for (const [jobId, entry] of [...this.#jobs]) {
        if (!entry.added) continue;
        const state = await batchState(this.queue, jobId);
        // Settled while Redis answered: its event came after all.
        if (this.#jobs.get(jobId) !== entry) continue;
        if (state.kind === 'completed') entry.done(state.result);
        else if (state.kind === 'failed') {
          this.options.logger.warn({ batch: jobId }, `batch ${jobId} failed in Redis without its event reaching the coordinator: settling it`);
          entry.failed(state.reason);
        } else if (state.kind === 'queued') entry.missing = false;
        // Missing once may be a batch completed (and removed) whose event is on its way; twice, it is lost.
        else if (!entry.missing) entry.missing = true;
        else {
          entry.missing = false;
          this.options.logger.warn({ batch: jobId, documents: entry.data.tasks.length }, `batch ${jobId} is missing from Redis (lost in a restart?): enqueuing it again`);
          // What a partial loss may leave of it (a hash in no list) would make the add a no-op.
          await this.queue.remove(jobId).catch(() => 0);
          await this.#add(jobId, entry.data);
        }
      }
    } catch {
      // Redis unreachable: the heartbeat says so and decides; the next check starts over.
    } finally {
      this.#checking = false;
    }
  }

  #abortStop: (error: Error) => void = () => {};
  readonly #stopped = new Promise<never>((_, reject) => (this.#abortStop = reject));

  #abort(why: string): void {
    if (this.#failure) return;
    this.#failure = new UnboilError(`${why}: run stopped; run the same command again to resume (outputs written so far are kept)`);
    this.#stopped.catch(() => {});
    this.#abortStop(this.#failure);
    for (const w of this.#batch.splice(0)) w.reject(this.#failure);
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    clearInterval(this.#watchdog);
    clearTimeout(this.#timer);
    this.options.signal?.removeEventListener('abort', this.#onAbort);
    const graceful = async () => {
      // Released whatever ended the run (a no-op if another run holds the queue), so the next coordinator need not wait for the TTL.
      await this.lock.release();
      await this.events.close();
      await this.queue.close();
    };
    // Redis may be gone: do not wait on it (for long).
    if (!this.#redisDown) await Promise.race([graceful().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    for (const connection of this.connections) connection.disconnect();
  }
}
