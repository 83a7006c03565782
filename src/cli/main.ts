import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, UnboilError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerValidate } from './validate.js';
import { registerWorker } from './worker.js';

export interface CommandContext {
  io: CliIO;
  /** Set by a command; main returns it. */
  exitCode: number;
}

export const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
};

export const positiveSeconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
};

export const logLevelOption = (): Option =>
  new Option('--log-level <level>', 'pino log level for the JSON logs on stderr').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn');

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('unboil')
    .description('Clean scraped web documents (text dumps, HTML, gzip of either) into clean text with provenance sidecars.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
    .exitOverride();
  registerRun(program, ctx);
  registerDiff(program, ctx);
  registerCheck(program, ctx);
  registerReport(program, ctx);
  registerValidate(program, ctx);
  registerWorker(program, ctx);
  for (const command of program.commands) {
    command.configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr }).exitOverride().showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit
 * code: 0 all documents cleaned, 1 some failed, 2 usage or configuration error.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.ok };
  const program = buildProgram(ctx);
  if (!argv.length) {
    io.stdout(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; everything else is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr(`unboil: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UnboilError) {
      io.stderr(`unboil: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`unboil: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}
