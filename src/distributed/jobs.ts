import { resolvePipeline, type pipelineSpec } from '../config/pipeline.js';
import type { Task, TaskResult } from '../engine/document-task.js';
import { TOOL } from '../version.js';

/** BullMQ's key prefix for unboil's queues. */
export const PREFIX = 'unboil';
export const DEFAULT_QUEUE = 'unboil';
/** How a worker's refusal starts its failure reason: the coordinator fails the documents instead of splitting the job. */
export const REFUSED = 'refused: ';

/** The key that says which coordinator owns a queue (holds a {@link LockHolder}). */
export const lockKey = (queue: string): string => `${PREFIX}:${queue}:coordinator`;
/**
 * The key that names the queue's current run (its token), without a time to
 * live: it outlives a lock that expired while Redis was unreachable, and its
 * absence after an outage says Redis came back emptied.
 */
export const runKey = (queue: string): string => `${PREFIX}:${queue}:run`;

export interface LockHolder {
  /** Random per run; jobs carry it, so a worker can tell a job of a run that is over. */
  token: string;
  host: string;
  pid: number;
  out: string;
  since: string;
}

/**
 * One job: a batch of tasks of one run. The pipeline travels as its
 * canonical spec and hash, with the tool version, so that a worker checks
 * it would make the same outputs before it writes any.
 */
export interface BatchJob {
  run: string;
  tool: string;
  spec: ReturnType<typeof pipelineSpec>;
  hash: string;
  timeoutMs: number;
  tasks: Task[];
}

export interface BatchResult {
  /** Name of the worker that ran the batch. */
  worker: string;
  /** One result per task, in task order. */
  results: TaskResult[];
}

/**
 * Why this worker must not run a job (another unboil version, or a
 * pipeline that resolves differently here), or null when it may.
 */
export function incompatibility(job: Pick<BatchJob, 'tool' | 'spec' | 'hash'>): string | null {
  if (job.tool !== TOOL) return `the run is ${job.tool}, this worker is ${TOOL}`;
  let hash: string;
  try {
    hash = resolvePipeline(job.spec, job.spec.name).hash;
  } catch (error) {
    return `pipeline "${job.spec.name}" does not resolve here: ${(error as Error).message}`;
  }
  return hash === job.hash ? null : `pipeline "${job.spec.name}" has hash ${job.hash.slice(0, 12)} in the run and ${hash.slice(0, 12)} on this worker`;
}
