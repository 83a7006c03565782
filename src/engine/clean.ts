import { createHash } from 'node:crypto';
import { resolvePipelineOption, type Pipeline, type RunnablePipeline } from '../config/pipeline.js';
import { InputError, InternalError, UnboilError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { createDocument, DocumentContext, type Format } from '../model/document.js';
import { implement } from '../stages/implementations.js';
import type { DocumentStage, StageContext } from '../stages/types.js';
import { Stats } from '../stages/types.js';
import { recordOf, type DocumentRecord } from './record.js';
import { buildOutputs, type Cleaned } from './sidecar.js';

export interface CleanOptions {
  /** Pipeline object, built-in name or path (default: "default"). */
  pipeline?: Pipeline | string;
  /** Path shown in the sidecar (default "input"). */
  path?: string;
  /** Force the format; otherwise sniffed from the content. */
  format?: Format;
  /** URL the page was fetched from, when known (used for the site). */
  url?: string;
  logger?: Logger;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Runs the per-document stages of a pipeline on one document, in order. */
export function runDocumentStages(doc: DocumentContext, pipeline: RunnablePipeline, ctx: StageContext): void {
  for (const { stage, options } of pipeline.stages) {
    if (stage.kind !== 'document') continue;
    const documentStage = stage as DocumentStage;
    if (documentStage.formats && !documentStage.formats.includes(doc.data.source.format)) continue;
    try {
      documentStage.run(doc, options, ctx);
    } catch (error) {
      if (error instanceof UnboilError) throw error;
      throw new InternalError(`stage "${stage.name}" failed on ${doc.file.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

export interface DocumentInput {
  /** Path shown in the sidecar and in messages. */
  path: string;
  /** Index of the input root `path` is relative to, in the run summary's `roots` (a run only). */
  root?: number;
  /** Forced format (`--format`): no sniffing. */
  format?: Format | null;
  /** Format the file name suggests: plainly HTML content overrides `text`, with a warning. */
  nameFormat?: Format | null;
  url?: string | null;
  /** Charset declared by the transport (a WARC record's HTTP Content-Type). */
  charset?: string | null;
}

/**
 * The per-document phase: decodes and cleans one document and returns its
 * record (a pipeline of specs gets its stages' code first). The document's context (VFile, parsed page, block views) is
 * dropped here; only the plain record leaves.
 */
export function processDocument(bytes: Uint8Array, input: DocumentInput, pipeline: Pipeline, ctx: StageContext): DocumentRecord {
  const file = createDocument({
    path: input.path,
    ...(input.root !== undefined ? { root: input.root } : {}),
    bytes,
    sha256: sha256(bytes),
    ...(input.format ? { format: input.format } : {}),
    ...(input.nameFormat ? { nameFormat: input.nameFormat } : {}),
    ...(input.charset ? { charset: input.charset } : {}),
  });
  if (input.url) file.data.source.url = input.url;
  const doc = new DocumentContext(file);
  // Idempotent and cheap: a pipeline given as specs (resolved on the main thread) gets its stages' code here.
  runDocumentStages(doc, implement(pipeline), ctx);
  return recordOf(doc);
}

/**
 * Cleans one document (text, HTML, or gzip of either) with the per-document
 * stages of a pipeline and returns the clean text and its sidecar. Corpus
 * stages need a whole run: use runPipeline for those.
 *
 * @throws InputError when the input cannot be read as text (binary, broken gzip, too large)
 * @throws ConfigError when the pipeline is invalid
 */
export function clean(input: string | Uint8Array, options: CleanOptions = {}): Cleaned {
  const pipeline = resolvePipelineOption(options.pipeline);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const record = processDocument(
    bytes,
    { path: options.path ?? 'input', format: options.format ?? null, url: options.url ?? null },
    pipeline,
    { logger: options.logger ?? silentLogger, stats: new Stats() },
  );
  return buildOutputs(record, pipeline);
}

export { InputError };
