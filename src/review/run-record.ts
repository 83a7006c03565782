import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { StageList } from '../config/option-changes.js';
import { posix } from '../engine/inputs.js';
import { SUMMARY } from '../engine/output-store.js';
import type { Format } from '../model/document.js';
import type { Sidecar, SidecarLayout } from '../model/sidecar.js';

/** What an output folder's `_run.json` says about how it was made, each part null when it does not say (an older or broken summary). */
export interface RecordedRun {
  /** The input roots, absolute (resolved against the output folder). */
  roots: string[] | null;
  format: Format | null;
  /** How its sidecars are written (full when it does not say). */
  sidecar: SidecarLayout;
  stages: StageList | null;
}

const NOTHING: RecordedRun = { roots: null, format: null, sidecar: 'full', stages: null };

const isStageList = (value: unknown): value is StageList =>
  Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string');

/**
 * Reads the parts of `_run.json` the review tools reuse: the roots the
 * sidecars' `source` paths are relative to, the `--format` the run forced,
 * the sidecar layout, and the stages with their options. Lenient: each part is checked alone,
 * so a summary from an older unboil still gives what it has.
 */
export function readRecordedRun(dir: string): RecordedRun {
  const file = join(dir, SUMMARY);
  if (!existsSync(file)) return NOTHING;
  let json: { roots?: unknown; format?: unknown; sidecar?: unknown; pipeline?: { stages?: unknown } };
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return NOTHING;
  }
  const roots = Array.isArray(json.roots) && json.roots.every((r) => typeof r === 'string') ? json.roots.map((r: string) => resolve(dir, r)) : null;
  const format = json.format === 'text' || json.format === 'html' ? json.format : null;
  const stages = isStageList(json.pipeline?.stages) ? json.pipeline.stages : null;
  return { roots, format, sidecar: json.sidecar === 'compact' ? 'compact' : 'full', stages };
}

/**
 * Where a sidecar's input is, relative to the working directory: its
 * root-relative `source.path` joined to the root `_run.json` records (a
 * WARC record keeps its `#<record id>`); the bare `source.path` when the
 * roots are unknown.
 */
export function sourceLocation(source: Sidecar['source'], roots: string[] | null, cwd: string): string {
  const root = source.root === undefined ? undefined : roots?.[source.root];
  return root === undefined ? source.path : posix(relative(resolve(cwd), resolve(root, source.path))) || source.path;
}
