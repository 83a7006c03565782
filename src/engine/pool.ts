import { availableParallelism } from 'node:os';
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { pipelineSpec, type Pipeline } from '../config/pipeline.js';
import type { Task, TaskResult } from './document-task.js';
import type { Logger } from '../log.js';
import type { TaskRunner } from './task-runner.js';
import { threadFile } from './thread-file.js';

// V8 grows each thread's young generation to ~48 MB on a busy thread and keeps
// it: 16 MB took ~40 MB per thread off a 2-thread run's peak RSS (300 corpus
// pages: 470 -> 430 MB) at no measurable cost in docs/s. Larger, measured
// again (990 corpus pages, 2 threads, interleaved, user+sys CPU s / peak RSS
// MB, loaded machine): 16: 56.7, 59.8 / 281, 293; 32: 55.3, 50.6 / 304, 313;
// 64: 51.8, 48.8 / 375, 382; bench:scale 1k, 2 threads: 269 (16) against
// 300 (32). After the CPU cuts of the same round, 32 against 16: in-process
// loop -4 % CPU (30.7 against 31.6 s, +17 MB); the CLI at 1 thread 38.6, 36.5
// against 37.2, 39.6 s, at 2 threads 52.2, 43.3 against 52.8, 44.3 s, peak
// RSS 306-322 against 279-283 MB: a gain inside the noise of this machine for
// ~30 MB a run and the 1k target (~280 MB) passed, so 16 stays.
const YOUNG_GENERATION_MB = 16;

/**
 * V8 lets an old generation grow by a factor of its live size between full
 * collections, and takes the factor from the heap's limit: 4 under the
 * default limit of a machine with much memory, 1.6 under 1 GB. 1,000 corpus
 * pages, 2 threads, run side by side with and without the limit on a loaded
 * machine: peak RSS 437-451 -> 276-279 MB, user CPU +15-18 % (full
 * collections 17 -> 69; 1.5 GB: 291 MB and +14 %; 512 MB: 265 MB, 97 of
 * them). Memory is what this trades CPU for. The limit is far above what a
 * page of the corpus needs (the largest, 1.6 MB, runs in 64 MB); a document
 * that needs more is retried on a thread without it (`roomy`).
 */
export const HEAP_LIMIT_MB = 1024;

export const defaultConcurrency = (): number => Math.max(1, availableParallelism());

export interface WorkerPool extends TaskRunner {
  readonly threads: number;
  /** Documents that exhausted the heap limit and ran again on a thread without it. */
  readonly retried: number;
}

const outOfMemory = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * A pool of worker threads (piscina), one document at a time each. A task
 * that runs longer than `timeoutMs` is aborted, which stops its thread
 * (piscina starts a fresh one): the document fails alone, the run goes on.
 * The clock starts when a thread takes the task (it says so on a message
 * port), not when it is queued: waiting for a busy or restarting thread
 * does not count against a document.
 *
 * Threads run under a heap limit (`heapLimitMb`, default HEAP_LIMIT_MB) so
 * that they stay small; a document that exhausts it is not lost: it runs
 * again alone, on one more thread with V8's default limit, which goes away
 * when idle. `idle()` stops the threads between passes (the next task
 * starts them again), so that the main thread's work between passes does
 * not add to theirs.
 */
export function createPool(options: { pipeline: Pipeline; threads: number; timeoutMs: number; heapLimitMb?: number; logger?: Logger }): WorkerPool {
  const threads = Math.max(1, options.threads);
  const workerData = { spec: pipelineSpec(options.pipeline), hash: options.pipeline.hash };
  const limits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: options.heapLimitMb ?? HEAP_LIMIT_MB };
  // Started on the first task: a re-run where every document is up to date never starts a thread.
  let piscina: Piscina | null = null;
  let roomy: Piscina | null = null;
  let retried = 0;
  const threadsOf = (size: { minThreads: number; maxThreads: number; idleTimeout: number }, resourceLimits: ResourceLimits) =>
    new Piscina({ filename: threadFile('worker', import.meta.url).href, ...size, concurrentTasksPerWorker: 1, resourceLimits, workerData });
  const start = () => (piscina ??= threadsOf({ minThreads: threads, maxThreads: threads, idleTimeout: 60_000 }, limits));
  // For the rare document the limit is too small for: one at a time, and gone a few seconds after the last.
  const startRoomy = () => (roomy ??= threadsOf({ minThreads: 0, maxThreads: 1, idleTimeout: 2_000 }, { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }));

  async function runOn(pool: Piscina, task: Task): Promise<TaskResult | { kind: 'out of memory' }> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    if (Number.isFinite(options.timeoutMs)) port1.once('message', () => (timer = setTimeout(() => abort.abort(), options.timeoutMs)));
    try {
      return (await pool.run({ task, started: port2 }, { signal: abort.signal, transferList: [port2] })) as TaskResult;
    } catch (error) {
      if (abort.signal.aborted) return { kind: 'failed', error: `took longer than ${options.timeoutMs / 1000} s (--timeout): stopped` };
      if (outOfMemory(error)) return { kind: 'out of memory' };
      // A worker that dies (a native crash) takes only its document with it.
      return { kind: 'failed', error: `worker failed: ${(error as Error).message ?? String(error)}` };
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  const stop = async () => {
    const both = [piscina, roomy];
    piscina = roomy = null;
    await Promise.all(both.map((p) => p?.destroy()));
  };

  return {
    threads,
    // Enough tasks in flight to keep every thread busy while results are recorded.
    capacity: threads * 2,
    get retried() {
      return retried;
    },
    async run(task: Task) {
      const first = await runOn(start(), task);
      if (first.kind !== 'out of memory') return first;
      retried++;
      const heapLimitMb = options.heapLimitMb ?? HEAP_LIMIT_MB;
      options.logger?.warn({ path: task.kind === 'clean' ? task.display : task.stem, heapLimitMb }, 'document over the worker heap limit (--heap-limit): running it again on a thread without the limit');
      const again = await runOn(startRoomy(), task);
      return again.kind === 'out of memory' ? { kind: 'failed', error: 'worker failed: out of memory, even on a thread of its own without a heap limit' } : again;
    },
    idle: stop,
    close: stop,
  };
}
