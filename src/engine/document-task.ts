import { open, readFile, stat } from 'node:fs/promises';
import type { Pipeline, RunnablePipeline } from '../config/pipeline.js';
import { UnboilError } from '../errors.js';
import { silentLogger } from '../log.js';
import type { Format, Skip } from '../model/document.js';
import type { Sidecar, SidecarLayout } from '../model/sidecar.js';
import { compactSidecar } from '../model/sidecar-layout.js';
import { sidecarJson } from '../model/sidecar-json.js';
import { readWarcRecord } from '../read/warc.js';
import { extraOutput, needsSegmentation, type OutputFormat } from '../render/output-format.js';
import { Stats } from '../stages/types.js';
import { processDocument, sha256 } from './clean.js';
import { applyDecisions, digestsOf, type Decisions, type Digests } from './corpus.js';
import type { DocumentTotals } from './journal.js';
import { documentFiles, outputsExist, writeDocumentFiles } from './output-store.js';
import { recordFromSidecar, type DocumentRecord } from './record.js';
import { buildOutputs } from './sidecar.js';

/**
 * The work a worker thread does for one document, as plain data in and out
 * (so that it can run on any thread, or on another machine). Pass 1 cleans
 * an input and writes its outputs; pass 2 rewrites the outputs of a
 * document whose corpus decisions changed.
 */
export interface CleanTask {
  kind: 'clean';
  abs: string;
  /** Path shown in messages (relative to the working directory). */
  display: string;
  /** What the sidecar records: the path relative to the input root, and the root's index in the run summary's `roots`. */
  source: { path: string; root: number };
  /** Format forced by the caller (`--format`). */
  format: Format | null;
  /** Format the extension implies: a `.txt` whose content is plainly an HTML page is still cleaned as HTML (with a warning). */
  nameFormat: Format | null;
  /** For one record of a WARC or WET archive (`abs`): where it lies. */
  record?: { offset: number; length: number };
  stem: string;
  /** Real path of the output folder. */
  out: string;
  /** sha256 of the input the outputs on disk were made from: when the bytes still match, nothing is redone. */
  known: string | null;
  /** The known outputs are a skipped document's: a sidecar without clean text. */
  knownSkipped?: boolean;
  outputFormat: OutputFormat;
  /** How the sidecar is written (`--sidecar`). */
  sidecar: SidecarLayout;
}

export interface RewriteTask {
  kind: 'rewrite';
  stem: string;
  out: string;
  decisions: Decisions | null;
  outputFormat: OutputFormat;
  sidecar: SidecarLayout;
  /** The input, for an output format that needs its segmentation again (Markdown): the sidecar does not keep it. */
  input: Pick<CleanTask, 'abs' | 'display' | 'source' | 'format' | 'nameFormat' | 'record'>;
}

export type Task = CleanTask | RewriteTask;

export type TaskResult =
  | { kind: 'unchanged'; size: number; mtimeMs: number; sha256: string }
  | { kind: 'cleaned'; size: number; mtimeMs: number; sha256: string; digests: Digests; counters: Record<string, number>; totals: DocumentTotals; skipped?: Skip }
  | { kind: 'rewritten'; corpusCounters: Record<string, number>; totals: DocumentTotals }
  | { kind: 'failed'; error: string };

const maxBytesOf = (pipeline: Pipeline): number =>
  (pipeline.stages.find((s) => s.stage.name === 'decode')?.options as { maxBytes?: number } | undefined)?.maxBytes ?? Infinity;

export const totalsOf = (sidecar: Sidecar): DocumentTotals => {
  const { blocks, kept, removed, charsIn, charsOut, removedBy } = sidecar.stats;
  return { blocks, kept, removed, charsIn, charsOut, removedBy };
};

