import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fingerprint of the code that is running: every module of the folder
 * this one was loaded from (dist/ for the package, src/ under the test
 * runner), by path, size and mtime. It goes into the journal's key, so that
 * outputs made by other code are cleaned again even when the version in
 * package.json did not change (a developer regenerating output/ after a
 * rule change, a local build). Stat only: cheap enough for every run.
 */
export function codeFingerprint(): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const stack = [root];
  const files: string[] = [];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  }
  for (const file of files.sort()) {
    const info = statSync(file);
    hash.update(`${file.slice(root.length)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
