import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** `https://…`, `ftp://…`, `file://…`: a scheme and `//`, which no file name given on a command line has by accident. */
const URL_ARGUMENT = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Refuses arguments that are URLs before anything is read: unboil cleans
 * files it is given and never goes on the network.
 * @throws ConfigError naming the first URL
 */
export function refuseUrls(inputs: readonly string[]): void {
  const url = inputs.find((input) => URL_ARGUMENT.test(input));
  if (url) throw new ConfigError(`${url}: URLs are not fetched; save pages first (for example \`curl -L -o page.html '${url}'\`) and give unboil the files`);
}

/**
 * Checks `--out` before a run: a folder name (not empty, not `-`) and not
 * an existing file. (Inside an input folder is fine: the walk skips it.)
 * @throws ConfigError with a one-line reason
 */
export function checkOutFolder(out: string, cwd: string): void {
  if (!out.trim()) throw new ConfigError('--out needs a folder name');
  if (out === '-') throw new ConfigError('--out -: outputs are folders of files, not a stream; give a folder name');
  const abs = resolve(cwd, out);
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new ConfigError(`--out ${out} is a file, not a folder; choose another --out`);
}
