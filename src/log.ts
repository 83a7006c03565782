import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * The pino logger unboil uses. Logs are JSON on stderr (or a file) so that
 * stdout stays free for the human summary. The library takes a logger as an
 * option and defaults to a silent one: it never writes anywhere by itself.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const level = options.level ?? 'info';
  return pino({ level, base: { name: 'unboil' } }, options.destination ?? pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });

const DEBUG_LEVELS = new Set(['debug', 'trace']);

/** An error as a log field: type and message; the stack (with its causes) only when debugging. */
const errorField = (debug: boolean) => (error: unknown) =>
  debug ? pino.stdSerializers.err(error as Error) : { type: (error as Error)?.name ?? typeof error, message: (error as Error)?.message ?? String(error) };

/**
 * The CLI's logger. Unless the level is debug or trace, errors are logged
 * without their stacks, and when the logs share stderr with the CLI's own
 * lines (`sharesStderr`), the record of a failed document (one with a `path`
 * and an `err` or `error`) is left out: the CLI names each failed document
 * in one human line already, and a JSON copy next to it is noise.
 */
export function createCliLogger(options: { level: string; destination: DestinationStream; sharesStderr: boolean }): Logger {
  const debug = DEBUG_LEVELS.has(options.level);
  const quietFailures = options.sharesStderr && !debug;
  return pino(
    {
      level: options.level,
      base: { name: 'unboil' },
      serializers: { err: errorField(debug) },
      hooks: {
        logMethod(args, method) {
          const fields = args[0] as unknown;
          if (quietFailures && fields && typeof fields === 'object' && 'path' in fields && ('err' in fields || 'error' in fields)) return;
          method.apply(this, args);
        },
      },
    },
    options.destination,
  );
}
