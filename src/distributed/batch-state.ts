import type { Queue } from 'bullmq';
import type { BatchResult } from './jobs.js';

/**
 * What Redis says of a batch the coordinator still waits for, read from
 * the job itself rather than from the event stream (whose events can be
 * lost: a connection down while the stream was trimmed, a Redis restored
 * from an older snapshot or AOF).
 *
 * - `queued`: waiting, delayed (a retry), active…: a worker will run it, or
 *   BullMQ's stalled-job check will give it back to one;
 * - `missing`: not in Redis (lost, or completed and removed an instant ago,
 *   its event not read yet: the caller tells them apart by asking again);
 * - `completed` / `failed`: finished, for good (BullMQ puts a job that has
 *   attempts left back in `delayed` or `wait`, not in `failed`).
 */
export type BatchState =
  | { kind: 'queued' }
  | { kind: 'missing' }
  | { kind: 'completed'; result: BatchResult }
  | { kind: 'failed'; reason: string };

export async function batchState(queue: Queue, jobId: string): Promise<BatchState> {
  const state = await queue.getJobState(jobId);
  // 'unknown': in no list of the queue, with or without its hash (a partial loss can leave either).
  if (state === 'unknown') return { kind: 'missing' };
  if (state !== 'completed' && state !== 'failed') return { kind: 'queued' };
  const job = await queue.getJob(jobId);
  if (!job) return { kind: 'missing' };
  return state === 'completed' ? { kind: 'completed', result: job.returnvalue as BatchResult } : { kind: 'failed', reason: job.failedReason || 'failed' };
}
