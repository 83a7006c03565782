import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, UnboilError } from '../errors.js';
import { VERSION } from '../version.js';
import { HEAP_LIMIT_MB } from '../engine/pool.js';
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

const heapMb = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 64) throw new InvalidArgumentError('expected a whole number of MB ≥ 64');
  return n;
};

/** `--heap-limit`, shared by the commands that run a pool of worker threads (run, worker). */
export const heapLimitOption = (): Option =>
  new Option(
    '--heap-limit <MB>',
    'heap limit of each worker thread: lower keeps memory down, higher spends less CPU collecting garbage (V8 lets a heap grow more between collections under a higher limit; 2048 and more: as without a limit); a document that needs more runs again alone on a thread without it',
  )
    .argParser(heapMb)
    .default(HEAP_LIMIT_MB);

/** `--format`, shared by the commands that clean inputs (run, check, diff): the same inputs must be read the same way by each. */
export const formatOption = (): Option =>
  new Option('-f, --format <format>', 'treat every input as this format instead of detecting it').choices(['text', 'html']);

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

/** Why the file system refused, in one line: a place the user named cannot be written (exit 2), or the disk is full (exit 1). */
function systemError(error: unknown): { message: string; exit: number } | null {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || typeof e.syscall !== 'string') return null;
  const where = e.path ? ` ${e.path}` : '';
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'is a folder',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
  };
  const reason = why[e.code];
  if (!reason) return null;
  return { message: `cannot ${e.syscall}${where}: ${reason} (${e.code})`, exit: e.code === 'ENOSPC' || e.code === 'EDQUOT' ? EXIT.failed : EXIT.usage };
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
    const system = systemError(error);
    if (system) {
      io.stderr(`unboil: ${system.message}\n`);
      return system.exit;
    }
    // A bug: one line, and the stack for a bug report with --log-level debug.
    const debug = /^(?:debug|trace)$/.test(argv[argv.indexOf('--log-level') + 1] ?? '') || argv.some((a) => /^--log-level=(?:debug|trace)$/.test(a));
    io.stderr(`unboil: internal error: ${debug ? ((error as Error).stack ?? String(error)) : `${(error as Error).message ?? String(error)} (run with --log-level debug for the stack)`}\n`);
    return EXIT.failed;
  }
}
