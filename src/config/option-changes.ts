import type { z } from 'zod';
import type { Pipeline } from './pipeline.js';
import { isPlainObject } from './overrides.js';

/** A pipeline as data: each stage that runs with its full options, in order. */
export type StageList = ReadonlyArray<readonly [name: string, options: unknown]>;

/**
 * One difference between two stage lists: an option (`dedupe.nearDuplicate`,
 * `boilerplate.rules.related`), a stage turned on or off (path = the stage,
 * before/after = true/false), or the order of the stages both run (path = "order").
 */
export interface OptionChange {
  path: string;
  before: unknown;
  after: unknown;
}

export const stageList = (pipeline: Pipeline): StageList => pipeline.stages.map((s) => [s.stage.name, s.options] as const);

/** The same stages with every option at its default. */
export const defaultStageList = (pipeline: Pipeline): StageList => pipeline.stages.map((s) => [s.stage.name, (s.stage.options as z.ZodType).parse({})] as const);

function optionPaths(prefix: string, before: unknown, after: unknown, out: OptionChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) optionPaths(`${prefix}.${key}`, before[key], after[key], out);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: prefix, before, after });
}

/**
 * Option-by-option differences between two stage lists, in the order of
 * `after` (then stages only `before` runs): what `unboil validate` prints
 * against the defaults, and what a review of two runs can print instead of
 * two hashes.
 */
export function optionChanges(before: StageList, after: StageList): OptionChange[] {
  const out: OptionChange[] = [];
  const was = new Map(before.map(([name, options]) => [name, options]));
  const is = new Map(after.map(([name, options]) => [name, options]));
  for (const [name, options] of after) {
    if (was.has(name)) optionPaths(name, was.get(name), options, out);
    else out.push({ path: name, before: false, after: true });
  }
  for (const [name] of before) if (!is.has(name)) out.push({ path: name, before: true, after: false });
  const common = (list: StageList, other: Map<string, unknown>) => list.map(([name]) => name).filter((name) => other.has(name));
  const orderBefore = common(before, is);
  const orderAfter = common(after, was);
  if (orderBefore.join() !== orderAfter.join()) out.push({ path: 'order', before: orderBefore, after: orderAfter });
  return out;
}

/** How an option value is shown: JSON, or "unset" for an optional option without a value (`language.only`). */
export const shownValue = (v: unknown): string => (v === undefined ? 'unset' : JSON.stringify(v));

/** `dedupe.nearDuplicate: 0.6 → 0.5`, `site-template: on → off`, `language.only: unset → ["de","en"]`. */
export function formatChange(change: OptionChange): string {
  const order = change.path === 'order';
  const shown = (v: unknown) => (typeof v === 'boolean' && !change.path.includes('.') && !order ? (v ? 'on' : 'off') : order && Array.isArray(v) ? v.join(' → ') : shownValue(v));
  return order ? `order: ${shown(change.before)}  ⇒  ${shown(change.after)}` : `${change.path}: ${shown(change.before)} → ${shown(change.after)}`;
}
