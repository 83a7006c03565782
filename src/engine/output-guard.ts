import { realpathSync } from 'node:fs';
import { open, opendir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ConfigError } from '../errors.js';
import { posix } from './inputs.js';
import { STATE_DIR, SUMMARY } from './output-store.js';

/**
 * The real path a path has or would have: symbolic links resolved in the
 * part that exists, the rest appended. Paths must be compared this way, or
 * `ln -s in out && unboil run in --out out` writes over the inputs.
 */
export function realPathOf(path: string): string {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      rest.push(basename(at));
      at = parent;
    }
  }
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);

/**
 * Refuses an output folder that is or holds an input (outputs could
 * overwrite it), comparing real paths. The output folder inside an input
 * folder is fine: the walk of the inputs skips it.
 * @throws ConfigError naming the input
 */
export function guardOutput(inputs: Array<{ abs: string; display: string }>, out: { real: string; display: string }): void {
  for (const input of inputs) {
    if (inside(realPathOf(input.abs), out.real)) {
      throw new ConfigError(`the output folder ${out.display} contains the input ${input.display}: outputs could overwrite inputs; choose another --out`);
    }
  }
}

/** Whether a JSON file is an unboil sidecar, from its first bytes (sidecars start with their schema). */
async function isSidecar(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(64), position: 0 });
    return buffer.subarray(0, bytesRead).toString('utf8').includes('"unboil/document@1"');
  } finally {
    await handle.close();
  }
}

/**
 * Stems of the unboil sidecars in an output folder that are not in
 * `current`: outputs of inputs that are gone, left by a run without a
 * journal. Walks the folder one directory at a time.
 */
export async function* staleOutputs(dir: string, current: Set<string>): AsyncGenerator<string> {
  const stack = [dir];
  while (stack.length) {
    const folder = stack.pop()!;
    const handle = await opendir(folder).catch(() => null);
    if (!handle) continue;
    for await (const entry of handle) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!(folder === dir && entry.name === STATE_DIR)) stack.push(full);
        continue;
      }
      if (!entry.isFile() || !entry.name.endsWith('.json') || (folder === dir && entry.name === SUMMARY)) continue;
      const stem = posix(relative(dir, full)).replace(/\.json$/, '');
      if (!current.has(stem) && (await isSidecar(full))) yield stem;
    }
  }
}
