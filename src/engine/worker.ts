/**
 * Entry point of the engine's worker threads (piscina). The pipeline comes
 * once, as its canonical spec, in the pool's workerData; tasks and results
 * are plain data (document-task.ts).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { resolvePipeline } from '../config/pipeline.js';
import { implement } from '../stages/implementations.js';
import { silentLogger } from '../log.js';
import { Stats } from '../stages/types.js';
import { processDocument } from './clean.js';
import { runTask, type Task, type TaskResult } from './document-task.js';

const { spec, hash } = workerData as { spec: { name: string }; hash: string };
const pipeline = implement(resolvePipeline(spec, spec.name));
if (pipeline.hash !== hash) throw new Error(`worker resolved pipeline ${pipeline.hash}, the run has ${hash}: mixed versions of unboil?`);

// The first document through a fresh thread pays for lazy set-up (parsers,
// word lists, compiled code): pay it before the first task, so that the
// --timeout clock only ever measures a document's own work.
const WARM_UP_TEXT = 'Warm-up Title\n\nA short paragraph of plain prose, long enough to be read as a sentence by every stage.\n';
const WARM_UP_HTML = `<html lang="en"><head><title>Warm-up</title></head><body><nav><a href="/">Home</a></nav><article><h1>Warm-up</h1><p>${WARM_UP_TEXT}</p></article></body></html>`;
for (const [text, format] of [[WARM_UP_TEXT, 'text'], [WARM_UP_HTML, 'html']] as const) {
  processDocument(new TextEncoder().encode(text), { path: 'warm-up', format }, pipeline, { logger: silentLogger, stats: new Stats() });
}

/** Runs one task; `started` tells the pool that the clock of --timeout starts now. */
export default function run({ task, started }: { task: Task; started: MessagePort }): Promise<TaskResult> {
  started.postMessage(0);
  started.close();
  return runTask(task, pipeline);
}
