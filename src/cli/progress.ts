import { SingleBar } from 'cli-progress';
import type { Progress } from '../engine/run.js';

/**
 * A progress bar on stderr (cli-progress): documents done / total, docs/s,
 * ETA and failures so far. The CLI only creates one when stderr is a
 * terminal: in CI logs a bar is noise.
 */
export function progressBar(stream: NodeJS.WritableStream): { update(progress: Progress): void; end(): void } {
  const bar = new SingleBar({
    stream,
    format: '{phase} [{bar}] {value}/{total} | {rate} docs/s | ETA {eta_formatted} | {failed} failed, {skipped} up to date{workers}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 200,
    fps: 5,
  });
  let phase: Progress['phase'] | null = null;
  let started = 0;
  return {
    update(p) {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        started = performance.now();
        bar.start(p.total, 0, { phase: p.phase === 'clean' ? 'cleaning' : 'corpus  ', rate: '0', failed: 0, skipped: 0, workers: '' });
      }
      const seconds = (performance.now() - started) / 1000;
      // On a queue: how many remote workers have returned results so far.
      const workers = p.workers === undefined ? '' : ` | ${p.workers} worker${p.workers === 1 ? '' : 's'}`;
      bar.update(p.done, { rate: seconds > 0 ? (p.done / seconds).toFixed(1) : '0', failed: p.failed, skipped: p.skipped, workers });
    },
    end() {
      if (phase) bar.stop();
    },
  };
}
