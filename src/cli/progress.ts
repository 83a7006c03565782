/**
 * A one-line progress bar on stderr, redrawn in place. The CLI only creates
 * one when stderr is a terminal: in CI logs a bar is noise.
 */
export function progressBar(write: (text: string) => void, width = 30): { update(done: number, total: number): void; end(): void } {
  let last = -1;
  return {
    update(done, total) {
      const filled = total ? Math.round((done / total) * width) : width;
      if (filled === last && done !== total) return;
      last = filled;
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (last >= 0) write('\r\x1b[K');
    },
  };
}
