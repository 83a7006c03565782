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
 * Checks `--out` before a run: `-` is not a folder (outputs are files; use
 * --stdout). An empty name, an existing file and a folder that is not an
 * unboil output are refused by the engine when it opens the folder.
 * @throws ConfigError with a one-line reason
 */
export function checkOutFolder(out: string): void {
  if (out === '-') throw new ConfigError('--out -: outputs are folders of files, not a stream; use --stdout to print one document, or give a folder name');
}
