import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stageList } from '../config/option-changes.js';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { runPipeline } from '../engine/run.js';
import type { Failure } from './ci-reports.js';
import { compareWithFolder, differs, type RunComparison, type UsedPipelines } from './compare.js';
import { cleanInputs, indexOutputDir, readOutputDocument, type OutputIndex } from './documents.js';
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
 * `unboil check`: cleans the inputs (into a temporary folder) and compares
 * them with the expected folder, one document at a time. Without `update`
 * nothing is written anywhere; with it the expected folder then becomes
 * exactly what `unboil run` writes there (a new or empty folder is fine,
 * so that --update also creates the first baseline).
 * @throws ConfigError for a missing or foreign expected folder, a broken sidecar or a bad pipeline
 */
export async function checkOutputs(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? '.';
  const abs = resolve(cwd, options.expected);
  const fresh = options.update && (!existsSync(abs) || isEmptyDir(abs));
  const expected: OutputIndex = fresh ? { dir: abs, files: new Map() } : indexOutputDir(options.expected, cwd);
  if (options.out && options.update) throw new ConfigError('give --update (rewrite the expected folder) or --out (write the new outputs elsewhere), not both');
  if (options.out && resolve(cwd, options.out) === abs) throw new ConfigError(`--out ${options.out} is the expected folder: use --update to rewrite it`);
  const settings = { cwd, ...(options.pipeline ? { pipeline: options.pipeline } : {}), ...(options.format ? { format: options.format } : {}) };
  // With --out the new outputs are written there (and kept), otherwise to a temporary folder.
  const run = await cleanInputs(options.inputs, { ...settings, ...(options.out ? { out: options.out } : {}) });
  const pipeline = typeof options.pipeline === 'object' ? options.pipeline : loadPipeline(options.pipeline ?? 'default', cwd);
  const stages = { before: (used: UsedPipelines) => recordedStages(options.expected, cwd, used), after: stageList(pipeline) };
  const { names, ...cmp } = await compareWithFolder(expected, run.docs, cwd, stages);
  // An input that failed to clean is reported as such, not as "output without input".
  const failedPaths = new Set(run.failed.map((f) => f.path));
  const failedNames = new Set(
    cmp.missing.filter((name) => {
      const doc = readOutputDocument(expected, name, cwd);
      return doc !== null && failedPaths.has(doc.sidecar.source.path);
    }),
  );
  cmp.missing = cmp.missing.filter((n) => !failedNames.has(n));
  const deleted: string[] = [];
  const changed = differs(cmp);
  if (options.update) {
    // Then the folder becomes what `run` writes there (incremental when it holds the journal of an earlier run).
    await runPipeline({ inputs: options.inputs, out: options.expected, ...settings });
    // The run removed the outputs of inputs that are gone; name them.
    for (const name of cmp.missing) {
      for (const ext of ['.txt', '.json']) if (!existsSync(join(abs, `${name}${ext}`))) deleted.push(`${name}${ext}`);
    }
  }
  return { cmp, failed: run.failed, names, differs: changed, deleted };
}
