import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { pipelineSpec, type Pipeline } from '../config/pipeline.js';
import type { Task, TaskResult } from './document-task.js';
import type { TaskRunner } from './task-runner.js';

/**
 * The compiled worker entry. Under a TypeScript runner (the test suite runs
 * src/ directly) this module is a .ts file and threads cannot load its .ts
 * sibling: they load the build in dist/, which the test setup keeps fresh.
 */
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/engine/worker.js', here) : new URL('./worker.js', here);
}

const YOUNG_GENERATION_MB = 16;

export const defaultConcurrency = (): number => Math.max(1, availableParallelism());

export interface WorkerPool extends TaskRunner {
  readonly threads: number;
}

/**
 * A pool of worker threads (piscina), one document at a time each. A task
 * that runs longer than `timeoutMs` is aborted, which stops its thread
 * (piscina starts a fresh one): the document fails alone, the run goes on.
 * The clock starts when a thread takes the task (it says so on a message
 * port), not when it is queued: waiting for a busy or restarting thread
 * does not count against a document.
 */
export function createPool(options: { pipeline: Pipeline; threads: number; timeoutMs: number }): WorkerPool {
  const threads = Math.max(1, options.threads);
  // Started on the first task: a re-run where every document is up to date never starts a thread.
  let piscina: Piscina | null = null;
  const start = () =>
    (piscina ??= new Piscina({
      filename: workerFile().href,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      // V8 grows each thread's young generation to ~48 MB on a busy thread and keeps
      // it: 16 MB took ~40 MB per thread off a 2-thread run's peak RSS (300 corpus
      // pages: 470 -> 430 MB) at no measurable cost in docs/s.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      workerData: { spec: pipelineSpec(options.pipeline), hash: options.pipeline.hash },
    }));
  return {
    threads,
    // Enough tasks in flight to keep every thread busy while results are recorded.
    capacity: threads * 2,
    async run(task: Task) {
      const abort = new AbortController();
      const { port1, port2 } = new MessageChannel();
      let timer: NodeJS.Timeout | undefined;
      if (Number.isFinite(options.timeoutMs)) port1.once('message', () => (timer = setTimeout(() => abort.abort(), options.timeoutMs)));
      try {
        return (await start().run({ task, started: port2 }, { signal: abort.signal, transferList: [port2] })) as TaskResult;
      } catch (error) {
        if (abort.signal.aborted) return { kind: 'failed', error: `took longer than ${options.timeoutMs / 1000} s (--timeout): stopped` };
        const message = (error as Error).message ?? String(error);
        // A worker that dies (out of memory, a native crash) takes only its document with it.
        return { kind: 'failed', error: `worker failed: ${message}` };
      } finally {
        clearTimeout(timer);
        port1.close();
      }
    },
    close: async () => {
      await piscina?.destroy();
    },
  };
}
