import { createHash } from 'node:crypto';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { InputError, InternalError, UnboilError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { createDocument, type Format, type UnboilFile } from '../model/document.js';
import type { CorpusStage, DocumentStage, StageContext } from '../stages/types.js';
import { Stats } from '../stages/types.js';
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

export function resolvePipelineOption(pipeline: Pipeline | string | undefined, cwd?: string): Pipeline {
  return typeof pipeline === 'object' ? pipeline : loadPipeline(pipeline ?? 'default', cwd);
}

/** Runs the per-document stages of a pipeline on one document, in order. */
export function runDocumentStages(file: UnboilFile, pipeline: Pipeline, ctx: StageContext): void {
  for (const { stage, options } of pipeline.stages) {
    if (stage.kind !== 'document') continue;
    const documentStage = stage as DocumentStage;
    if (documentStage.formats && !documentStage.formats.includes(file.data.source.format)) continue;
    try {
      documentStage.run(file, options, ctx);
    } catch (error) {
      if (error instanceof UnboilError) throw error;
      throw new InternalError(`stage "${stage.name}" failed on ${file.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Runs the corpus stages over a set of processed documents (sorted by path by the caller). */
export function runCorpusStages(files: UnboilFile[], pipeline: Pipeline, ctx: StageContext): void {
  for (const { stage, options } of pipeline.stages) {
    if (stage.kind !== 'corpus') continue;
    const corpusStage = stage as CorpusStage;
    const state = corpusStage.init(options);
    for (const file of files) corpusStage.collect(file, state, options);
    corpusStage.finalize(state, options);
    for (const file of files) corpusStage.apply(file, state, options, ctx);
  }
}

export function newDocument(bytes: Uint8Array, options: { path: string; format?: Format | null; url?: string }): UnboilFile {
  const file = createDocument({ path: options.path, bytes, sha256: sha256(bytes), ...(options.format ? { format: options.format } : {}) });
  if (options.url) file.data.source.url = options.url;
  return file;
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
  const file = newDocument(bytes, {
    path: options.path ?? 'input',
    ...(options.format ? { format: options.format } : {}),
    ...(options.url ? { url: options.url } : {}),
  });
  runDocumentStages(file, pipeline, { logger: options.logger ?? silentLogger, stats: new Stats() });
  return buildOutputs(file, pipeline);
}

export { InputError };
