import { z } from 'zod';

const span = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

const baseBlock = {
  i: z.number().int().min(0),
  kind: z.enum(['line', 'paragraph', 'heading', 'list-item', 'table-row', 'quote', 'code', 'caption', 'text']),
  span: span.describe('[start, end) offsets into the decoded source'),
  line: z.number().int().min(1).describe('1-based line of span[0] in the decoded source'),
  text: z.string().describe('normalized text of the block'),
  role: z.enum(['title', 'heading', 'byline', 'dateline']).optional(),
  tag: z.string().optional().describe('HTML element name (HTML input only)'),
  path: z.string().optional().describe('simplified DOM path (HTML input only)'),
};

export const keptBlockSchema = z
  .object({ ...baseBlock, kept: z.literal(true), out: span.describe('[start, end) offsets into the clean text') })
  .strict();

export const removedBlockSchema = z
  .object({
    ...baseBlock,
    kept: z.literal(false),
    stage: z.string().describe('stage that removed the block'),
    rule: z.string().describe('rule id within that stage'),
    reason: z.string().describe('why, in plain language'),
    duplicateOf: z.number().int().min(0).nullable().describe('index of the first occurrence, for duplicates'),
  })
  .strict();

export const sidecarSchema = z
  .object({
    schema: z.literal('unboil/document@1'),
    id: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the input bytes'),
    source: z
      .object({
        path: z.string(),
        bytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(['text', 'html']),
        encoding: z.string(),
        url: z.string().nullable(),
        site: z.string().nullable(),
      })
      .strict(),
    pipeline: z.object({ name: z.string(), hash: z.string().regex(/^[0-9a-f]{64}$/), tool: z.string() }).strict(),
    meta: z
      .object({
        title: z.string().nullable(),
        author: z.string().nullable(),
        date: z.string().nullable().describe('ISO 8601'),
        lang: z.string().nullable().describe('ISO 639-1 (or 639-3 when no 639-1 code exists)'),
        site: z.string().nullable(),
      })
      .strict(),
    stats: z
      .object({
        blocks: z.number().int().min(0),
        kept: z.number().int().min(0),
        removed: z.number().int().min(0),
        charsIn: z.number().int().min(0),
        charsOut: z.number().int().min(0),
        removedBy: z.record(z.string(), z.number().int().min(1)).describe('"stage/rule" → number of blocks'),
      })
      .strict(),
    warnings: z
      .array(z.object({ stage: z.string(), rule: z.string(), message: z.string() }).strict())
      .describe('problems with the input that did not stop cleaning (invalid bytes…)'),
    blocks: z.array(z.union([keptBlockSchema, removedBlockSchema])),
  })
  .strict()
  .describe('unboil provenance sidecar: every input block is either kept (with its place in the clean text) or removed with the stage, rule and reason.');

export type Sidecar = z.infer<typeof sidecarSchema>;
export type SidecarBlock = Sidecar['blocks'][number];
