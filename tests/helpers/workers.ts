// `unboil worker` and `unboil run --queue` as real processes
// (`node bin/unboil.js …`, from the build in dist/), for the tests of runs
// across machines.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './seeds.js';

export interface Spawned {
  child: ChildProcess;
  name: string;
  stderr: () => string;
  /** Resolves once stderr contains the text the process prints when it is ready. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Spawns the CLI; `ready` waits for `readyText` on its stderr. */
export function spawnCli(args: string[], options: { name: string; cwd?: string; root?: string; readyText?: string }): Spawned {
  const child = spawn(process.execPath, [join(options.root ?? ROOT, 'bin/unboil.js'), ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.resume();
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.readyText && stderr.includes(options.readyText)) resolve();
    });
    child.once('exit', () => reject(new Error(`${options.name} exited before it was ready:\n${stderr}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, name: options.name, stderr: () => stderr, ready, exited };
}

/**
 * The processes a test started, killed after it (SIGKILL: a test that
 * failed half-way leaves none behind).
 */
export class Processes {
  readonly #children: ChildProcess[] = [];

  /** An `unboil worker` on the queue: one thread, and a short stall interval (1 s) so that a dead worker's batch moves soon. */
  worker(url: string, queue: string, name: string, options: { root?: string; stall?: number } = {}): Spawned {
    const args = ['worker', '--queue', url, '--queue-name', queue, '--concurrency', '1', '--stall-interval', String(options.stall ?? 1), '--name', name];
    return this.track(spawnCli(args, { name, readyText: 'waiting for batches', ...(options.root ? { root: options.root } : {}) }));
  }

  track(spawned: Spawned): Spawned {
    this.#children.push(spawned.child);
    return spawned;
  }

  killAll(): void {
    for (const child of this.#children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
