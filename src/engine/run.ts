import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { resolvePipelineOption, type Pipeline } from '../config/pipeline.js';
import { stageList } from '../config/option-changes.js';
import type { RunSummaryJson } from '../model/run-summary.js';
import { ConfigError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import type { Format } from '../model/document.js';
import type { Sidecar, SidecarLayout, StoredSidecar } from '../model/sidecar.js';
import { expandSidecar } from '../model/sidecar-layout.js';
import { Stats } from '../stages/types.js';
import { TOOL } from '../version.js';
import { codeFingerprint } from './code-fingerprint.js';
import { hasCorpusStages, type Decisions, type Digests } from './corpus.js';
import { decideInThread } from './decide-thread.js';
import { JSONL_FILE, type OutputFormat } from '../render/output-format.js';
import { renderJsonLine } from '../render/json.js';
import type { TaskResult } from './document-task.js';
import { recordFromSidecar } from './record.js';
import { collectInputs, posix, type InputFile } from './inputs.js';
import { expandWarcInputs } from './warc-inputs.js';
import { decisionsKey, PENDING, type DocumentTotals, type Journal, type JournalEntry } from './journal.js';
import { guardOutput, realPathOf, staleOutputs } from './output-guard.js';
import { outputStems } from './output-paths.js';
import { OutputStore } from './output-store.js';
import { mapLimited } from './map-limited.js';
import { createPool, defaultConcurrency } from './pool.js';
import type { RunnerFactory, TaskRunner } from './task-runner.js';

export interface RunOptions {
  inputs: string[];
  /** Output folder. When absent, outputs go to a temporary folder that iterating `results` reads and then removes. */
  out?: string;
  pipeline?: Pipeline | string;
  /** Worker threads (default: the number of cores). */
  concurrency?: number;
  format?: Format;
  /** What to write besides the clean text and the sidecar (default `text`: nothing). */
  outputFormat?: OutputFormat;
  /** How sidecars are written (default `full`; `compact`: see compactSidecar). */
  sidecar?: SidecarLayout;
  /** Per-document time limit in milliseconds (default 30 s); a document over it fails alone. */
  timeoutMs?: number;
  /** Old-generation limit of each worker thread in MB (default HEAP_LIMIT_MB; see pool.ts). */
  heapLimitMb?: number;
  logger?: Logger;
  cwd?: string;
  /** Called as documents finish (for a progress display). */
  onProgress?: (progress: Progress) => void;
  /** What runs the tasks (default: a pool of `concurrency` worker threads on this machine). */
  runner?: RunnerFactory;
}

export interface Progress {
  phase: 'clean' | 'corpus';
  done: number;
  total: number;
  failed: number;
  /** Documents whose outputs were already up to date. */
  skipped: number;
  /** Remote workers seen so far (runs on a queue only). */
  workers?: number;
}

export interface DocumentResult {
  path: string;
  /** Output stem relative to the output folder (no extension). */
  output: string;
  text: string;
  sidecar: Sidecar;
}

/** `_run.json` (`unboil/run@1`; schema in src/model/run-summary.ts). */
export type RunSummary = RunSummaryJson;

/** What this run did, beside what it produced (not in `_run.json`, which depends only on inputs and pipeline). */
export interface RunActivity {
  /** Documents cleaned in pass 1. */
  cleaned: number;
  /** Documents whose outputs were up to date. */
  skipped: number;
  /** Documents rewritten in pass 2 because a corpus decision changed. */
  rewritten: number;
  /** Output files removed because their input is gone. */
  removed: number;
}

export interface RunResult {
  summary: RunSummary;
  activity: RunActivity;
  /** The documents cleaned, in sorted path order, read back from the output folder one at a time. */
  results: AsyncIterable<DocumentResult>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** What besides the input bytes decides a document's outputs. */
const configKey = (pipeline: Pipeline, format: Format | undefined, outputFormat: OutputFormat, sidecar: SidecarLayout): string =>
  createHash('sha256')
    .update(
      JSON.stringify({ pipeline: pipeline.hash, tool: TOOL, code: codeFingerprint(), format: format ?? null, ...(outputFormat === 'text' ? {} : { outputFormat }), ...(sidecar === 'full' ? {} : { sidecar }) }),
    )
    .digest('hex');

const isPending = (applied: string | null): boolean => applied === PENDING;

interface Done {
  input: InputFile;
  stem: string;
  entry: JournalEntry;
}

/**
 * Cleans a set of files and folders, streaming. Pass 1 sends every document
 * through a pool of worker threads, which write its outputs as soon as it
 * is clean; only small digests come back. The corpus stages then decide
 * over the digests in sorted path order, and pass 2 rewrites the documents
 * a decision changed. Outputs depend only on the inputs and the pipeline,
 * never on which document finished first. A journal in the output folder
 * lets the next run skip what is up to date and finish what a killed run
 * left; `_run.json` is written last.
 */
export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? '.';
  const pipeline = resolvePipelineOption(options.pipeline, cwd);
  const logger = options.logger ?? silentLogger;
  const out = options.out === undefined ? null : resolve(cwd, options.out);
  if (options.out === '') throw new ConfigError('--out is empty: name an output folder');
  const outReal = out ? realPathOf(out) : null;
  const outShown = { real: outReal ?? '', display: options.out ?? '' };
  if (outReal) guardOutput(options.inputs.map((given) => ({ abs: resolve(cwd, given), display: given })), outShown);
  const listed = collectInputs(options.inputs, cwd, outReal ? [outReal] : []);
  // Nothing to do at all is a usage error; one missing input among others fails alone.
  if (listed.length && listed.every((i) => i.unreadable === 'input not found')) throw new ConfigError(`input not found: ${listed.map((i) => i.display).join(', ')}`);
  if (!listed.length) throw new ConfigError(`no documents found in ${options.inputs.join(', ')} (looked for .txt, .text, .html, .htm, .xhtml and their .gz, and .warc, .warc.gz, .wet.gz archives)`);
  // An archive becomes one input per record to clean; the records it skips are counted in the summary.
  const { inputs, skipped: warcSkipped } = await expandWarcInputs(listed);
  if (outReal) guardOutput(inputs.filter((i) => !i.unreadable), outShown);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const threads = Math.max(1, options.concurrency ?? defaultConcurrency());
  const pool = await (options.runner ?? (() => createPool({ pipeline, threads, timeoutMs, logger, ...(options.heapLimitMb ? { heapLimitMb: options.heapLimitMb } : {}) })))({ pipeline, timeoutMs });
  let store: OutputStore;
  try {
    store = out ? await OutputStore.open(out, options.out) : await OutputStore.open(await mkdtemp(join(tmpdir(), 'unboil-run-')));
  } catch (error) {
    await pool.close();
    throw error;
  }
  const stems = outputStems(inputs.map((i) => i.rel));
  const roots = rootsOf(inputs);
  const outputFormat = options.outputFormat ?? 'text';
  const sidecar = options.sidecar ?? 'full';
  const config = configKey(pipeline, options.format, outputFormat, sidecar);
  const activity: RunActivity = { cleaned: 0, skipped: 0, rewritten: 0, removed: 0 };
  const failed: RunSummary['failed'] = [];
  const fail = (path: string, error: string) => {
    failed.push({ path, error });
    logger.error({ path, error }, 'document failed');
  };

  const pass = { store, pool, activity, failed, fail, onProgress: options.onProgress, outputFormat, sidecar, format: options.format, roots };
  let ok: Done[];
  try {
    const done = await cleanPass({ ...pass, inputs, stems, config });
    const cleaned = done.filter((d): d is Done => d !== null);
    // The threads' heaps go while the main thread reads every document's digests back.
    await pool.idle?.();
    const decisions = await decideAll(store.journal, cleaned, pipeline, { logger, ...(options.heapLimitMb ? { heapLimitMb: options.heapLimitMb } : {}) });
    const rewriteFailed = await corpusPass({ ...pass, ok: cleaned, decisions });
    ok = cleaned.filter((d) => !rewriteFailed.has(d.stem));
  } finally {
    await pool.close();
  }
  activity.removed = await removeGone(store, new Set(stems));
  await writeJsonl(store, outputFormat === 'jsonl' ? ok : null);
  const summary = await summarize(store.journal, pipeline, inputs.length, ok, failed, warcSkipped, {
    roots: roots.map((root) => posixRelative(store.dir, root)),
    format: options.format ?? null,
    sidecar,
  });
  await store.writeSummary(summary);
  logger.info({ documents: summary.documents, cleaned: summary.cleaned, failed: failed.length, skipped: activity.skipped, rewritten: activity.rewritten, removed: activity.removed }, 'run finished');
  return { summary, activity, results: readResults(store, ok, out === null) };
}

interface PassContext {
  /** Absolute input roots, in `_run.json` order. */
  roots: string[];
  outputFormat: OutputFormat;
  sidecar: SidecarLayout;
  format: Format | undefined;
  store: OutputStore;
  pool: TaskRunner;
  activity: RunActivity;
  failed: RunSummary['failed'];
  fail: (path: string, error: string) => void;
  onProgress: RunOptions['onProgress'];
}

const workersOf = (runner: TaskRunner) => (runner.workers === undefined ? {} : { workers: runner.workers });

/** Whether a journal entry still describes the input and outputs on disk, judged without reading the input. */
async function upToDate(entry: JournalEntry | undefined, input: InputFile, key: string, config: string, store: OutputStore, stem: string): Promise<boolean> {
  if (!entry || entry.path !== key || entry.config !== config || isPending(entry.applied)) return false;
  try {
    const info = await stat(input.abs);
    return info.size === entry.size && info.mtimeMs === entry.mtimeMs && (await store.has(stem, entry.skipped !== undefined));
  } catch {
    return false;
  }
}

async function cleanPass(
  ctx: PassContext & { inputs: InputFile[]; stems: string[]; config: string },
): Promise<Array<Done | null>> {
  const { inputs, stems, store, pool, config, activity } = ctx;
  const journal = store.journal;
  let finished = 0;
  const progress = () => ctx.onProgress?.({ phase: 'clean', done: ++finished, total: inputs.length, failed: ctx.failed.length, skipped: activity.skipped, ...workersOf(pool) });
  return mapLimited(inputs, pool.capacity, async (input, k): Promise<Done | null> => {
    const stem = stems[k]!;
    try {
      if (input.unreadable) {
        await forget(store, stem);
        ctx.fail(input.display, input.unreadable);
        return null;
      }
      const known = journal.entries.get(stem);
      // The journal knows a document by what its sidecar records of its source, which does not depend on the working directory.
      const source = sourceOf(input, ctx.roots);
      const key = sourceKey(source);
      if (await upToDate(known, input, key, config, store, stem)) {
        activity.skipped++;
        return { input, stem, entry: known! };
      }
      const sameConfig = known && known.config === config && known.path === key && !isPending(known.applied);
      const result: TaskResult = await pool.run({
        kind: 'clean',
        abs: input.abs,
        display: input.display,
        source,
        format: ctx.format ?? null,
        nameFormat: input.format,
        ...(input.record ? { record: input.record } : {}),
        stem,
        out: store.dir,
        known: sameConfig ? known.sha256 : null,
        ...(sameConfig && known.skipped ? { knownSkipped: true } : {}),
        outputFormat: ctx.outputFormat,
        sidecar: ctx.sidecar,
      });
      if (result.kind === 'failed') {
        await forget(store, stem);
        ctx.fail(input.display, result.error);
        return null;
      }
      if (result.kind === 'unchanged') {
        // Same bytes, new mtime (a checkout, a copy): the outputs stand.
        activity.skipped++;
        await journal.update(stem, { size: result.size, mtimeMs: result.mtimeMs });
        return { input, stem, entry: journal.entries.get(stem)! };
      }
      if (result.kind !== 'cleaned') throw new Error(`unexpected result ${result.kind}`);
      activity.cleaned++;
      await journal.set({
        stem,
        path: key,
        size: result.size,
        mtimeMs: result.mtimeMs,
        sha256: result.sha256,
        config,
        digests: result.digests,
        counters: result.counters,
        applied: null,
        corpusCounters: {},
        totals: result.totals,
        ...(result.skipped ? { skipped: result.skipped } : {}),
      });
      return { input, stem, entry: journal.entries.get(stem)! };
    } finally {
      progress();
    }
  });
}

/**
 * A document that failed is forgotten by the journal (the next run tries it
 * again) but its outputs from an earlier run stay: a passing failure (a
 * timeout on a loaded machine) must not delete committed outputs.
 */
async function forget(store: OutputStore, stem: string): Promise<void> {
  if (store.journal.entries.has(stem)) await store.journal.remove(stem);
}

/**
 * Runs the corpus stages over the digests of the documents cleaned, which
 * a thread of their own reads back from the journal (decide-thread.ts).
 * Corpus decisions name other documents (a duplicate's original) as the
 * sidecars do: relative to their input root.
 */
async function decideAll(journal: Journal, cleaned: Done[], pipeline: Pipeline, options: { heapLimitMb?: number; logger?: Logger }): Promise<Array<Decisions | null>> {
  if (!hasCorpusStages(pipeline)) return cleaned.map(() => null);
  return decideInThread(pipeline, await journal.entryLines(cleaned.map((d) => d.stem)), cleaned.map((d) => d.input.source), options);
}

/** Rewrites the documents whose corpus decisions differ from what their outputs carry; returns the stems whose rewrite failed. */
async function corpusPass(ctx: PassContext & { ok: Done[]; decisions: Array<Decisions | null> }): Promise<Set<string>> {
  const { ok, decisions, store, pool, activity } = ctx;
  const journal = store.journal;
  const todo = ok.map((d, k) => ({ d, want: decisions[k] ?? null, key: decisionsKey(decisions[k] ?? null) })).filter(({ d, key }) => d.entry.applied !== key);
  let finished = 0;
  await mapLimited(todo, pool.capacity, async ({ d, want, key }) => {
    try {
      await journal.update(d.stem, { applied: PENDING });
      const input = { abs: d.input.abs, display: d.input.display, source: sourceOf(d.input, ctx.roots), format: ctx.format ?? null, nameFormat: d.input.format, ...(d.input.record ? { record: d.input.record } : {}) };
      const result = await pool.run({ kind: 'rewrite', stem: d.stem, out: store.dir, decisions: want, outputFormat: ctx.outputFormat, sidecar: ctx.sidecar, input });
      if (result.kind !== 'rewritten') {
        ctx.fail(d.input.display, result.kind === 'failed' ? result.error : `unexpected result ${result.kind}`);
        await forget(store, d.stem);
        return;
      }
      activity.rewritten++;
      await journal.update(d.stem, { applied: key, corpusCounters: result.corpusCounters, totals: result.totals });
    } finally {
      ctx.onProgress?.({ phase: 'corpus', done: ++finished, total: todo.length, failed: ctx.failed.length, skipped: activity.skipped, ...workersOf(pool) });
    }
  });
  return new Set(todo.filter(({ d }) => !journal.entries.has(d.stem)).map(({ d }) => d.stem));
}

/** Removes the outputs of documents that are no longer inputs: those the journal knows and unboil sidecars it does not. */
async function removeGone(store: OutputStore, current: Set<string>): Promise<number> {
  let removed = 0;
  for (const stem of [...store.journal.entries.keys()]) {
    if (current.has(stem)) continue;
    await store.remove(stem);
    removed++;
  }
  for await (const stem of staleOutputs(store.dir, current)) {
    await store.remove(stem);
    removed++;
  }
  return removed;
}

/**
 * The input roots of a run, sorted by absolute path: the order depends
 * neither on the working directory nor on the output folder, so that the
 * same inputs give the same `source.root` in every run (check's included).
 */
const rootsOf = (inputs: InputFile[]): string[] => [...new Set(inputs.map((i) => i.root))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const sourceOf = (input: InputFile, roots: string[]) => ({ path: input.source, root: roots.indexOf(input.root) });
const sourceKey = (source: { path: string; root: number }) => `${source.root}:${source.path}`;

const posixRelative = (from: string, to: string): string => posix(relative(from, to)) || '.';

async function summarize(
  journal: Journal,
  pipeline: Pipeline,
  documents: number,
  ok: Done[],
  failed: RunSummary['failed'],
  counters: Record<string, number>,
  where: Pick<RunSummary, 'roots' | 'format' | 'sidecar'>,
): Promise<RunSummary> {
  const totals: DocumentTotals = { blocks: 0, kept: 0, removed: 0, charsIn: 0, charsOut: 0, removedBy: {} };
  const stats = new Stats();
  stats.merge(counters);
  // Summed as the journal is read: no document's counters are kept.
  await journal.scan(
    ok.map((d) => d.stem),
    {
      entry: (_k, line) => stats.merge(line.counters),
      latest: (_k, { totals: t, corpusCounters }) => {
        totals.blocks += t.blocks;
        totals.kept += t.kept;
        totals.removed += t.removed;
        totals.charsIn += t.charsIn;
        totals.charsOut += t.charsOut;
        for (const [rule, n] of Object.entries(t.removedBy)) totals.removedBy[rule] = (totals.removedBy[rule] ?? 0) + n;
        stats.merge(corpusCounters);
      },
    },
  );
  totals.removedBy = Object.fromEntries(Object.entries(totals.removedBy).sort(([a], [b]) => (a < b ? -1 : 1)));
  failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // In sorted output order, as every list of the summary; written only when there are some (older readers and committed summaries stay as they were).
  const skipped = ok.flatMap(({ input, entry }) => (entry.skipped ? [{ path: input.display, ...entry.skipped }] : []));
  return {
    schema: 'unboil/run@1',
    tool: TOOL,
    pipeline: { name: pipeline.name, hash: pipeline.hash, stages: stageList(pipeline).map(([name, options]) => [name, options]) },
    ...where,
    documents,
    cleaned: ok.length - skipped.length,
    ...(skipped.length ? { skipped } : {}),
    failed,
    totals,
    stages: stats.toJSON(),
  };
}

/**
 * `documents.jsonl` for `--output-format jsonl`: one line per document in
 * sorted path order (id, path, url, metadata, text), streamed from the
 * outputs to a temporary file and renamed, so the corpus is never held in
 * memory; removed when the run writes another format (`ok` null).
 */
async function writeJsonl(store: OutputStore, ok: Done[] | null): Promise<void> {
  const file = join(store.dir, JSONL_FILE);
  if (!ok) return rm(file, { force: true });
  const tmp = join(store.tmp, `${JSONL_FILE}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp, 'utf8');
  const finished = once(stream, 'finish');
  try {
    for (const { stem, entry } of ok) {
      // A skipped document has no clean text: it is not part of the corpus.
      if (entry.skipped) continue;
      const files = store.files(stem);
      const [text, sidecar] = await Promise.all([readFile(files.text, 'utf8'), readFile(files.sidecar, 'utf8')]);
      const line = renderJsonLine(recordFromSidecar(expandSidecar(JSON.parse(sidecar) as StoredSidecar, text)), text);
      if (!stream.write(line)) await once(stream, 'drain');
    }
    stream.end();
    await finished;
    await rename(tmp, file);
  } catch (error) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Reads the outputs back one document at a time; a temporary output folder is removed once iteration ends. */
async function* readResults(store: OutputStore, ok: Done[], temporary: boolean): AsyncGenerator<DocumentResult> {
  try {
    for (const { input, stem, entry } of ok) {
      const files = store.files(stem);
      // A skipped document has only its sidecar: its clean text is empty.
      const [text, sidecar] = await Promise.all([entry.skipped ? '' : readFile(files.text, 'utf8'), readFile(files.sidecar, 'utf8')]);
      yield { path: input.display, output: stem, text, sidecar: expandSidecar(JSON.parse(sidecar) as StoredSidecar, text) };
    }
  } finally {
    if (temporary) await rm(store.dir, { recursive: true, force: true });
  }
}

export type { Digests };