/** Reads an input, refusing what is not a regular file and what is larger than the pipeline accepts, before reading it. */
async function readInput(task: Pick<CleanTask, 'abs'>, maxBytes: number): Promise<{ bytes: Buffer; size: number; mtimeMs: number }> {
  const handle = await open(task.abs, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnboilError('not a regular file');
    if (info.size > maxBytes) throw new UnboilError(`document is ${info.size} bytes, more than decode.maxBytes (${maxBytes})`);
    return { bytes: await handle.readFile(), size: info.size, mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Why a document failed, in one line: our own errors say it; a file-system error names the call and path. */
export function failureOf(error: unknown): string {
  if (error instanceof UnboilError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.code && e.syscall) return `cannot ${e.syscall === 'open' ? 'open' : e.syscall} ${e.path ?? ''}: ${e.code}`.replace(/(?<!\s)\s+:/, ':');
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

const laidOut = (sidecar: Sidecar, layout: SidecarLayout) => (layout === 'compact' ? compactSidecar(sidecar) : sidecar);

export async function runTask(task: Task, pipeline: RunnablePipeline): Promise<TaskResult> {
  try {
    return task.kind === 'clean' ? await cleanDocument(task, pipeline) : await rewriteDocument(task, pipeline);
  } catch (error) {
    return { kind: 'failed', error: failureOf(error) };
  }
}

/**
 * A document's bytes and what is known of them: a file, or one record of a
 * WARC archive (its HTTP body; its URL, HTTP charset and kind, which the
 * format forced by --format still overrides). `size` and `mtimeMs` are the
 * file's, which the journal compares on the next run.
 */
async function readSource(task: Pick<CleanTask, 'abs' | 'source' | 'format' | 'nameFormat' | 'record'>, maxBytes: number) {
  // A record's body is bounded by decode.maxBytes while it is read: its size is only known then (content-encoding, chunks).
  if (!task.record) {
    const read = await readInput(task, maxBytes);
    return { ...read, input: { path: task.source.path, root: task.source.root, format: task.format, nameFormat: task.nameFormat } };
  }
  const info = await stat(task.abs);
  const payload = await readWarcRecord(task.abs, task.record.offset, task.record.length, maxBytes);
  return {
    bytes: Buffer.from(payload.bytes),
    size: info.size,
    mtimeMs: info.mtimeMs,
    input: { path: task.source.path, root: task.source.root, format: task.format ?? payload.kind, nameFormat: null, url: payload.uri, charset: payload.charset },
  };
}

async function cleanDocument(task: CleanTask, pipeline: RunnablePipeline): Promise<TaskResult> {
  const { bytes, size, mtimeMs, input } = await readSource(task, maxBytesOf(pipeline));
  const hash = sha256(bytes);
  if (task.known === hash && (await outputsExist(task.out, task.stem, task.knownSkipped))) return { kind: 'unchanged', size, mtimeMs, sha256: hash };
  const stats = new Stats();
  const record = processDocument(bytes, input, pipeline, { logger: silentLogger, stats });
  const { skipped } = record;
  // A skipped document takes no part in the corpus stages (no digests).
  const digests = skipped ? {} : digestsOf(record, pipeline);
  const sidecar = await writeRecord(task, record, pipeline);
  return { kind: 'cleaned', size, mtimeMs, sha256: hash, digests, counters: stats.toJSON(), totals: totalsOf(sidecar), ...(skipped ? { skipped } : {}) };
}

/** Builds and writes a document's outputs; a skipped document gets its sidecar only. Returns the sidecar. */
async function writeRecord(task: Pick<CleanTask, 'out' | 'stem' | 'outputFormat' | 'sidecar'>, record: DocumentRecord, pipeline: Pipeline): Promise<Sidecar> {
  const { text, sidecar } = buildOutputs(record, pipeline);
  const wanted = !record.skipped;
  await writeDocumentFiles(task.out, task.stem, wanted ? text : null, sidecarJson(laidOut(sidecar, task.sidecar)), wanted ? extraOutput(task.outputFormat, record, text) : null);
  return sidecar;
}

async function rewriteDocument(task: RewriteTask, pipeline: RunnablePipeline): Promise<TaskResult> {
  const files = documentFiles(task.out, task.stem);
  // The sidecar holds the per-document result, except what only segmentation knows: cleaning the
  // input again (deterministic, and only for the few documents a corpus decision changed) gives it back.
  // A compact sidecar lacks the removed blocks' whole text: the input is cleaned again too.
  const source = needsSegmentation(task.outputFormat) || task.sidecar === 'compact' ? await readSource(task.input, maxBytesOf(pipeline)) : null;
  const record = source
    ? processDocument(source.bytes, source.input, pipeline, { logger: silentLogger, stats: new Stats() })
    : recordFromSidecar(JSON.parse(await readFile(files.sidecar, 'utf8')) as Sidecar);
  const stats = new Stats();
  if (task.decisions) applyDecisions(record, task.decisions, pipeline, { logger: silentLogger, stats });
  const sidecar = await writeRecord(task, record, pipeline);
  return { kind: 'rewritten', corpusCounters: stats.toJSON(), totals: totalsOf(sidecar) };
}
