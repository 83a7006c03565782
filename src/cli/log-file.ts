import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * The real path of `path`, whether it exists or not: the real path of its
 * nearest existing ancestor with the rest appended, so that a symlink
 * anywhere above a file yet to be created is resolved too.
 */
export function realPathOf(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : resolve(realPathOf(parent), basename(abs));
}

/** `path` is `folder` or below it (both real paths). */
const isInside = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
};

/**
 * Refuses a --log-file that would write into the run's own data: an input
 * file (appending logs to it), a file inside an input folder (a new log
 * would be cleaned as a document by the next run) or inside --out (the
 * output folder belongs to unboil). Paths are compared as real paths, so a
 * symlink does not get around it. Throws ConfigError: a usage error, exit 2,
 * before anything is written.
 */
export function checkLogFile(logFile: string, inputs: string[], out: string, cwd: string): void {
  const log = realPathOf(resolve(cwd, logFile));
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    if (!existsSync(abs)) continue;
    const real = realpathSync(abs);
    if (statSync(real).isDirectory() ? isInside(log, real) : log === real) {
      throw new ConfigError(`--log-file ${logFile} is ${log === real ? 'the input file' : 'inside the input folder'} ${input}: choose a log file outside the inputs`);
    }
  }
  if (isInside(log, realPathOf(resolve(cwd, out)))) {
    throw new ConfigError(`--log-file ${logFile} is inside the output folder ${out}: choose a log file outside --out`);
  }
}
