import { VFile } from 'vfile';
import type { PageDom } from '../stages/html/dom.js';
import { LineIndex } from '../text/line-index.js';
import { viewInputs, viewOf, type BlockView, type ViewInputs } from './block-view.js';
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
  /** Path relative to the input root (the folder given to the run, or a given file's folder), POSIX separators. */
  path: string;
  /** Index of that root in the run summary's `roots`; absent outside a run (clean(), --stdout). */
  root?: number;
  bytes: number;
  sha256: string;
  format: Format;
  encoding: string;
  url: string | null;
  site: string | null;
}

/** A problem with the input that did not stop cleaning (shown in the sidecar's `warnings`). */
export interface Warning {
  stage: string;
  rule: string;
  message: string;
}

export interface DocumentData {
  source: SourceInfo;
  blocks: Block[];
  meta: DocumentMeta;
  warnings: Warning[];
  /** Raw bytes of the input; dropped once decoded. */
  bytes?: Uint8Array;
  /** Format fixed by the caller (`--format`, or an extension when the caller decided it wins). */
  formatHint?: Format;
  /** Format the file name suggests (`.txt` → text): content that is plainly HTML overrides it, with a warning. */
  nameFormat?: Format;
  /** Charset declared outside the document (an HTTP Content-Type, as in a WARC record): it comes before `<meta charset>`. */
  charset?: string;
  /** ISO 639-3 code of the language, for stop-word lists (set by the language stage). */
  lang3?: string;
  /** Language declared by an HTML page (`<html lang>`), primary subtag. */
  htmlLang?: string;
  /** Set when a stage decided the document is not wanted at all (a language not in `--lang`): no clean text is written for it. */
  skipped?: Skip;
}

/** Why a whole document is skipped: the stage and rule that decided it, in plain language. */
export interface Skip {
  stage: string;
  rule: string;
  reason: string;
}

/** One document travelling through the per-document stages: a VFile (value = decoded source) with typed data. */
export type UnboilFile = VFile & { data: DocumentData };

export function emptyMeta(): DocumentMeta {
  return { title: null, author: null, date: null, lang: null, site: null };
}

export function createDocument(init: { path: string; root?: number; bytes: Uint8Array; sha256: string; format?: Format; nameFormat?: Format; charset?: string }): UnboilFile {
  const file = new VFile({ path: init.path }) as UnboilFile;
  file.data = {
    source: { path: init.path, ...(init.root !== undefined ? { root: init.root } : {}), bytes: init.bytes.byteLength, sha256: init.sha256, format: init.format ?? 'text', encoding: 'utf-8', url: null, site: null },
    blocks: [],
    meta: emptyMeta(),
    warnings: [],
    bytes: init.bytes,
    ...(init.format ? { formatHint: init.format } : {}),
    ...(init.nameFormat ? { nameFormat: init.nameFormat } : {}),
    ...(init.charset ? { charset: init.charset } : {}),
  };
  return file;
}

/** The decoded source text. */
export const sourceText = (file: UnboilFile): string => String(file.value ?? '');

export const keptBlocks = (blocks: readonly Block[]): Block[] => blocks.filter((block) => block.removed === undefined);

/**
 * Removes a block and records why. `block.removed` is the one record of a
 * removal (the sidecar is built from it). Removing an already removed block
 * is a no-op: the first decision stands. Returns whether this call removed it.
 */
export function removeBlock(block: Block, removal: Removal): boolean {
  if (block.removed) return false;
  block.removed = { duplicateOf: null, ...removal };
  return true;
}

/**
 * Everything the per-document stages work on, passed to each of them as an
 * argument: the document, what segmentation built (the parsed page for HTML),
 * and a view of every block whose features are computed once, on first use.
 * Nothing here outlives the document's per-document phase: the engine keeps
 * only the plain record built from it (see engine/record.ts).
 */
export class DocumentContext {
  readonly file: UnboilFile;
  /** The parsed page of an HTML document, set by the segment stage. */
  page: PageDom | undefined;
  #lines: LineIndex | undefined;
  #views: Array<BlockView | undefined> = [];
  #inputs: ViewInputs | undefined;

  constructor(file: UnboilFile) {
    this.file = file;
  }

  get data(): DocumentData {
    return this.file.data;
  }

  get blocks(): Block[] {
    return this.file.data.blocks;
  }

  /** The decoded source. */
  get text(): string {
    return sourceText(this.file);
  }

  /** Line starts of the decoded source, built once. */
  lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  /**
   * The view of a block: its text features (in the document's language),
   * prose and headline shape, section. Valid from the language stage on
   * (stop words depend on the language; block text is final after normalize).
   */
  view(block: Block): BlockView {
    let view = this.#views[block.i];
    if (!view) {
      this.#inputs ??= viewInputs(this.text, this.blocks, this.file.data);
      view = this.#views[block.i] = viewOf(block, this.#inputs);
    }
    return view;
  }

  /** Views of the blocks still kept, in order. */
  keptViews(): BlockView[] {
    const out: BlockView[] = [];
    for (const block of this.blocks) if (!block.removed) out.push(this.view(block));
    return out;
  }

  remove(block: Block, removal: Removal): boolean {
    return removeBlock(block, removal);
  }

  /** Records a non-fatal problem with the input (shown in the sidecar's `warnings`). */
  warn(stage: string, rule: string, message: string): void {
    this.file.data.warnings.push({ stage, rule, message });
  }
}
