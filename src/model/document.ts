import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Block, Removal } from './block.js';

export type Format = 'text' | 'html';

export interface DocumentMeta {
  title: string | null;
  author: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time. */
  date: string | null;
  /** ISO 639-1 code when one exists, else ISO 639-3; null when undetermined. */
  lang: string | null;
  site: string | null;
}

export interface SourceInfo {
  /** Path as given to the run, relative to the working directory, POSIX separators. */
  path: string;
  bytes: number;
  sha256: string;
  format: Format;
  encoding: string;
  url: string | null;
  site: string | null;
}

export interface DocumentData {
  source: SourceInfo;
  blocks: Block[];
  meta: DocumentMeta;
  /** Raw bytes of the input; dropped once decoded. */
  bytes?: Uint8Array;
  /** Format fixed by the caller or the file extension; sniffed from content when absent. */
  formatHint?: Format;
  /** ISO 639-3 code of the language, for stop-word lists (set by the language stage). */
  lang3?: string;
  /** Language declared by an HTML page (`<html lang>`), primary subtag. */
  htmlLang?: string;
}

/** One document travelling through the pipeline: a VFile with typed data. */
export type UnboilFile = VFile & { data: DocumentData };

export function emptyMeta(): DocumentMeta {
  return { title: null, author: null, date: null, lang: null, site: null };
}

export function createDocument(init: {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  format?: Format;
}): UnboilFile {
  const file = new VFile({ path: init.path }) as UnboilFile;
  file.data = {
    source: {
      path: init.path,
      bytes: init.bytes.byteLength,
      sha256: init.sha256,
      format: init.format ?? 'text',
      encoding: 'utf-8',
      url: null,
      site: null,
    },
    blocks: [],
    meta: emptyMeta(),
    bytes: init.bytes,
    ...(init.format ? { formatHint: init.format } : {}),
  };
  return file;
}

/** The decoded source text. */
export const sourceText = (file: UnboilFile): string => String(file.value ?? '');

export const keptBlocks = (file: UnboilFile): Block[] =>
  file.data.blocks.filter((block) => block.removed === undefined);

/**
 * Removes a block and records why, as remark-lint records a lint message:
 * a VFileMessage with `source: 'unboil:<stage>'`, the rule as `ruleId`, the
 * block's span as `place` and, for a duplicate, the first occurrence as `cause`.
 * Removing an already removed block is a no-op: the first decision stands.
 */
export function removeBlock(file: UnboilFile, block: Block, removal: Removal): void {
  if (block.removed) return;
  block.removed = { duplicateOf: null, ...removal };
  // A VFileMessage is an Error: skip capturing a stack trace nobody reads
  // (pages have hundreds of removals; the traces were 7% of the run time).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    recordRemoval(file, block, removal);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function recordRemoval(file: UnboilFile, block: Block, removal: Removal): void {
  let cause: VFileMessage | undefined;
  if (removal.duplicateOf != null) {
    const original = file.data.blocks[removal.duplicateOf];
    if (original) cause = new VFileMessage('first occurrence', { place: placeOf(file, original) });
  }
  const message = file.info(removal.reason, {
    place: placeOf(file, block),
    ruleId: removal.rule,
    source: `unboil:${removal.stage}`,
    ...(cause ? { cause } : {}),
  });
  message.actual = block.text;
}

/** Records a non-fatal problem with the input (shown in the sidecar's `warnings`). */
export function warn(file: UnboilFile, stage: string, rule: string, reason: string): void {
  file.message(reason, { ruleId: rule, source: `unboil:${stage}` });
}

function placeOf(file: UnboilFile, block: Block) {
  const text = sourceText(file);
  return {
    start: { line: block.line, column: columnAt(text, block.span[0]), offset: block.span[0] },
    end: {
      line: block.line + countNewlines(text, block.span[0], block.span[1]),
      column: columnAt(text, block.span[1]),
      offset: block.span[1],
    },
  };
}

function columnAt(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
