import type { Pipeline } from '../config/pipeline.js';
import type { Task, TaskResult } from './document-task.js';

/**
 * What carries out the passes' tasks. The engine decides what to run and
 * records what came back (journal, corpus decisions, summary); a runner
 * only runs tasks: the local pool of worker threads is one, a queue that
 * remote workers take batches from is another. Outputs are written by
 * whoever runs the task, so every runner must see the output folder.
 */
export interface TaskRunner {
  run(task: Task): Promise<TaskResult>;
  /** How many tasks the passes keep in flight to keep the runner busy (never the whole folder). */
  readonly capacity: number;
  /** Remote workers that returned results so far (a local runner has none). */
  readonly workers?: number;
  /** Releases what the runner holds while no task is coming (a local pool's threads); the next task takes them up again. */
  idle?(): Promise<void>;
  close(): Promise<void>;
}

/** Makes the runner of a run, once its pipeline is resolved. */
export type RunnerFactory = (setup: { pipeline: Pipeline; timeoutMs: number }) => TaskRunner | Promise<TaskRunner>;
