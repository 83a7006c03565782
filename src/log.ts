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
