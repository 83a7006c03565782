import type { z } from 'zod';
import type { DocumentRecord } from '../engine/record.js';
import type { Logger } from '../log.js';
import type { DocumentContext, Format } from '../model/document.js';

/**
 * Counters that roll up into `_run.json` (`ctx.stats.update(label, n)`).
 * Each document gets its own; the engine merges them, so counts do not
 * depend on which worker cleaned which document.
 */
export class Stats {
  readonly counts = new Map<string, number>();
  update(label: string, n = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + n);
  }
  merge(other: Stats | Record<string, number>): void {
    const entries = other instanceof Stats ? other.counts : Object.entries(other);
    for (const [label, n] of entries) this.update(label, n);
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
  /** Deprecated option values in resolved options (an old rule id): shown when the pipeline loads. */
  warnings?(options: Options): string[];
}

/**
 * What the main thread knows of a document stage: enough to resolve,
 * validate, hash and describe a pipeline, without loading the stage's code
 * (parsers, date and language models, word lists), which only the threads
 * that clean documents load (src/stages/implementations.ts).
 */
export interface DocumentStageSpec<Options = unknown> extends StageBase<Options> {
  kind: 'document';
  /** When set, the stage is skipped for documents of other formats. */
  formats?: Format[];
}

/**
 * A stage that looks at one document at a time. It gets the document's
 * context (the document, the parsed page, block views) as an argument and
 * removes blocks only through `doc.remove`.
 */
export interface DocumentStage<Options = unknown> extends DocumentStageSpec<Options> {
  run(doc: DocumentContext, options: Options, ctx: StageContext): void;
}

/** One document as a corpus stage's `finalize` sees it. */
export interface DigestEntry<Digest> {
  /** The document's path in the run (entries come sorted by it). */
  path: string;
  /** What `digest` returned for it (null: nothing to contribute). */
  digest: Digest | null;
  /** An earlier corpus stage removes the whole document: it must not count. */
  dropped: boolean;
}

/**
 * A stage that needs the whole corpus, in three plain-data steps so that
 * documents can be cleaned on any worker and nothing heavy is kept:
 * `digest` summarises one cleaned document (small and structured-clone
 * safe: a MinHash signature, hashed block keys), `finalize` decides from
 * the digests of all documents in sorted path order (the result depends on
 * the set of documents, never on the order they finished in), and `apply`
 * carries out the decision for one document on its record. A document whose
 * decision is null is left as it is (and is not rewritten).
 */
/** What the digests of one document read, computed once for all of them. */
export interface DigestInputs {
  /** comparable() of each kept block's text, in block order. */
  keys: readonly string[];
}

export interface CorpusStage<Options = unknown, Digest = unknown, Decision = unknown> extends StageBase<Options> {
  kind: 'corpus';
  digest(record: DocumentRecord, options: Options, inputs: DigestInputs): Digest | null;
  /** Returns one decision per entry, in the same order (null: nothing to do). */
  finalize(entries: readonly DigestEntry<Digest>[], options: Options): Array<Decision | null>;
  /** Whether the decision removes every block of the document (later corpus stages then skip it). */
  dropsDocument?(decision: Decision): boolean;
  apply(record: DocumentRecord, decision: Decision, options: Options, ctx: StageContext): void;
}

export type Stage = DocumentStage<any> | CorpusStage<any, any, any>;

/**
 * A stage as the registry lists it: a document stage's spec, or a whole
 * corpus stage (its digest, finalize and apply are small and run where the
 * digests are: the main thread decides over them).
 */
export type StageSpec = DocumentStageSpec<any> | CorpusStage<any, any, any>;
