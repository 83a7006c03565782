import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The engine's worker threads and the CLI tests run the build in dist/, not
 * src/: build it once before the tests so they never run stale code.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
