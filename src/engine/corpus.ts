import type { Pipeline } from '../config/pipeline.js';
import { keptBlocks } from '../model/document.js';
import { comparable } from '../text/normalize-text.js';
import type { CorpusStage, DigestEntry, DigestInputs, StageContext } from '../stages/types.js';
import type { DocumentRecord } from './record.js';

/** Corpus-stage digests of one document, by stage name (plain data). */
export type Digests = Record<string, unknown>;
/** Corpus-stage decisions for one document, by stage name; absent: nothing to do. */
export type Decisions = Record<string, unknown>;

const corpusStages = (pipeline: Pipeline) =>
  pipeline.stages.filter((s) => s.stage.kind === 'corpus') as Array<{ stage: CorpusStage; options: unknown }>;

export const hasCorpusStages = (pipeline: Pipeline): boolean => corpusStages(pipeline).length > 0;

/** What each corpus stage keeps of a document after its per-document phase. */
export function digestsOf(record: DocumentRecord, pipeline: Pipeline): Digests {
  const out: Digests = {};
  const stages = corpusStages(pipeline);
  if (!stages.length) return out;
  // Both built-in corpus stages compare kept blocks by their comparable text: made once here, not once a stage.
  const inputs: DigestInputs = { keys: keptBlocks(record.blocks).map((b) => comparable(b.text)) };
  for (const { stage, options } of stages) {
    const digest = stage.digest(record, options, inputs);
    if (digest !== null) out[stage.name] = digest;
  }
  return out;
}

/**
 * Runs every corpus stage's `finalize` over the digests of all documents,
 * given in sorted path order, and returns each document's decisions (null
 * when no stage changes it). A document an earlier stage drops whole (a
 * duplicate) does not count for later stages.
 */
export function decide(documents: ReadonlyArray<{ path: string; digests: Digests | null }>, pipeline: Pipeline): Array<Decisions | null> {
  const decisions: Array<Decisions | null> = documents.map(() => null);
  const dropped = new Uint8Array(documents.length);
  for (const { stage, options } of corpusStages(pipeline)) {
    const entries: DigestEntry<unknown>[] = documents.map((d, k) => ({ path: d.path, digest: d.digests?.[stage.name] ?? null, dropped: dropped[k] === 1 }));
    stage.finalize(entries, options).forEach((decision, k) => {
      if (decision === null || decision === undefined) return;
      (decisions[k] ??= {})[stage.name] = decision;
      if (stage.dropsDocument?.(decision)) dropped[k] = 1;
    });
  }
  return decisions;
}

/** Carries out a document's corpus decisions on its record, stage by stage in pipeline order. */
export function applyDecisions(record: DocumentRecord, decisions: Decisions, pipeline: Pipeline, ctx: StageContext): void {
  for (const { stage, options } of corpusStages(pipeline)) {
    if (stage.name in decisions) stage.apply(record, decisions[stage.name], options, ctx);
  }
}
