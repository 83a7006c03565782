import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/** The lines of a file with their byte offsets; the last one even without its newline (`terminated` false: torn by a kill). */
export async function* linesOf(file: string): AsyncGenerator<{ offset: number; bytes: Buffer; terminated: boolean }> {
  let offset = 0;
  let carry: Buffer | null = null;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
      yield { offset: offset + start, bytes: buf.subarray(start, nl), terminated: true };
      start = nl + 1;
    }
    offset += start;
    // Copied: a slice would keep the whole chunk alive.
    carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }
  if (carry) yield { offset, bytes: carry, terminated: false };
}

/**
 * The lines of a file that start at the given byte offsets, in file order,
 * each once (an offset where no line starts gives nothing). One pass over
 * the file that ends at the last wanted line: what the journal and the
 * decide thread read back of the documents they know the place of.
 */
export async function* linesAt(file: string, offsets: Iterable<number>): AsyncGenerator<{ offset: number; bytes: Buffer }> {
  const wanted = new Set(offsets);
  if (!wanted.size) return;
  let last = -Infinity;
  for (const offset of wanted) if (offset > last) last = offset;
  for await (const { offset, bytes } of linesOf(file)) {
    if (offset > last) return;
    if (wanted.has(offset)) yield { offset, bytes };
  }
}
