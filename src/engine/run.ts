import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { Pipeline } from '../config/pipeline.js';
import { ConfigError, InputError, UnboilError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import type { Format } from '../model/document.js';
import type { Sidecar } from '../model/sidecar.js';
import { Stats } from '../stages/types.js';
import { TOOL } from '../version.js';
import { processDocument, resolvePipelineOption } from './clean.js';
import { applyDecisions, decide, digestsOf } from './corpus.js';
import { collectInputs, type InputFile } from './inputs.js';
import { outputStems } from './output-paths.js';
import { buildOutputs } from './sidecar.js';
import { toJson, writeAtomic } from './write.js';

export interface RunOptions {
  inputs: string[];
  /** Output folder; when absent nothing is written (results are returned). */
  out?: string;
  pipeline?: Pipeline | string;
  concurrency?: number;
  format?: Format;
  logger?: Logger;
  cwd?: string;
  /** Called after each document is processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentResult {
  path: string;
  /** Output stem relative to the output folder (no extension). */
  output: string;
  text: string;
  sidecar: Sidecar;
}

export interface RunSummary {
  schema: 'unboil/run@1';
  tool: string;
  pipeline: { name: string; hash: string };
  documents: number;
  cleaned: number;
  failed: Array<{ path: string; error: string }>;
  totals: { blocks: number; kept: number; removed: number; charsIn: number; charsOut: number; removedBy: Record<string, number> };
  stages: Record<string, number>;
}

/**
 * Cleans a set of files and folders. Two passes: every document through the
 * per-document stages (bounded concurrency), then the corpus stages over all
 * of them in sorted path order, then the writes. Outputs depend only on the
 * inputs and the pipeline, never on which document finished first.
 */
export async function runPipeline(options: RunOptions): Promise<{ summary: RunSummary; results: DocumentResult[] }> {
  const cwd = options.cwd ?? '.';
  const pipeline = resolvePipelineOption(options.pipeline, cwd);
  const logger = options.logger ?? silentLogger;
  const inputs = collectInputs(options.inputs, cwd);
  if (!inputs.length) throw new ConfigError(`no documents found in ${options.inputs.join(', ')} (looked for .txt, .text, .html, .htm, .xhtml and their .gz)`);
  if (options.out) guardOutput(inputs, resolve(cwd, options.out));
  const stems = outputStems(inputs.map((i) => i.rel));
  const stats = new Stats();
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const failed: RunSummary['failed'] = [];
  let done = 0;

  const processed = await Promise.all(
    inputs.map((input, k) =>
      limit(async () => {
        try {
          const bytes = await readInput(input);
          const forced = options.format ?? input.format;
          const file = processDocument(bytes, { path: input.display, format: forced }, pipeline, { logger, stats });
          logger.debug({ path: input.display }, 'document cleaned');
          return { file, stem: stems[k]!, input };
        } catch (error) {
          const message = error instanceof UnboilError ? error.message : `unexpected error: ${(error as Error).message}`;
          logger.error({ path: input.display, err: error }, 'document failed');
          failed.push({ path: input.display, error: message });
          return null;
        } finally {
          options.onProgress?.(++done, inputs.length);
        }
      }),
    ),
  );
  const ok = processed.filter((p): p is NonNullable<typeof p> => p !== null);
  const decisions = decide(ok.map((p) => ({ path: p.input.display, digests: digestsOf(p.file, pipeline) })), pipeline);
  ok.forEach((p, k) => {
    const d = decisions[k];
    if (d) applyDecisions(p.file, d, pipeline, { logger, stats });
  });

  const totals: RunSummary['totals'] = { blocks: 0, kept: 0, removed: 0, charsIn: 0, charsOut: 0, removedBy: {} };
  const results: DocumentResult[] = [];
  const writes: Array<Promise<void>> = [];
  for (const { file, stem, input } of ok) {
    const { text, sidecar } = buildOutputs(file, pipeline);
    const s = sidecar.stats;
    totals.blocks += s.blocks;
    totals.kept += s.kept;
    totals.removed += s.removed;
    totals.charsIn += s.charsIn;
    totals.charsOut += s.charsOut;
    for (const [rule, n] of Object.entries(s.removedBy)) totals.removedBy[rule] = (totals.removedBy[rule] ?? 0) + n;
    results.push({ path: input.display, output: stem, text, sidecar });
    if (options.out) {
      const base = join(resolve(cwd, options.out), stem);
      writes.push(limit(() => writeAtomic(`${base}.txt`, text)), limit(() => writeAtomic(`${base}.json`, toJson(sidecar))));
    }
  }
  totals.removedBy = Object.fromEntries(Object.entries(totals.removedBy).sort(([a], [b]) => (a < b ? -1 : 1)));
  failed.sort((a, b) => (a.path < b.path ? -1 : 1));
  const summary: RunSummary = {
    schema: 'unboil/run@1',
    tool: TOOL,
    pipeline: { name: pipeline.name, hash: pipeline.hash },
    documents: inputs.length,
    cleaned: ok.length,
    failed,
    totals,
    stages: stats.toJSON(),
  };
  await Promise.all(writes);
  if (options.out) await writeAtomic(join(resolve(cwd, options.out), '_run.json'), toJson(summary));
  return { summary, results };
}

async function readInput(input: InputFile): Promise<Buffer> {
  try {
    return await readFile(input.abs);
  } catch (error) {
    throw new InputError(input.display, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Refuses to write outputs over an input (the output folder inside-out of an input folder is fine). */
function guardOutput(inputs: InputFile[], out: string): void {
  for (const input of inputs) {
    if (input.abs.startsWith(`${out}/`) && /\.(?:txt|json)$/i.test(input.abs)) {
      throw new ConfigError(`the output folder ${out} contains input ${input.display}: its outputs could overwrite inputs; choose another --out`);
    }
  }
}
