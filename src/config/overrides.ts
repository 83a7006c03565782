import { ConfigError } from '../errors.js';

/** One stage entry of a pipeline before defaults are filled in: `name`, `[name, options]` or `[name, false]`. */
export interface StageEntry {
  name: string;
  on: boolean;
  /** The options the files (and `--set`) gave, merged; undefined when none did. */
  options?: Record<string, unknown>;
}

/** One `--set stage.option=value` override, parsed. */
export interface Setting {
  /** As typed, for messages. */
  text: string;
  stage: string;
  /** Option path inside the stage's options; empty for `--set stage=false`. */
  path: string[];
  value: unknown;
}

type FileEntry = string | readonly [string, unknown];

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function toEntry(entry: FileEntry): StageEntry {
  if (typeof entry === 'string') return { name: entry, on: true };
  const [name, value] = entry;
  return isPlainObject(value) ? { name, on: true, options: value } : { name, on: value !== false };
}

/** Objects merge key by key (recursively); anything else replaces what was there. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] = isPlainObject(prior) && isPlainObject(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

/**
 * Changes over a parent's entries, as an extending file or `--set` gives
 * them. A stage the parent lists keeps its place: its options merge with
 * the change, and the change's on/off wins. A stage the parent lacks is
 * inserted after the last entry that comes before it in `order` (the
 * registry's usual order), so that where it lands depends on nothing but
 * the two lists.
 */
export function overlayEntries(parent: readonly StageEntry[], changes: readonly StageEntry[], order: readonly string[]): StageEntry[] {
  const out = parent.map((e) => ({ ...e }));
  for (const change of changes) {
    const existing = out.find((e) => e.name === change.name);
    if (existing) {
      existing.on = change.on;
      if (change.options) existing.options = deepMerge(existing.options ?? {}, change.options);
      continue;
    }
    const rank = order.indexOf(change.name);
    let at = out.length;
    while (at > 0 && order.indexOf(out[at - 1]!.name) > rank) at--;
    out.splice(at, 0, { ...change });
  }
  return out;
}

/** Command-line values: JSON where they parse (`0.5`, `false`, `{"a":1}`), the text itself otherwise (`en`). */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Parses `stage.option=value` (`boilerplate.rules.related=false`,
 * `site-template=false`). Only the syntax is checked here; the stage and
 * option names are checked against the pipeline when it is resolved.
 * @throws ConfigError for text without `=` or with an empty name
 */
export function parseSetting(text: string): Setting {
  const eq = text.indexOf('=');
  const [stage = '', ...path] = eq > 0 ? text.slice(0, eq).split('.') : [];
  if (eq <= 0 || !stage || path.some((p) => !p)) {
    throw new ConfigError(`--set ${text}: expected stage.option=value (for example dedupe.nearDuplicate=0.5, boilerplate.rules.related=false or site-template=false)`, [
      { path: `--set ${text}`, message: 'expected stage.option=value' },
    ]);
  }
  return { text, stage, path, value: parseValue(text.slice(eq + 1)) };
}

/** The options object a setting stands for: `dedupe.a.b=1` → `{ a: { b: 1 } }`. */
export function settingOptions(setting: Setting): unknown {
  return setting.path.reduceRight<unknown>((value, key) => ({ [key]: value }), setting.value);
}
