import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { REQUIRED_STAGES, STAGE_SPECS, specByName } from '../stages/registry.js';
import type { Stage, StageSpec } from '../stages/types.js';
import { isPlainObject, overlayEntries, parseSetting, settingOptions, toEntry, type Setting, type StageEntry } from './overrides.js';
import { pipelineSchema } from './schema.js';
import { didYouMean } from './suggest.js';

/** A stage of a resolved pipeline: its spec (or, in a runnable pipeline, the stage with its code) and full options. */
export interface ResolvedStage<S extends StageSpec = StageSpec> {
  stage: S;
  options: unknown;
}

export interface Pipeline<S extends StageSpec = StageSpec> {
  name: string;
  /** sha256 of the canonical JSON of the stages and their full options. */
  hash: string;
  stages: ResolvedStage<S>[];
  /** The pipelines this one extends, nearest first, as their files name them ("default", "../base.json"). */
  extends?: string[];
  /** Deprecated names in the options (old rule ids), one line each; not part of the hash. */
  warnings?: string[];
}

/** A pipeline whose stages carry their code (stages/implementations.ts `implement`): what cleans documents. */
export type RunnablePipeline = Pipeline<Stage>;

/**
 * The canonical form of a resolved pipeline: its name and every stage with
 * its full options. Plain JSON, so it travels to worker threads (and other
 * machines); resolving it again gives the same stages and the same hash.
 */
export function pipelineSpec(pipeline: Pipeline): { name: string; stages: Array<[string, unknown]> } {
  return { name: pipeline.name, stages: pipeline.stages.map((s) => [s.stage.name, s.options]) };
}

export interface PipelineOptions {
  /** `stage.option=value` overrides (the CLI's `--set`), applied after the file and everything it extends. */
  set?: readonly string[];
}

type Issue = { path: string; message: string };

/** Where the built-in pipelines live (`pipelines/` at the package root). */
export const PIPELINES_DIR = new URL('../../pipelines/', import.meta.url);

const STAGE_ORDER = STAGE_SPECS.map((s) => s.name);

/** Names of the built-in pipelines (`pipelines/*.json`). */
export function builtinPipelines(): string[] {
  return readdirSync(PIPELINES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** JSON path in the style users read: `stages[3][1].minWords`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(root)';
}

/** Option names of the object a zod path leads to inside a schema ([] when it leads to no object). */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let at: z.ZodType | undefined = schema;
  for (let k = 0; at; k++) {
    while (at instanceof z.ZodDefault || at instanceof z.ZodOptional) at = at.unwrap() as z.ZodType;
    if (!(at instanceof z.ZodObject)) return [];
    if (k === path.length) return Object.keys(at.shape);
    at = at.shape[String(path[k])] as z.ZodType | undefined;
  }
  return [];
}

/** A zod issue in plain words; unknown keys get the closest known name of the object they sit in. */
function plain(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const known = keysAt(schema, issue.path);
  return issue.keys.map((key) => `unknown option "${key}"${didYouMean(key, known)}`).join('; ');
}

/** Plain-language problems with one stage entry, so that a union failure does not read "Invalid input". */
function explainEntry(entry: unknown, at: (string | number)[]): Issue[] {
  const name = typeof entry === 'string' ? entry : Array.isArray(entry) ? entry[0] : undefined;
  if (typeof name !== 'string') {
    return [{ path: jsonPath(at), message: 'a stage is a name ("dedupe") or a [name, options] pair (["dedupe", {"exact": false}])' }];
  }
  const stage = specByName.get(name);
  if (!stage) return [{ path: jsonPath(Array.isArray(entry) ? [...at, 0] : at), message: unknownStage(name) }];
  if (!Array.isArray(entry)) return [];
  if (entry.length !== 2) return [{ path: jsonPath(at), message: `a [name, options] pair has two items, this one has ${entry.length}` }];
  if (typeof entry[1] === 'boolean') return [];
  return optionIssues(stage, entry[1]).map((issue) => ({ path: jsonPath([...at, 1, ...issue.path]), message: issue.message }));
}

function unknownStage(name: string): string {
  const hint = didYouMean(name, STAGE_ORDER);
  return hint ? `unknown stage "${name}"${hint}` : `unknown stage "${name}"; known stages: ${STAGE_ORDER.join(', ')}`;
}

