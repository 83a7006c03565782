import { InvalidArgumentError, Option } from 'commander';
import { FAVORS, favorSettings, type Favor } from '../config/favor.js';
import { parseSetting } from '../config/overrides.js';
import { loadPipeline, type Pipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import type { CliIO } from './io.js';

/** The flags every command that cleans documents shares. */
export interface PipelineFlags {
  pipeline: string;
  /** `--set` overrides in the order given (absent when none). */
  set?: string[];
  /** `--favor`: a set of overrides applied before `--set`. */
  favor?: Favor;
}

/** `--favor precision|recall`: stage options that trade one for the other (see config/favor.ts). */
export function favorOption(): Option {
  return new Option('--favor <what>', 'trade recall for precision or the other way, by stage options applied before --set (validate shows them)').choices([...FAVORS]);
}

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
 * The pipeline a command's `--pipeline`, `--favor` and `--set` flags name
 * (relative to `io.cwd`; `--set` wins over `--favor`); deprecated names in it
 * (old rule ids) are warned about on stderr, one line each. @throws ConfigError
 */
export function pipelineFromFlags(flags: PipelineFlags, io: Pick<CliIO, 'cwd' | 'stderr'>): Pipeline {
  const pipeline = loadPipeline(flags.pipeline, io.cwd, { set: [...favorSettings(flags.favor), ...(flags.set ?? [])] });
  for (const warning of pipeline.warnings ?? []) io.stderr(`unboil: warning: ${flags.pipeline}: ${warning}\n`);
  return pipeline;
}
