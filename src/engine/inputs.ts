import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** Path as shown in sidecars and logs: relative to the working directory, POSIX separators. */
  display: string;
  /** Path relative to the input root it was found under (its basename for a file input), POSIX separators. */
  rel: string;
  /** Format implied by the extension, if any. */
  format: Format | null;
}

const TEXT_EXT = /\.(?:txt|text)(?:\.gz)?$/i;
const HTML_EXT = /\.(?:html?|xhtml)(?:\.gz)?$/i;

export const formatFromExtension = (name: string): Format | null =>
  HTML_EXT.test(name) ? 'html' : TEXT_EXT.test(name) ? 'text' : null;

const posix = (p: string) => p.split(sep).join('/');

/**
 * Expands files and folders (recursively) into the documents to clean, in
 * sorted order. Folders contribute only known extensions; a file named
 * explicitly is taken whatever its extension (its format is then sniffed).
 */
export function collectInputs(paths: string[], cwd = '.'): InputFile[] {
  const found: InputFile[] = [];
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new ConfigError(`input not found: ${given}`);
    }
    if (stat.isDirectory()) {
      for (const file of walk(abs)) {
        if (!formatFromExtension(file)) continue;
        found.push({ abs: file, display: posix(relative(cwd, file)), rel: posix(relative(abs, file)), format: formatFromExtension(file) });
      }
    } else {
      found.push({ abs, display: posix(relative(cwd, abs)), rel: basename(abs), format: formatFromExtension(abs) });
    }
  }
  const unique = new Map(found.map((f) => [f.abs, f]));
  return [...unique.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
