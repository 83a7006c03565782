// The journal's file readers: every line with its byte offset, and the lines at given offsets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesAt, linesOf } from '../src/engine/lines.js';

function fileWith(content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'unboil-lines-')), 'f.jsonl');
  writeFileSync(file, content);
  return file;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const text = (lines: Array<{ offset: number; bytes: Buffer }>) => lines.map(({ offset, bytes }) => [offset, bytes.toString('utf8')]);

describe('linesAt', () => {
  // Byte offsets, not character offsets: "é" is two bytes.
  const content = 'alpha\nbé\n\ngamma\ndelta';
  const offsetsOf = async (file: string) => (await collect(linesOf(file))).map((l) => l.offset);

  it('gives the lines that start at the offsets, in file order, whatever the order asked', async () => {
    const file = fileWith(content);
    expect(await offsetsOf(file)).toEqual([0, 6, 10, 11, 17]);
    expect(text(await collect(linesAt(file, [11, 0, 6])))).toEqual([
      [0, 'alpha'],
      [6, 'bé'],
      [11, 'gamma'],
    ]);
  });

  it('gives a line asked for twice once, and nothing for an offset inside a line or past the end', async () => {
    const file = fileWith(content);
    expect(text(await collect(linesAt(file, [6, 6, 3, 1000])))).toEqual([[6, 'bé']]);
  });

  it('gives an empty line, and the last line without its newline', async () => {
    const file = fileWith(content);
    expect(text(await collect(linesAt(file, [10, 17])))).toEqual([
      [10, ''],
      [17, 'delta'],
    ]);
  });

  it('gives nothing for no offsets, and reads lines across the stream chunks', async () => {
    const long = `${'x'.repeat(200_000)}\n${'y'.repeat(100_000)}\nz\n`;
    const file = fileWith(long);
    expect(await collect(linesAt(file, []))).toEqual([]);
    const lines = await collect(linesAt(file, [200_001, 300_002]));
    expect(lines.map((l) => [l.offset, l.bytes.length])).toEqual([
      [200_001, 100_000],
      [300_002, 1],
    ]);
    expect(lines[0]!.bytes.every((b) => b === 0x79)).toBe(true);
  });

  it('takes any iterable of offsets (a map of places, keys read lazily)', async () => {
    const file = fileWith(content);
    const places = new Map([[17, 'd'], [0, 'a']]);
    expect(text(await collect(linesAt(file, places.keys())))).toEqual([
      [0, 'alpha'],
      [17, 'delta'],
    ]);
  });
});
