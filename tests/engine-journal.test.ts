// The journal keeps in memory only what skipping a document needs; digests,
// counters and totals stay in its file and are read back by scan().
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsKey, Journal, PENDING, type EntryLine } from '../src/engine/journal.js';

function place() {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-journal-'));
  mkdirSync(join(dir, 'tmp'));
  return { file: join(dir, 'journal.jsonl'), tmp: join(dir, 'tmp') };
}

const line = (stem: string, n: number): EntryLine => ({
  stem,
  path: `0:${stem}.html`,
  size: 100 + n,
  mtimeMs: 1_700_000_000_000 + n,
  sha256: `${n}`.padStart(64, '0'),
  config: 'c'.repeat(64),
  applied: null,
  digests: { 'duplicate-documents': Array.from({ length: 64 }, (_, k) => k * n), 'site-template': { site: 'example.org', keys: [n, n + 1] } },
  counters: { 'html-boilerplate.navigation': n },
  corpusCounters: {},
  totals: { blocks: n, kept: 1, removed: n - 1, charsIn: 10 * n, charsOut: n, removedBy: { 'html-boilerplate/navigation': n - 1 } },
});

/** Everything scan() gives back, by stem. */
async function details(journal: Journal, stems: string[]) {
  const out: Record<string, { digests?: unknown; counters?: unknown; totals?: unknown; corpusCounters?: unknown }> = {};
  for (const stem of stems) out[stem] = {};
  await journal.scan(stems, {
    entry: (k, l) => Object.assign(out[stems[k]!]!, { digests: l.digests, counters: l.counters }),
    latest: (k, d) => Object.assign(out[stems[k]!]!, d),
  });
  return out;
}

describe('journal', () => {
  it('holds only what skipping needs; scan reads digests, counters and the latest totals back from the file, also after reopening', async () => {
    const { file, tmp } = place();
    const journal = await Journal.open(file, tmp);
    await journal.set(line('a', 2));
    await journal.set(line('b', 3));
    const decisions = { 'site-template': { site: 'example.org', total: 4, counts: [[3, 4]] } };
    await journal.update('b', { applied: PENDING });
    await journal.update('b', { applied: decisionsKey(decisions), corpusCounters: { 'corpus.site-template': 1 }, totals: { ...line('b', 3).totals, kept: 0 } });
    await journal.update('a', { mtimeMs: 5 });
    expect(Object.keys(journal.entries.get('b')!).sort()).toEqual(['applied', 'config', 'mtimeMs', 'path', 'sha256', 'size', 'stem']);
    expect(journal.entries.get('b')!.applied).toBe(decisionsKey(decisions));
    expect(journal.entries.get('a')!.mtimeMs).toBe(5);
    const want = {
      a: { digests: line('a', 2).digests, counters: line('a', 2).counters, corpusCounters: {}, totals: line('a', 2).totals },
      b: { digests: line('b', 3).digests, counters: line('b', 3).counters, corpusCounters: { 'corpus.site-template': 1 }, totals: { ...line('b', 3).totals, kept: 0 } },
    };
    expect(await details(journal, ['b', 'a', 'gone'])).toEqual({ ...want, gone: {} });
    const again = await Journal.open(file, tmp);
    expect([...again.entries.values()]).toEqual([...journal.entries.values()]);
    expect(await details(again, ['a', 'b'])).toEqual(want);
  });

  it('compacts a file of mostly stale lines and still finds every detail, on this journal and the next', async () => {
    const { file, tmp } = place();
    const journal = await Journal.open(file, tmp);
    const stems = Array.from({ length: 20 }, (_, k) => `d${k}`);
    for (const [k, stem] of stems.entries()) await journal.set(line(stem, k + 2));
    // Cleaned again (a new entry line), rewritten twice (the last rewrite counts), one removed.
    for (const [k, stem] of stems.entries()) await journal.set(line(stem, k + 3));
    for (const stem of stems) {
      await journal.update(stem, { applied: PENDING });
      await journal.update(stem, { applied: 'x', corpusCounters: { first: 1 }, totals: line(stem, 1).totals });
      await journal.update(stem, { applied: 'y', corpusCounters: { second: 1 }, totals: line(stem, 9).totals });
    }
    await journal.remove('d0');
    const before = await details(journal, stems.slice(1));
    expect(before.d1).toEqual({ digests: line('d1', 4).digests, counters: line('d1', 4).counters, corpusCounters: { second: 1 }, totals: line('d1', 9).totals });
    const lines = readFileSync(file, 'utf8').trim().split('\n').length;
    await journal.close();
    const after = readFileSync(file, 'utf8').trim().split('\n').length;
    expect(after).toBe(2 * 19);
    expect(after).toBeLessThan(lines);
    expect(await details(journal, stems.slice(1))).toEqual(before);
    const reopened = await Journal.open(file, tmp);
    expect(reopened.entries.has('d0')).toBe(false);
    expect(reopened.entries.get('d5')!.applied).toBe('y');
    expect(await details(reopened, stems.slice(1))).toEqual(before);
  });

  it('keeps a line appended after one torn by a kill', async () => {
    const { file, tmp } = place();
    const first = await Journal.open(file, tmp);
    await first.set(line('a', 2));
    appendFileSync(file, JSON.stringify(line('torn', 3)).slice(0, 40));
    const second = await Journal.open(file, tmp);
    expect([...second.entries.keys()]).toEqual(['a']);
    await second.set(line('b', 4));
    const third = await Journal.open(file, tmp);
    expect([...third.entries.keys()]).toEqual(['a', 'b']);
    expect((await details(third, ['b'])).b!.totals).toEqual(line('b', 4).totals);
  });

  it('reads a journal whose applied decisions are objects (written before they were keys)', async () => {
    const { file, tmp } = place();
    const decisions = { 'duplicate-documents': { of: 'a.html', similarity: 1 } };
    writeFileSync(file, `${JSON.stringify({ ...line('a', 2), applied: decisions })}\n`);
    const journal = await Journal.open(file, tmp);
    expect(journal.entries.get('a')!.applied).toBe(decisionsKey(decisions));
  });
});
