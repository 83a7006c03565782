// The corpus decisions run in a thread of their own under the run's heap
// limit; a corpus that needs more is decided again without it, not lost.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { decideInThread } from '../src/engine/decide-thread.js';
import { Journal } from '../src/engine/journal.js';
import { runPipeline } from '../src/engine/run.js';
import { createLogger } from '../src/log.js';

const page = (title: string, body: string) =>
  `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

describe('decide thread', () => {
  it('decides again without the heap limit when the limit is too small: the same decisions, and a warning that says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-decide-'));
    mkdirSync(join(dir, 'in'));
    // 30 words or more: shorter documents are never duplicates.
    const harbour =
      'The small town rebuilt its harbour wall after the winter storms, and the fishing boats came back in spring to a quay twice as long. The new wall cost less than the council had feared, and the work was finished a month early.';
    writeFileSync(join(dir, 'in/a.html'), page('Harbour', harbour));
    writeFileSync(join(dir, 'in/b.html'), page('Harbour', harbour));
    writeFileSync(join(dir, 'in/c.html'), page('Bridge', 'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate about the cost.'));
    await runPipeline({ inputs: ['in'], out: 'out', cwd: dir, concurrency: 1 });

    const pipeline = loadPipeline('default');
    const stems = ['a', 'b', 'c'];
    const journal = await Journal.open(join(dir, 'out/.unboil/journal.jsonl'), join(dir, 'out/.unboil/tmp'));
    const lines = await journal.entryLines(stems);
    const paths = stems.map((s) => `${s}.html`);
    const logged: string[] = [];
    const logger = createLogger({ level: 'warn', destination: new Writable({ write: (chunk, _, done) => (logged.push(String(chunk)), done()) }) });

    const roomy = await decideInThread(pipeline, lines, paths);
    // 2 MB of old generation is less than a thread needs to start: the first try runs out of memory.
    const tight = await decideInThread(pipeline, lines, paths, { heapLimitMb: 2, logger });
    expect(tight).toEqual(roomy);
    expect(roomy[1]).toMatchObject({ 'duplicate-documents': { of: 'a.html' } });
    expect(roomy[0]?.['duplicate-documents']).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ documents: 3, heapLimitMb: 2, msg: 'corpus decisions over the heap limit (--heap-limit): deciding again without the limit' });
    await journal.close();
  }, 60_000);
});
