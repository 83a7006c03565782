import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Pipeline } from '../config/pipeline.js';
import { posix } from '../engine/inputs.js';
import { hasForeignSummary, STATE_DIR, SUMMARY } from '../engine/output-store.js';
import { runPipeline, type DocumentResult } from '../engine/run.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { compactSidecarSchema, fullSidecarSchema, type Sidecar, type SidecarLayout, type StoredSidecar } from '../model/sidecar.js';
import { expandSidecar, layoutOf } from '../model/sidecar-layout.js';
import { readRecordedRun, sourceLocation } from './run-record.js';

/** One cleaned document as the review tools see it: its output name, clean text and sidecar. */
export interface CleanedDocument {
  /** Output stem relative to its output folder ("news/2025/page"), the key runs are compared by. */
  name: string;
  /** Where its input is, relative to the working directory, when known (see sourceLocation); else the sidecar's source.path. */
  location: string;
  text: string;
  sidecar: Sidecar;
}

/**
 * The documents of an output folder by name, without reading them: the
 * review tools read one document at a time, so that a folder of 100,000
 * documents is never in memory whole.
 */
export interface OutputIndex {
  dir: string;
  /** Output name → sidecar file, sorted by name. */
  files: Map<string, string>;
  /** The input roots its `_run.json` records (absolute), or null. */
  roots: string[] | null;
}

export const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Whether a folder looks like the output of `unboil run` (a _run.json or at least one sidecar). */
export function isOutputDir(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  if (existsSync(join(dir, SUMMARY))) return true;
  return sidecarFiles(dir).some((f) => readFileSync(f, 'utf8').includes('"unboil/document@1"'));
}

/** JSON files of an output folder that may be sidecars (not the run summary, not the run's state folder). */
function sidecarFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!(d === dir && entry.name === STATE_DIR)) stack.push(full);
      } else if (entry.name.endsWith('.json') && !(d === dir && entry.name === SUMMARY)) out.push(full);
    }
  }
  return out;
}

/**
 * Lists an output folder of `unboil run` (names only).
 * @throws ConfigError for a missing folder or a folder that is not an unboil output
 */
