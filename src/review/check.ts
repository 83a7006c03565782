import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pipeline } from '../config/pipeline.js';
import { runPipeline } from '../engine/run.js';
import type { Failure } from './ci-reports.js';
import { compareWithFolder, differs, type RunComparison } from './compare.js';
import { cleanInputs, indexOutputDir, readOutputDocument, type OutputIndex } from './documents.js';

export interface CheckOptions {
  inputs: string[];
  /** The committed output folder. */
  expected: string;
  pipeline?: Pipeline | string;
  cwd?: string;
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
  const run = await cleanInputs(options.inputs, { cwd, ...(options.pipeline ? { pipeline: options.pipeline } : {}) });
  const { names, ...cmp } = await compareWithFolder(expected, run.docs, cwd);
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
    await runPipeline({ inputs: options.inputs, out: options.expected, ...(options.pipeline ? { pipeline: options.pipeline } : {}), cwd });
    // The run removed the outputs of inputs that are gone; name them.
    for (const name of cmp.missing) {
      for (const ext of ['.txt', '.json']) if (!existsSync(join(abs, `${name}${ext}`))) deleted.push(`${name}${ext}`);
    }
  }
  return { cmp, failed: run.failed, names, differs: changed, deleted };
}
