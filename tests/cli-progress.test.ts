import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';

/** A stream that says it is a terminal and keeps what is written (cli-progress redraws with cursor moves). */
function terminal() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, text: () => text.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '') };
}

describe('progress bar', () => {
  it('shows documents done / total, docs/s, ETA, failures and skipped documents, per phase', async () => {
    const tty = terminal();
    const bar = progressBar(tty.stream);
    bar.update({ phase: 'clean', done: 1, total: 4, failed: 0, skipped: 0 });
    await new Promise((r) => setTimeout(r, 250));
    bar.update({ phase: 'clean', done: 4, total: 4, failed: 1, skipped: 2 });
    bar.update({ phase: 'corpus', done: 1, total: 1, failed: 1, skipped: 2 });
    bar.end();
    const text = tty.text();
    expect(text).toMatch(/cleaning \[[^\]]*\] 4\/4 \| [\d.]+ docs\/s \| ETA \S+ \| 1 failed, 2 up to date/);
    expect(text).toMatch(/corpus +\[[^\]]*\] 1\/1/);
  });
});
