import { once } from 'node:events';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { pipelineSpec, type Pipeline } from '../config/pipeline.js';
import type { Decisions } from './corpus.js';
import type { DecideInput } from './decide-worker.js';
import type { Logger } from '../log.js';
import { HEAP_LIMIT_MB } from './pool.js';
import { threadFile } from './thread-file.js';

/**
 * Makes the corpus decisions in a thread of their own, which reads the
 * digests from the journal file: only the decisions come back, and its heap
 * goes with it. On the main thread, the digests and the stages' state of
 * 50,000 documents stayed in its heap long after the decisions were made,
 * beside the threads of pass 2 (main thread, fake runner: RSS in pass 2
 * 316 -> 229 MB). Its old generation is capped like the pool's threads, so
 * that it is collected at 1.6x its live size, not 4x (the cap is the run's
 * --heap-limit); a corpus too large for the cap is decided again without it.
 */
export async function decideInThread(
  pipeline: Pipeline,
  journal: { file: string; offsets: Float64Array },
  paths: string[],
  options: { heapLimitMb?: number; logger?: Logger } = {},
): Promise<Array<Decisions | null>> {
  const workerData: DecideInput = { spec: pipelineSpec(pipeline), hash: pipeline.hash, file: journal.file, offsets: journal.offsets, paths };
  const heapLimitMb = options.heapLimitMb ?? HEAP_LIMIT_MB;
  try {
    return await decideOnce(workerData, { maxOldGenerationSizeMb: heapLimitMb });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    options.logger?.warn({ documents: paths.length, heapLimitMb }, 'corpus decisions over the heap limit (--heap-limit): deciding again without the limit');
    return decideOnce(workerData, {});
  }
}

async function decideOnce(workerData: DecideInput, resourceLimits: ResourceLimits): Promise<Array<Decisions | null>> {
  const worker = new Worker(threadFile('decide-worker', import.meta.url), { workerData, resourceLimits });
  try {
    const [decisions] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error as Error))])) as [Array<Decisions | null>];
    return decisions;
  } finally {
    await worker.terminate();
  }
}
