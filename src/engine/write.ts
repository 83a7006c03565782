import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temporary file, then a rename, so that a
 * reader (or a crashed run) never sees half a file. The temporary file is
 * in the same folder unless `tmpDir` (on the same file system) is given:
 * an output folder keeps its temporary files in one place, which a run
 * empties when it starts, so a killed run leaves nothing behind.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, tmpDir?: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpDir ? join(tmpDir, `${randomBytes(8).toString('hex')}.tmp`) : `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Like writeAtomic, for content that comes in chunks (a report of a whole folder): never one string in memory. */
export async function writeAtomicChunks(path: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const out = createWriteStream(tmp);
  try {
    for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await finished(out);
    await rename(tmp, path);
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

/** JSON as unboil writes it: two-space indent, final newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
