import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Pipeline } from '../config/pipeline.js';
import { runPipeline, type DocumentResult } from '../engine/run.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { sidecarSchema, type Sidecar } from '../model/sidecar.js';

/** One cleaned document as the review tools see it: its output name, clean text and sidecar. */
export interface CleanedDocument {
  /** Output stem relative to its output folder ("news/2025/page"), the key runs are compared by. */
  name: string;
  text: string;
  sidecar: Sidecar;
}

const posix = (p: string) => p.split(sep).join('/');

/** Whether a folder looks like the output of `unboil run` (a _run.json or at least one sidecar). */
export function isOutputDir(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  if (existsSync(join(dir, '_run.json'))) return true;
  return sidecarFiles(dir).some((f) => readFileSync(f, 'utf8').includes('"unboil/document@1"'));
}

function sidecarFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && !(d === dir && entry.name === '_run.json')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * Reads an output folder of `unboil run`: every sidecar (validated against
 * the sidecar schema) with its clean text, sorted by name.
 * @throws ConfigError for a missing folder, a folder that is not an unboil output, or an invalid sidecar
 */
export function readOutputDir(dir: string, cwd = '.'): CleanedDocument[] {
  const abs = resolve(cwd, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new ConfigError(`output folder not found: ${dir}`);
  const docs: CleanedDocument[] = [];
  for (const file of sidecarFiles(abs)) {
    const sidecar = readSidecar(file, posix(relative(resolve(cwd), file)));
    if (!sidecar) continue; // some other JSON file
    const textFile = file.replace(/\.json$/, '.txt');
    docs.push({ name: posix(relative(abs, file)).replace(/\.json$/, ''), sidecar, text: existsSync(textFile) ? readFileSync(textFile, 'utf8') : rebuildText(sidecar) });
  }
  if (!docs.length && !existsSync(join(abs, '_run.json'))) throw new ConfigError(`${dir} is not an unboil output folder (no _run.json and no sidecars)`);
  return docs;
}

/**
 * One sidecar file, validated; null for a JSON file that is not a sidecar.
 * @throws ConfigError for broken JSON or a sidecar that fails the schema
 */
function readSidecar(file: string, shown: string): Sidecar | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  if ((json as { schema?: unknown })?.schema !== 'unboil/document@1') return null;
  const parsed = sidecarSchema.safeParse(json);
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

/** Run results as review documents. */
export async function reviewDocuments(results: AsyncIterable<DocumentResult>): Promise<CleanedDocument[]> {
  const docs: CleanedDocument[] = [];
  for await (const r of results) docs.push({ name: r.output, text: r.text, sidecar: r.sidecar });
  return docs;
}

export interface CleanInputsOptions {
  pipeline?: Pipeline | string;
  cwd?: string;
  /** Force the format of every input (`--format`). */
  format?: Format;
}

/** Cleans inputs in memory (nothing written) and returns them as review documents. */
export async function cleanInputs(inputs: string[], options: CleanInputsOptions): Promise<{ docs: CleanedDocument[]; failed: Array<{ path: string; error: string }> }> {
  const { results, summary } = await runPipeline({ inputs, ...options });
  return { docs: await reviewDocuments(results), failed: summary.failed };
}

/**
 * Documents for `unboil diff`: output folders are read, anything else is
 * cleaned in memory with the pipeline.
 */
export async function loadDocuments(args: string[], options: CleanInputsOptions): Promise<CleanedDocument[]> {
  const cwd = options.cwd ?? '.';
  const outputs = args.filter((a) => isOutputDir(resolve(cwd, a)));
  const sidecarFilesGiven = args.filter((a) => a.endsWith('.json') && existsSync(resolve(cwd, a)));
  const inputs = args.filter((a) => !outputs.includes(a) && !sidecarFilesGiven.includes(a));
  const docs = outputs.flatMap((dir) => readOutputDir(dir, cwd));
  for (const file of sidecarFilesGiven) {
    const sidecar = readSidecar(resolve(cwd, file), file);
    if (!sidecar) throw new ConfigError(`${file} is not an unboil/document@1 sidecar`);
    const textFile = resolve(cwd, file.replace(/\.json$/, '.txt'));
    docs.push({ name: posix(file).replace(/\.json$/, ''), sidecar, text: existsSync(textFile) ? readFileSync(textFile, 'utf8') : rebuildText(sidecar) });
  }
  if (inputs.length) docs.push(...(await cleanInputs(inputs, options)).docs);
  return docs;
}
