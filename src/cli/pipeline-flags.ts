import { InvalidArgumentError, Option } from 'commander';
import { FAVORS, favorSettings, type Favor } from '../config/favor.js';
import { parseSetting } from '../config/overrides.js';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import { iso6393Of } from '../text/language-codes.js';
import type { CliIO } from './io.js';

/** The flags every command that cleans documents shares. */
export interface PipelineFlags {
  pipeline: string;
  /** `--set` overrides in the order given (absent when none). */
  set?: string[];
  /** `--favor`: a set of overrides applied before `--set`. */
  favor?: Favor;
  /** `--lang`: the languages to keep (`language.only`), applied after `--favor` and before `--set`. */
  lang?: string[];
}

/** `--favor precision|recall`: stage options that trade one for the other (see config/favor.ts). */
export function favorOption(): Option {
  return new Option('--favor <what>', 'trade recall for precision or the other way, by stage options applied before --set (validate shows them)').choices([...FAVORS]);
}

/**
 * `--lang de,en`: keep only documents in these languages (`language.only`;
 * the others are skipped with their reason). A code that names no language
 * is a usage error in one line (a ConfigError, not commander's two-line
 * message), before anything runs.
 */
export function langOption(): Option {
  return new Option('--lang <codes>', 'keep only documents in these languages (ISO 639-1 or 639-3, comma-separated: de,en); the others are skipped (sidecar written with the reason, no clean text); an undetermined language is kept')
    .argParser((text: string) => {
      const codes = text.split(',').map((code) => code.trim().toLowerCase());
      const bad = codes.filter((code) => iso6393Of(code) === null);
      if (bad.length) throw new ConfigError(`--lang ${text}: ${bad.map((code) => `"${code}"`).join(', ')} ${bad.length === 1 ? 'is not a language code' : 'are not language codes'} (ISO 639-1 like de, or 639-3 like deu)`);
      return codes;
    });
}

/** The `--set` that `--lang` stands for (none without it). */
export const langSettings = (lang: readonly string[] | undefined): string[] => (lang ? [`language.only=${JSON.stringify(lang)}`] : []);

/**
 * `--set stage.option=value`, repeatable. The syntax is checked while the
 * arguments are parsed (a usage error before anything runs); names and
 * values are checked against the pipeline when it is loaded.
 */
export function setOption(): Option {
  return new Option('--set <stage.option=value>', 'override a stage option (JSON value, else a string; repeatable): dedupe.nearDuplicate=0.5, boilerplate.rules.related=false, site-template=false')
    .argParser((text: string, previous: string[] | undefined) => {
      try {
        parseSetting(text);
      } catch (error) {
        if (error instanceof ConfigError) throw new InvalidArgumentError('expected stage.option=value (dedupe.nearDuplicate=0.5, site-template=false)');
        throw error;
      }
      return [...(previous ?? []), text];
    });
}

/**
 * The pipeline a command's `--pipeline`, `--favor`, `--lang` and `--set` flags name
 * (relative to `io.cwd`; `--set` wins over `--lang`, which wins over `--favor`); deprecated names in it
 * (old rule ids) are warned about on stderr, one line each. @throws ConfigError
 */
export function pipelineFromFlags(flags: PipelineFlags, io: Pick<CliIO, 'cwd' | 'stderr'>): Pipeline {
  const pipeline = loadPipeline(flags.pipeline, io.cwd, { set: [...favorSettings(flags.favor), ...langSettings(flags.lang), ...(flags.set ?? [])] });
  for (const warning of pipeline.warnings ?? []) io.stderr(`unboil: warning: ${flags.pipeline}: ${warning}\n`);
  return pipeline;
}
