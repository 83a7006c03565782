import { z } from 'zod';

const count = z.number().int().min(0);

/**
 * `_run.json`, the run summary (`unboil/run@1`): what a run over a set of
 * inputs produced, without timestamps (it is reproducible), and what the
 * review tools need to re-clean and compare (the input roots, the forced
 * format, the stages and options).
 */
export const runSummarySchema = z
  .object({
    schema: z.literal('unboil/run@1'),
    tool: z.string(),
    pipeline: z
      .object({
        name: z.string(),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        stages: z.array(z.tuple([z.string(), z.unknown()])).describe('every stage that runs, with its full options, in order'),
      })
      .strict(),
    roots: z.array(z.string()).describe("input roots relative to the output folder (POSIX); a sidecar's source.root indexes this list"),
    format: z.enum(['text', 'html']).nullable().describe('format forced on every input (--format), or null (detected)'),
    sidecar: z.enum(['full', 'compact']).describe('how the sidecars are written (--sidecar)'),
    documents: count,
    cleaned: count.describe('documents cleaned (skipped and failed ones not counted)'),
    skipped: z
      .array(z.object({ path: z.string(), stage: z.string(), rule: z.string(), reason: z.string() }).strict())
      .optional()
      .describe('documents skipped whole (a language not in --lang), with the reason: their sidecar is written, their clean text is not; absent when none was'),
    failed: z.array(z.object({ path: z.string(), error: z.string() }).strict()).describe('documents that could not be cleaned, with the reason'),
    totals: z
      .object({ blocks: count, kept: count, removed: count, charsIn: count, charsOut: count, removedBy: z.record(z.string(), count) })
      .strict(),
    stages: z.record(z.string(), z.number()).describe('stage counters ("dedupe.near-duplicate": 3)'),
  })
  .strict()
  .describe('unboil run summary, written last by `unboil run`: a folder without it is an unfinished run.');

export type RunSummaryJson = z.infer<typeof runSummarySchema>;