function optionIssues(stage: StageSpec, options: unknown): Array<{ path: Array<string | number>; message: string }> {
  const schema = stage.options as z.ZodType;
  const parsed = schema.safeParse(options);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path as Array<string | number>, message: plain(issue, schema) }));
}

const invalid = (issues: Issue[]) => new ConfigError(`invalid pipeline: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;

/** One pipeline file's stage entries merged over those of everything it extends. */
interface Layer {
  name?: string;
  entries: StageEntry[];
  chain: string[];
}

/** Where a pipeline reference points: a built-in name or a file path (relative to `dir`). */
function locate(ref: string, dir: string): { file: string; isName: boolean } {
  const isName = /^[\w-]+$/.test(ref) && !ref.endsWith('.json');
  return { file: isName ? fileURLToPath(new URL(`${ref}.json`, PIPELINES_DIR)) : resolve(dir, ref), isName };
}

function readPipelineJson(ref: string, file: string, isName: boolean): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!isName) throw new ConfigError(`cannot read pipeline file ${ref}: ${code ?? (error as Error).message}`);
    const builtins = builtinPipelines();
    throw new ConfigError(`unknown pipeline "${ref}"${didYouMean(ref, builtins)} (built-in: ${builtins.join(', ')}; give a path to use your own file)`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`pipeline file ${ref} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Validates one parsed file and merges its entries over its parents'.
 * `seen` holds the files on the way down (absolute path and name as written), to name a cycle.
 */
function layerOf(input: unknown, dir: string, seen: Array<{ file: string; ref: string }>): Layer {
  const parsed = pipelineSchema.safeParse(input);
  if (!parsed.success) {
    // A bad stage entry is explained from the entry itself (zod reports a union failure, or one branch's issues).
    const explained = new Set<number>();
    throw invalid(
      parsed.error.issues.flatMap((issue) => {
        const k = issue.path[1];
        if (issue.path[0] === 'stages' && typeof k === 'number') {
          if (explained.has(k)) return [];
          const issues = explainEntry((input as { stages: unknown[] }).stages[k], ['stages', k]);
          if (issues.length) {
            explained.add(k);
            return issues;
          }
        }
        return [{ path: jsonPath(issue.path as (string | number)[]), message: plain(issue, pipelineSchema) }];
      }),
    );
  }
  const file = parsed.data;
  // The entries as written, not as parsed: parsing fills in defaults, which would override a parent's options.
  const own = (file.stages ? (input as { stages: Array<string | [string, unknown]> }).stages : []).map(toEntry);
  own.forEach((entry, k) => {
    if (own.findIndex((e) => e.name === entry.name) < k) throw invalid([{ path: `stages[${k}]`, message: `stage "${entry.name}" is listed twice` }]);
  });
  if (file.extends === undefined) {
    if (!file.stages) throw invalid([{ path: 'stages', message: 'required (the stages to run), unless "extends" names a pipeline to start from' }]);
    return { ...(file.name ? { name: file.name } : {}), entries: own, chain: [] };
  }
  const ref = file.extends;
  let parent: Layer;
  try {
    const { file: parentFile, isName } = locate(ref, dir);
    const loop = seen.findIndex((s) => s.file === parentFile);
    if (loop >= 0) throw new ConfigError(`extends cycle: ${[...seen.slice(loop).map((s) => s.ref), ref].join(' → ')}`);
    parent = layerOf(readPipelineJson(ref, parentFile, isName), dirname(parentFile), [...seen, { file: parentFile, ref }]);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The parent's problems keep their own paths, prefixed by the file they are in.
    const issues = error.issues.length ? error.issues.map((i) => ({ path: `extends "${ref}" → ${i.path}`, message: i.message })) : [{ path: 'extends', message: error.message }];
    throw invalid(issues);
  }
  return { ...(file.name ? { name: file.name } : {}), entries: overlayEntries(parent.entries, own, STAGE_ORDER), chain: [ref, ...parent.chain] };
}

/** `--set` overrides as stage entries, each checked against its stage's options. */
function settingEntries(texts: readonly string[]): StageEntry[] {
  const issues: Issue[] = [];
  const entries = texts.flatMap((text): StageEntry[] => {
    let setting: Setting;
    try {
      setting = parseSetting(text);
    } catch (error) {
      issues.push(...(error as ConfigError).issues);
      return [];
    }
    const where = `--set ${setting.stage}${setting.path.map((p) => `.${p}`).join('')}`;
    const stage = specByName.get(setting.stage);
    if (!stage) {
      issues.push({ path: where, message: unknownStage(setting.stage) });
      return [];
    }
    if (!setting.path.length && typeof setting.value === 'boolean') return [{ name: stage.name, on: setting.value }];
    const options = settingOptions(setting);
    if (!isPlainObject(options)) {
      issues.push({ path: where, message: 'a stage takes true, false or an options object; set one option with stage.option=value' });
      return [];
    }
    const problems = optionIssues(stage, options);
    issues.push(...problems.map((p) => ({ path: p.path.length > setting.path.length ? `${where}.${p.path.slice(setting.path.length).join('.')}` : where, message: p.message })));
    return problems.length ? [] : [{ name: stage.name, on: true, options }];
  });
  if (issues.length) throw invalid(issues);
  return entries;
}

/** Full options for each stage that is on, then the rules every pipeline follows. */
function finish(entries: readonly StageEntry[], name: string, chain: string[]): Pipeline {
  const stages: ResolvedStage[] = entries
    .filter((e) => e.on)
    .map((e) => {
      const stage = specByName.get(e.name)!;
      return { stage, options: (stage.options as z.ZodType).parse(e.options ?? {}) };
    });
  REQUIRED_STAGES.forEach((required, k) => {
    if (stages[k]?.stage.name !== required) {
      throw invalid([{ path: 'stages', message: `the pipeline must start with ${REQUIRED_STAGES.join(', ')} (in that order, not turned off)` }]);
    }
  });
  const firstCorpus = stages.findIndex((s) => s.stage.kind === 'corpus');
  const lateDocument = firstCorpus >= 0 ? stages.findIndex((s, k) => k > firstCorpus && s.stage.kind === 'document') : -1;
  if (lateDocument >= 0) {
    throw invalid([{ path: 'stages', message: `document stage "${stages[lateDocument]!.stage.name}" comes after corpus stage "${stages[firstCorpus]!.stage.name}"; corpus stages run last` }]);
  }
  const hash = createHash('sha256')
    .update(JSON.stringify(canonical(stages.map((s) => [s.stage.name, s.options]))))
    .digest('hex');
  const warnings = stages.flatMap((s) => s.stage.warnings?.(s.options) ?? []);
  return { name, hash, stages, ...(chain.length ? { extends: chain } : {}), ...(warnings.length ? { warnings } : {}) };
}

/**
 * Validates a parsed pipeline file and resolves every stage with its full
 * options (defaults filled in), after `extends` (a built-in name or a path
 * relative to `dir`) and the `set` overrides. Throws ConfigError naming the
 * JSON path of each problem; nothing has been touched when it does.
 */
export function resolvePipeline(input: unknown, fallbackName = 'custom', options: PipelineOptions & { dir?: string } = {}): Pipeline {
  return resolveLayer(layerOf(input, resolve(options.dir ?? '.'), []), fallbackName, options.set ?? []);
}

function resolveLayer(layer: Layer, fallbackName: string, set: readonly string[]): Pipeline {
  const entries = set.length ? overlayEntries(layer.entries, settingEntries(set), STAGE_ORDER) : layer.entries;
  return finish(entries, layer.name ?? fallbackName, layer.chain);
}

/**
 * Loads a pipeline by built-in name (`default`, `strict`) or by path to a
 * JSON file (relative to `cwd`), with `set` overrides applied last.
 * Throws ConfigError for a missing file, bad JSON or bad content.
 */
export function loadPipeline(nameOrPath = 'default', cwd = '.', options: PipelineOptions = {}): Pipeline {
  const { file, isName } = locate(nameOrPath, cwd);
  const json = readPipelineJson(nameOrPath, file, isName);
  const fallback = isName ? nameOrPath : basename(file, extname(file));
  try {
    return resolveLayer(layerOf(json, dirname(file), [{ file, ref: isName ? nameOrPath : relative(resolve(cwd), file) || nameOrPath }]), fallback, options.set ?? []);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${nameOrPath}: ${error.message}`, error.issues);
    throw error;
  }
}

/** A pipeline given as an object, or loaded by built-in name or path (default: "default"). */
export function resolvePipelineOption(pipeline: Pipeline | string | undefined, cwd?: string): Pipeline {
  return typeof pipeline === 'object' ? pipeline : loadPipeline(pipeline ?? 'default', cwd);
}
