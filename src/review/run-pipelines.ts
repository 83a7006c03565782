import { resolve } from 'node:path';
import { formatChange, optionChanges, stageList, type StageList } from '../config/option-changes.js';
import { builtinPipelines, loadPipeline } from '../config/pipeline.js';
import type { UsedPipelines } from './compare.js';
import { readRecordedRun } from './run-record.js';

/**
 * The stages and options an output folder was made with, when they can be
 * known: the stage list `_run.json` records (`pipeline.stages`, as
 * stageList gives it), else the built-in pipeline of the same name whose
 * hash is the one in the sidecars (the usual case: outputs committed with
 * `default`). Null when neither says (a custom file since edited or gone).
 */
export function recordedStages(dir: string, cwd: string, used: UsedPipelines): StageList | null {
  // A broken or older _run.json says nothing about the pipeline; the sidecars still may.
  const recorded = readRecordedRun(resolve(cwd, dir)).stages;
  if (recorded) return recorded;
  if (used.length !== 1) return null;
  const { name, hash } = used[0]!;
  if (!builtinPipelines().includes(name)) return null;
  const builtin = loadPipeline(name);
  return builtin.hash === hash ? stageList(builtin) : null;
}

/** `boilerplate.shortPenalty: 100 → 1000` lines between two stage lists; empty when either is unknown. */
export function pipelineChangeLines(before: StageList | null, after: StageList | null): string[] {
  return before && after ? optionChanges(before, after).map(formatChange) : [];
}
