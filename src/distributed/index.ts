/**
 * `unboil/distributed`: runs across machines on BullMQ and Redis, for the
 * library (the CLI's `run --queue` and `worker`). A module of its own, so
 * that importing `unboil` does not load BullMQ.
 */
export { queueRunner, type QueueOptions } from './queue-runner.js';
export { startWorker, type WorkerOptions, type RunningWorker } from './worker.js';
