/**
 * Entry point of the thread that makes the corpus decisions of a run (see
 * decide-thread.ts): it reads every document's digests from the journal
 * file itself, runs the corpus stages and posts the decisions back. The
 * pipeline comes as its canonical spec; corpus stages are their own specs,
 * so no per-document stage code is loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolvePipeline } from '../config/pipeline.js';
import { decide, type Digests } from './corpus.js';
import { linesAt } from './lines.js';

export interface DecideInput {
  spec: { name: string };
  hash: string;
  /** The journal file, and the offset of each document's entry line (-1: none), in sorted path order. */
  file: string;
  offsets: Float64Array;
  /** What decisions call each document (its source path). */
  paths: string[];
}

const { spec, hash, file, offsets, paths } = workerData as DecideInput;
const pipeline = resolvePipeline(spec, spec.name);
if (pipeline.hash !== hash) throw new Error(`decide thread resolved pipeline ${pipeline.hash}, the run has ${hash}: mixed versions of unboil?`);

const wanted = new Map<number, number>();
offsets.forEach((offset, k) => offset >= 0 && wanted.set(offset, k));
const digests: Array<Digests | null> = paths.map(() => null);
for await (const { offset, bytes } of linesAt(file, wanted.keys())) {
  digests[wanted.get(offset)!] = (JSON.parse(bytes.toString('utf8')) as { digests: Digests }).digests;
}
parentPort!.postMessage(decide(paths.map((path, k) => ({ path, digests: digests[k]! })), pipeline));
