import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stageList } from '../config/option-changes.js';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { STATE_DIR } from '../engine/output-store.js';
import type { Failure } from './ci-reports.js';
import { compareWithFolder, differs, type RunComparison, type UsedPipelines } from './compare.js';
import { cleanInputs, indexOutputDir, readOutputDocument, type OutputIndex } from './documents.js';
import { recordedStages } from './run-pipelines.js';
import { readRecordedRun } from './run-record.js';

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
  const expected: OutputIndex = fresh ? { dir: abs, files: new Map(), roots: null } : indexOutputDir(options.expected, cwd);
  if (options.out && options.update) throw new ConfigError('give --update (rewrite the expected folder) or --out (write the new outputs elsewhere), not both');
  if (options.out && resolve(cwd, options.out) === abs) throw new ConfigError(`--out ${options.out} is the expected folder: use --update to rewrite it`);
  // Outputs of `run --format html` (or `--sidecar compact`) are checked the same way without being told: _run.json records both.
  const recorded = fresh ? null : readRecordedRun(abs);
  const format = options.format ?? recorded?.format;
  const settings = { cwd, sidecar: recorded?.sidecar ?? 'full', ...(options.pipeline ? { pipeline: options.pipeline } : {}), ...(format ? { format } : {}) };
  // --update cleans once, into the expected folder itself, and compares with a snapshot of it taken by hard links (the
  // engine replaces files by rename, so the links keep the old bytes). Otherwise the new outputs go to --out or a temporary folder.
  const snapshot = options.update && !fresh ? await snapshotOutputs(abs) : null;
  try {
    // The snapshot's _run.json names the roots relative to the expected folder, not to the snapshot.
    const before: OutputIndex = snapshot ? { ...indexOutputDir(snapshot, cwd), roots: expected.roots } : expected;
    const out = options.update ? options.expected : options.out;
    const run = await cleanInputs(options.inputs, { ...settings, ...(out ? { out } : {}) });
    const pipeline = typeof options.pipeline === 'object' ? options.pipeline : loadPipeline(options.pipeline ?? 'default', cwd);
    const stages = { before: (used: UsedPipelines) => recordedStages(snapshot ?? options.expected, cwd, used), after: stageList(pipeline) };
    const { names, ...cmp } = await compareWithFolder(before, run.docs, cwd, stages);
    // An input that failed to clean is reported as such, not as "output without input".
    const failedPaths = new Set(run.failed.map((f) => f.path));
    const failedNames = new Set(
      cmp.missing.filter((name) => {
        const doc = readOutputDocument(before, name, cwd);
        return doc !== null && failedPaths.has(doc.location);
      }),
    );
    cmp.missing = cmp.missing.filter((n) => !failedNames.has(n));
    // The run removed the outputs of inputs that are gone; name them.
    const deleted = options.update ? cmp.missing.flatMap((name) => ['.txt', '.json'].map((ext) => `${name}${ext}`)).filter((f) => !existsSync(join(abs, f))) : [];
    return { cmp, failed: run.failed, names, differs: differs(cmp), deleted };
  } finally {
    if (snapshot) await rm(snapshot, { recursive: true, force: true });
  }
}

/**
 * Hard links of an output folder's files (sidecars, texts, _run.json) in a
 * new folder inside its state folder: what the folder held before a run
 * rewrites it, at the cost of one link per file (a copy where links are
 * not possible).
 */
async function snapshotOutputs(dir: string): Promise<string> {
  const target = join(dir, STATE_DIR, `before-${randomBytes(6).toString('hex')}`);
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    await mkdir(join(target, rel), { recursive: true });
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!(rel === '' && entry.name === STATE_DIR)) stack.push(path);
      } else if (entry.isFile() && /\.(?:json|txt)$/.test(entry.name)) {
        await link(join(dir, path), join(target, path)).catch(() => copyFile(join(dir, path), join(target, path)));
      }
    }
  }
  return target;
}
