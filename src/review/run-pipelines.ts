import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatChange, optionChanges, stageList, type StageList } from '../config/option-changes.js';
import { builtinPipelines, loadPipeline } from '../config/pipeline.js';
import type { UsedPipelines } from './compare.js';

const isStageList = (value: unknown): value is StageList =>
  Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string');

/**
 * The stages and options an output folder was made with, when they can be
 * known: the stage list `_run.json` records (`pipeline.stages`, as
 * stageList gives it), else the built-in pipeline of the same name whose
 * hash is the one in the sidecars (the usual case: outputs committed with
 * `default`). Null when neither says (a custom file since edited or gone).
 */
export function recordedStages(dir: string, cwd: string, used: UsedPipelines): StageList | null {
  const runFile = join(resolve(cwd, dir), '_run.json');
  if (existsSync(runFile)) {
    try {
      const stages = (JSON.parse(readFileSync(runFile, 'utf8')) as { pipeline?: { stages?: unknown } }).pipeline?.stages;
      if (isStageList(stages)) return stages;
    } catch {
      // A broken _run.json says nothing about the pipeline; the sidecars still may.
    }
  }
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
