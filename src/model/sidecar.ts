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

/** A kept HTML block's share of characters inside links, when it has any: what `unboil report` flags link-heavy documents by. */
const links = z.number().min(0).max(1).optional().describe('HTML: share of the block characters inside links, 2 decimals (absent when none)');

export const keptBlockSchema = z
  .object({ ...baseBlock, kept: z.literal(true), out: span.describe('[start, end) offsets into the clean text'), links })
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

/**
 * `--sidecar compact` blocks: what can be rebuilt or is bulky is left out.
 * A kept block has no `text` (the clean text holds it at `out`); a removed
 * block's text is cut to COMPACT_TEXT characters (ending "…") and then has
 * a `hash`, the first 16 hex digits of the sha256 of the whole text (so a
 * change past the cut still shows) and no `duplicateOf` unless it is a
 * duplicate; neither has the DOM `path`.
 */
export const COMPACT_TEXT = 80;

const { i, kind, span: blockSpan, line, role, tag } = baseBlock;
const compactBase = { i, kind, span: blockSpan, line, role, tag };

export const compactKeptBlockSchema = z.object({ ...compactBase, kept: z.literal(true), out: span, links }).strict();

export const compactRemovedBlockSchema = z
  .object({
    // In the order the sidecar is written (and zod returns), so that a parsed block compares equal to one read raw.
    i,
    kind,
    span: blockSpan,
    line,
    text: z.string().describe('the block text, cut to 80 characters (ending "…") when longer'),
    hash: z.string().regex(/^[0-9a-f]{16}$/).optional().describe('when the text was cut: first 16 hex digits of the sha256 of the whole normalized text'),
    role,
    tag,
    kept: z.literal(false),
    stage: z.string(),
    rule: z.string(),
    reason: z.string(),
    duplicateOf: z.number().int().min(0).optional().describe('index of the first occurrence, for duplicates (absent otherwise)'),
  })
  .strict();

const sidecarShape = {
    schema: z.literal('unboil/document@1'),
    id: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the input bytes'),
    source: z
      .object({
        path: z.string().describe('path relative to its input root (POSIX separators; `<archive>#<record id>` for a WARC record)'),
        root: z.number().int().min(0).optional().describe('index of the input root in the roots of `_run.json` (absent outside a run)'),
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
    skipped: z
      .object({ stage: z.string(), rule: z.string(), reason: z.string() })
      .strict()
      .optional()
      .describe('present when the whole document was skipped (a language not in --lang): every block is removed by this rule and no clean text is written'),
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
};

/** A sidecar as the review tools and the engine use it: every block with its whole text (a compact one once expanded, see expandSidecar). */
export const fullSidecarSchema = z.object(sidecarShape).strict();

export const compactSidecarSchema = z
  .object({
    ...sidecarShape,
    layout: z.literal('compact').describe('written with --sidecar compact: kept blocks without text, removed blocks with a short text and a hash'),
    blocks: z.array(z.union([compactKeptBlockSchema, compactRemovedBlockSchema])),
  })
  .strict();

/** A sidecar as written: full, or compact (`"layout": "compact"`, compact blocks). */
export const sidecarSchema = z
  .union([
    fullSidecarSchema,
    compactSidecarSchema,
  ])
  .describe('unboil provenance sidecar: every input block is either kept (with its place in the clean text) or removed with the stage, rule and reason.');

export type Sidecar = z.infer<typeof fullSidecarSchema>;
export type StoredSidecar = z.infer<typeof sidecarSchema>;
export type CompactSidecar = Extract<StoredSidecar, { layout: 'compact' }>;
export type SidecarLayout = 'full' | 'compact';
export const SIDECAR_LAYOUTS: readonly SidecarLayout[] = ['full', 'compact'];
export type SidecarBlock = Sidecar['blocks'][number];