export function indexOutputDir(dir: string, cwd = '.'): OutputIndex {
  const abs = resolve(cwd, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new ConfigError(`output folder not found: ${dir}`);
  if (hasForeignSummary(abs)) throw new ConfigError(`${dir} is not an unboil output folder: its _run.json is not an unboil/run@1 summary`);
  const entries = sidecarFiles(abs).map((file): [string, string] => [posix(relative(abs, file)).replace(/\.json$/, ''), file]);
  if (!entries.length && !existsSync(join(abs, SUMMARY))) throw new ConfigError(`${dir} is not an unboil output folder (no _run.json and no sidecars)`);
  return { dir: abs, files: new Map(entries.sort(([a], [b]) => byName(a, b))), roots: readRecordedRun(abs).roots };
}

/**
 * One document of an output folder, validated; null for a JSON file that is
 * not a sidecar.
 * @throws ConfigError for broken JSON or a sidecar that fails the schema
 */
export function readOutputDocument(index: OutputIndex, name: string, cwd = '.'): CleanedDocument | null {
  const file = index.files.get(name);
  if (!file) return null;
  const read = readSidecarAndText(file, posix(relative(resolve(cwd), file)));
  if (!read) return null;
  return { name, location: sourceLocation(read.sidecar.source, index.roots, cwd), ...read };
}

/**
 * A sidecar file and its clean text (the `.txt` beside it; for a full
 * sidecar without one, the text its kept blocks make; none for a skipped
 * document), a compact sidecar
 * expanded with that text; null for a JSON file that is not a sidecar.
 * @throws ConfigError for broken JSON, a sidecar that fails the schema, or a compact sidecar without its text
 */
function readSidecarAndText(file: string, shown: string): { sidecar: Sidecar; text: string } | null {
  const stored = readSidecar(file, shown);
  if (!stored) return null;
  const textFile = file.replace(/\.json$/, '.txt');
  if (existsSync(textFile)) {
    const text = readFileSync(textFile, 'utf8');
    return { sidecar: expandSidecar(stored, text), text };
  }
  // A skipped document (a language not in --lang) has a sidecar and no clean text: none of its blocks is kept.
  if (stored.skipped) return { sidecar: expandSidecar(stored, ''), text: '' };
  if (layoutOf(stored) === 'compact') throw new ConfigError(`${shown} is a compact sidecar: its clean text ${shown.replace(/\.json$/, '.txt')} is missing`);
  const sidecar = stored as Sidecar;
  return { sidecar, text: rebuildText(sidecar) };
}

/** The documents of an output folder in name order, read one at a time. */
export function* outputDocuments(index: OutputIndex, cwd = '.'): Generator<CleanedDocument> {
  for (const name of index.files.keys()) {
    const doc = readOutputDocument(index, name, cwd);
    if (doc) yield doc;
  }
}

/**
 * One sidecar file, validated; null for a JSON file that is not a sidecar.
 * @throws ConfigError for broken JSON or a sidecar that fails the schema
 */
function readSidecar(file: string, shown: string): StoredSidecar | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  if ((json as { schema?: unknown })?.schema !== 'unboil/document@1') return null;
  // Validated against its own layout, so that the message names the field at fault rather than the union.
  const parsed = ((json as { layout?: unknown }).layout === undefined ? fullSidecarSchema : compactSidecarSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${shown} is not a valid unboil/document@1 sidecar: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The clean text a sidecar describes (kept blocks, one blank line between). */
export function rebuildText(sidecar: Sidecar): string {
  const kept = sidecar.blocks.filter((b) => b.kept).map((b) => b.text);
  return kept.length ? `${kept.join('\n\n')}\n` : '';
}

/** Run results as review documents, one at a time. */
export async function* reviewDocuments(results: AsyncIterable<DocumentResult>): AsyncGenerator<CleanedDocument> {
  for await (const r of results) yield { name: r.output, location: r.path, text: r.text, sidecar: r.sidecar };
}

export interface CleanInputsOptions {
  pipeline?: Pipeline | string;
  cwd?: string;
  /** Force the format of every input (`--format`). */
  format?: Format;
  /** Write the outputs to this folder (kept) instead of a temporary one. */
  out?: string;
  /** How the sidecars are written. */
  sidecar?: SidecarLayout;
}

/** Cleans inputs without writing anywhere the user sees (a temporary folder, removed after; or `out`) and streams them as review documents. */
export async function cleanInputs(inputs: string[], options: CleanInputsOptions): Promise<{ docs: AsyncIterable<CleanedDocument>; failed: Array<{ path: string; error: string }> }> {
  const { results, summary } = await runPipeline({ inputs, ...options });
  return { docs: reviewDocuments(results), failed: summary.failed };
}

/**
 * Documents for `unboil diff`, one at a time: output folders are read,
 * sidecar files too, anything else is cleaned with the pipeline.
 */
export async function* loadDocuments(args: string[], options: CleanInputsOptions): AsyncGenerator<CleanedDocument> {
  const cwd = options.cwd ?? '.';
  const outputs = args.filter((a) => isOutputDir(resolve(cwd, a)));
  const sidecarFilesGiven = args.filter((a) => a.endsWith('.json') && existsSync(resolve(cwd, a)));
  const inputs = args.filter((a) => !outputs.includes(a) && !sidecarFilesGiven.includes(a));
  // Every argument is checked before the first document is shown.
  const indexes = outputs.map((dir) => indexOutputDir(dir, cwd));
  const cleaned = inputs.length ? await cleanInputs(inputs, options) : null;
  for (const index of indexes) yield* outputDocuments(index, cwd);
  for (const file of sidecarFilesGiven) {
    const read = readSidecarAndText(resolve(cwd, file), file);
    if (!read) throw new ConfigError(`${file} is not an unboil/document@1 sidecar`);
    yield { name: posix(file).replace(/\.json$/, ''), location: read.sidecar.source.path, ...read };
  }
  if (cleaned) yield* cleaned.docs;
}
