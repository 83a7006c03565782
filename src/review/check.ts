import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stageList } from '../config/option-changes.js';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { runPipeline } from '../engine/run.js';
import type { Failure } from './ci-reports.js';
import { compareRuns, differs, type RunComparison } from './compare.js';
import { cleanInputs, readOutputDir, reviewDocuments, type CleanedDocument } from './documents.js';
import { recordedStages } from './run-pipelines.js';

export interface CheckOptions {
  inputs: string[];
  /** The committed output folder. */
  expected: string;
  pipeline?: Pipeline | string;
  cwd?: string;
  /** Force the format of every input, as `run --format` did when the expected folder was made. */
  format?: Format;
  /** Also write the new outputs to this folder, exactly as `unboil run` would (CI artifacts); the expected folder is untouched. */
  out?: string;
  /** Rewrite the expected folder with the new outputs (and delete outputs whose input is gone). */
  update?: boolean;
}

export interface CheckResult {
  /** Expected (before) against the new run (after). With `update`, the change that was written. */
  cmp: RunComparison;
  /** Inputs the new run could not clean; their expected outputs are left alone. */
  failed: Failure[];
  /** Output names of the new run, for one JUnit test case each. */
  names: string[];
  /** Whether the outputs differ from the expected folder (before any update). */
  differs: boolean;
  /** Files deleted by `update` because their input is gone. */
  deleted: string[];
}

const isEmptyDir = (dir: string) => existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length === 0;

/**
 * `unboil check`: cleans the inputs and compares them with the expected
 * folder. Without `update` nothing is written anywhere; with it the
 * expected folder becomes exactly what `unboil run` writes (a new or empty
 * folder is fine, so that --update also creates the first baseline).
 * @throws ConfigError for a missing or foreign expected folder, a broken sidecar or a bad pipeline
 */
export async function checkOutputs(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? '.';
  const abs = resolve(cwd, options.expected);
  const fresh = options.update && (!existsSync(abs) || isEmptyDir(abs));
  const expected: CleanedDocument[] = fresh ? [] : readOutputDir(options.expected, cwd);
  if (options.out && options.update) throw new ConfigError('give --update (rewrite the expected folder) or --out (write the new outputs elsewhere), not both');
  if (options.out && resolve(cwd, options.out) === abs) throw new ConfigError(`--out ${options.out} is the expected folder: use --update to rewrite it`);
  // With --update the new outputs go to the expected folder, with --out to another one; otherwise nowhere.
  const out = options.update ? options.expected : options.out;
  const settings = { cwd, ...(options.pipeline ? { pipeline: options.pipeline } : {}), ...(options.format ? { format: options.format } : {}) };
  const run = out
    ? await runPipeline({ inputs: options.inputs, out, ...settings }).then(async ({ results, summary }) => ({
        docs: await reviewDocuments(results),
        failed: summary.failed,
      }))
    : await cleanInputs(options.inputs, settings);
  const pipeline = typeof options.pipeline === 'object' ? options.pipeline : loadPipeline(options.pipeline ?? 'default', cwd);
  const cmp = compareRuns(expected, run.docs, { before: recordedStages(options.expected, cwd, expected), after: stageList(pipeline) });
  // An input that failed to clean is reported as such, not as "output without input".
  const failedPaths = new Set(run.failed.map((f) => f.path));
  const failedNames = new Set(expected.filter((d) => failedPaths.has(d.sidecar.source.path)).map((d) => d.name));
  cmp.missing = cmp.missing.filter((n) => !failedNames.has(n));
  const deleted: string[] = [];
  if (options.update) {
    // The run removed the outputs of inputs that are gone; name them.
    for (const name of cmp.missing) {
      for (const ext of ['.txt', '.json']) if (!existsSync(join(abs, `${name}${ext}`))) deleted.push(`${name}${ext}`);
    }
  }
  return { cmp, failed: run.failed, names: run.docs.map((d) => d.name), differs: differs(cmp), deleted };
}
