import type { z } from 'zod';
import type { Logger } from '../log.js';
import type { Format, UnboilFile } from '../model/document.js';

/** Counters that roll up into `_run.json` (`ctx.stats.update(label, n)`). */
export class Stats {
  readonly counts = new Map<string, number>();
  update(label: string, n = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + n);
  }
  merge(other: Stats): void {
    for (const [label, n] of other.counts) this.update(label, n);
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export interface StageContext {
  logger: Logger;
  stats: Stats;
}

interface StageBase<Options> {
  name: string;
  /** One line for `--help`, the README and the JSON Schema. */
  description: string;
  /** Zod schema of the options, with defaults for every field. */
  options: z.ZodType<Options>;
}

/** A stage that looks at one document at a time. */
export interface DocumentStage<Options = unknown> extends StageBase<Options> {
  kind: 'document';
  /** When set, the stage is skipped for documents of other formats. */
  formats?: Format[];
  run(file: UnboilFile, options: Options, ctx: StageContext): void;
}

/**
 * A stage that needs the whole corpus: `collect` sees every document (in
 * sorted path order), `finalize` decides, `apply` acts on each document.
 * State lives in the object `init` returns, never in module scope, so two
 * runs in one process cannot leak into each other.
 */
export interface CorpusStage<Options = unknown, State = unknown> extends StageBase<Options> {
  kind: 'corpus';
  init(options: Options): State;
  collect(file: UnboilFile, state: State, options: Options): void;
  finalize(state: State, options: Options): void;
  apply(file: UnboilFile, state: State, options: Options, ctx: StageContext): void;
}

export type Stage = DocumentStage<any> | CorpusStage<any, any>;
