import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { REQUIRED_STAGES, STAGES, stageByName } from '../stages/registry.js';
import type { Stage } from '../stages/types.js';
import { pipelineSchema } from './schema.js';

export interface ResolvedStage {
  stage: Stage;
  options: unknown;
}

export interface Pipeline {
  name: string;
  /** sha256 of the canonical JSON of the stages and their full options. */
  hash: string;
  stages: ResolvedStage[];
}

/**
 * The canonical form of a resolved pipeline: its name and every stage with
 * its full options. Plain JSON, so it travels to worker threads (and other
 * machines); resolving it again gives the same stages and the same hash.
 */
export function pipelineSpec(pipeline: Pipeline): { name: string; stages: Array<[string, unknown]> } {
  return { name: pipeline.name, stages: pipeline.stages.map((s) => [s.stage.name, s.options]) };
}

/** Where the built-in pipelines live (`pipelines/` at the package root). */
export const PIPELINES_DIR = new URL('../../pipelines/', import.meta.url);

/** JSON path in the style users read: `stages[3][1].minWords`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(root)';
}

/** Plain-language problems with one stage entry, so that a union failure does not read "Invalid input". */
function explainEntry(entry: unknown, at: (string | number)[]): Array<{ path: string; message: string }> {
  const known = STAGES.map((s) => s.name).join(', ');
  const name = typeof entry === 'string' ? entry : Array.isArray(entry) ? entry[0] : undefined;
  if (typeof name !== 'string') {
    return [{ path: jsonPath(at), message: 'a stage is a name ("dedupe") or a [name, options] pair (["dedupe", {"exact": false}])' }];
  }
  const stage = stageByName.get(name);
  if (!stage) return [{ path: jsonPath(Array.isArray(entry) ? [...at, 0] : at), message: `unknown stage "${name}"; known stages: ${known}` }];
  if (!Array.isArray(entry)) return [];
  if (entry.length !== 2) return [{ path: jsonPath(at), message: `a [name, options] pair has two items, this one has ${entry.length}` }];
  if (typeof entry[1] === 'boolean') return [];
  const parsed = (stage.options as z.ZodType).safeParse(entry[1]);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: jsonPath([...at, 1, ...(issue.path as (string | number)[])]), message: plain(issue) }));
}

function plain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;

/**
 * Validates a parsed pipeline file and resolves every stage with its full
 * options (defaults filled in). Throws ConfigError naming the JSON path of
 * each problem; nothing has been touched when it does.
 */
export function resolvePipeline(input: unknown, fallbackName = 'custom'): Pipeline {
  const parsed = pipelineSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => {
      if (issue.path[0] === 'stages' && typeof issue.path[1] === 'number' && issue.path.length === 2) {
        const entries = (input as { stages: unknown[] }).stages;
        const explained = explainEntry(entries[issue.path[1]], ['stages', issue.path[1]]);
        if (explained.length) return explained;
      }
      return [{ path: jsonPath(issue.path as (string | number)[]), message: plain(issue) }];
    });
    throw new ConfigError(`invalid pipeline: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const stages: ResolvedStage[] = [];
  const seen = new Set<string>();
  parsed.data.stages.forEach((entry, k) => {
    const [name, raw] = typeof entry === 'string' ? [entry, undefined] : (entry as [string, unknown]);
    if (seen.has(name)) throw new ConfigError(`invalid pipeline: stages[${k}]: stage "${name}" is listed twice`, [{ path: `stages[${k}]`, message: `stage "${name}" is listed twice` }]);
    seen.add(name);
    if (raw === false) return;
    const stage = stageByName.get(name)!;
    stages.push({ stage, options: (stage.options as z.ZodType).parse(raw === true || raw === undefined ? {} : raw) });
  });
  REQUIRED_STAGES.forEach((name, k) => {
    if (stages[k]?.stage.name !== name) {
      const message = `the pipeline must start with ${REQUIRED_STAGES.join(', ')} (in that order, not turned off)`;
      throw new ConfigError(`invalid pipeline: stages: ${message}`, [{ path: 'stages', message }]);
    }
  });
  const firstCorpus = stages.findIndex((s) => s.stage.kind === 'corpus');
  const lateDocument = firstCorpus >= 0 ? stages.findIndex((s, k) => k > firstCorpus && s.stage.kind === 'document') : -1;
  if (lateDocument >= 0) {
    const message = `document stage "${stages[lateDocument]!.stage.name}" comes after corpus stage "${stages[firstCorpus]!.stage.name}"; corpus stages run last`;
    throw new ConfigError(`invalid pipeline: stages: ${message}`, [{ path: 'stages', message }]);
  }
  const hash = createHash('sha256')
    .update(JSON.stringify(canonical(stages.map((s) => [s.stage.name, s.options]))))
    .digest('hex');
  return { name: parsed.data.name ?? fallbackName, hash, stages };
}

/**
 * Loads a pipeline by built-in name (`default`, `strict`) or by path to a
 * JSON file (relative to `cwd`). Throws ConfigError for a missing file, bad JSON or bad content.
 */
export function loadPipeline(nameOrPath = 'default', cwd = '.'): Pipeline {
  const isName = /^[\w-]+$/.test(nameOrPath) && !nameOrPath.endsWith('.json');
  const file = isName ? new URL(`${nameOrPath}.json`, PIPELINES_DIR) : resolve(cwd, nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      isName ? `unknown pipeline "${nameOrPath}": no pipelines/${nameOrPath}.json (give a path to use your own file)` : `cannot read pipeline file ${nameOrPath}: ${code ?? (error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`pipeline file ${nameOrPath} is not valid JSON: ${(error as Error).message}`);
  }
  const fallback = isName ? nameOrPath : basename(String(file), extname(String(file)));
  try {
    return resolvePipeline(json, fallback);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${nameOrPath}: ${error.message}`, error.issues);
    throw error;
  }
}
