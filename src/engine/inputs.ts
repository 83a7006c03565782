import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Format } from '../model/document.js';
import { isWarcPath } from '../read/warc.js';

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** Path as shown in sidecars and logs: relative to the working directory, POSIX separators. */
  display: string;
  /** Path relative to the input root it was found under (its basename for a file input), POSIX separators. */
  rel: string;
  /**
   * The input root: the folder given (for a file inside it), or the folder
   * of a file given by name. Absolute. Sidecars record `source` relative to
   * it (and the run summary records the root relative to the output
   * folder), so that outputs do not depend on the working directory.
   */
  root: string;
  /** Path shown in the sidecar: relative to `root`, POSIX separators (`rel`, or `<archive>#<record id>` for a WARC record). */
  source: string;
  /** Format implied by the extension, if any. */
  format: Format | null;
  /** Why the input cannot be read (missing, a FIFO or device…); the run records it as failed without opening it. */
  unreadable?: string;
  /** A WARC or WET archive, read record by record (see warc-inputs.ts). */
  warc?: true;
  /** One record of an archive: where it lies in `abs`. */
  record?: { offset: number; length: number };
}

const TEXT_EXT = /\.(?:txt|text)(?:\.gz)?$/i;
const HTML_EXT = /\.(?:html?|xhtml)(?:\.gz)?$/i;

export const formatFromExtension = (name: string): Format | null =>
  HTML_EXT.test(name) ? 'html' : TEXT_EXT.test(name) ? 'text' : null;

/** A path with POSIX separators, as outputs and sidecars record paths on every system. */
export const posix = (p: string): string => p.split(sep).join('/');

/** What a non-regular file is, for the message that refuses it. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Expands files and folders (recursively) into the documents to clean, in
 * sorted order. Folders contribute only known extensions (WARC and WET
 * archives too, marked `warc`: expandWarcInputs turns them into records); a file named
 * explicitly is taken whatever its extension (its format is then sniffed).
 * Symbolic links are followed (a link back to a folder already being walked
 * is not entered twice); hidden files and folders are skipped. A missing
 * input, a FIFO or a device is listed with the reason it cannot be read, so
 * the run reports it and goes on with the others. Folders whose real path
 * is in `skipFolders` (the output folder) are not walked.
 */
export function collectInputs(paths: string[], cwd = '.', skipFolders: string[] = []): InputFile[] {
  const found: InputFile[] = [];
  const display = (abs: string) => posix(relative(cwd, abs)) || basename(abs);
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Shown as typed: the user looks for the name they gave.
      found.push({ abs, display: given, rel: basename(abs), root: dirname(abs), source: basename(abs), format: formatFromExtension(abs), unreadable: code === 'ENOENT' ? 'input not found' : `cannot read: ${code}` });
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of walk(abs, skipFolders)) {
        if (!formatFromExtension(file.path) && !isWarcPath(file.path)) continue;
        const rel = posix(relative(abs, file.path));
        found.push({
          abs: file.path,
          display: display(file.path),
          rel,
          root: abs,
          source: rel,
          format: formatFromExtension(file.path),
          ...(isWarcPath(file.path) ? { warc: true as const } : {}),
          ...(file.unreadable ? { unreadable: file.unreadable } : {}),
        });
      }
    } else {
      found.push({
        abs,
        display: display(abs),
        rel: basename(abs),
        root: dirname(abs),
        source: basename(abs),
        format: formatFromExtension(abs),
        ...(isWarcPath(abs) ? { warc: true as const } : {}),
        ...(stat.isFile() ? {} : { unreadable: `${kindOf(stat)}, not a file` }),
      });
    }
  }
  const unique = new Map(found.map((f) => [f.abs, f]));
  return [...unique.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** Files under a folder in sorted order, following symbolic links, each folder entered once (by real path). */
function* walk(root: string, skipFolders: string[]): Generator<{ path: string; unreadable?: string }> {
  // The folders to skip count as seen: the output folder inside an input folder is not read as input.
  const seen = new Set<string>(skipFolders);
  const stack: string[] = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      let stat: Stats;
      try {
        stat = statSync(full); // follows symbolic links
      } catch {
        yield { path: full, unreadable: 'broken symbolic link' };
        continue;
      }
      if (stat.isDirectory()) subdirs.push(full);
      else if (stat.isFile()) yield { path: full };
      else yield { path: full, unreadable: `${kindOf(stat)}, not a file` };
    }
    // Depth-first in name order: push in reverse so the first folder is walked first.
    for (const sub of subdirs.reverse()) stack.push(sub);
  }
}
