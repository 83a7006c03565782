import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Skip } from '../model/document.js';
import type { Decisions, Digests } from './corpus.js';

/** Per-document totals of a sidecar, for the run summary. */
export interface DocumentTotals {
  blocks: number;
  kept: number;
  removed: number;
  charsIn: number;
  charsOut: number;
  removedBy: Record<string, number>;
}

/**
 * What a run remembers of one document's outputs, so that the next run can
 * skip it (same input, pipeline, tool and format) and still run the corpus
 * stages over every document: the input's identity, its digests, and which
 * corpus decisions its outputs on disk carry.
 */
export interface JournalEntry {
  /** Output stem (the key). */
  stem: string;
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** sha256 of what else decides the outputs: pipeline hash, tool version, forced format. */
  config: string;
  digests: Digests;
  /** Stage counters of the per-document phase. */
  counters: Record<string, number>;
  /** Corpus decisions the outputs on disk carry (null: none). */
  applied: Decisions | null;
  /** Stage counters of applying them. */
  corpusCounters: Record<string, number>;
  totals: DocumentTotals;
  /** Set when the document was skipped (a language not in --lang): its outputs are a sidecar without clean text. */
  skipped?: Skip;
}

/** A line of the journal: a whole entry, an update of some fields, or a removal. */
type Line = JournalEntry | ({ stem: string; update: true } & Partial<JournalEntry>) | { stem: string; removed: true };

/**
 * An append-only JSON Lines file in the output folder's `.unboil/`. A line is
 * appended after the files it describes are in place, so an entry never
 * claims an output that is not there; a line torn by a kill is ignored.
 * Compacted (rewritten atomically) when stale lines outnumber live entries.
 */
export class Journal {
  readonly entries = new Map<string, JournalEntry>();
  #lines = 0;
  #pending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly tmpDir: string,
  ) {}

  static async open(file: string, tmpDir: string): Promise<Journal> {
    const journal = new Journal(file, tmpDir);
    let stream;
    try {
      stream = createReadStream(file, 'utf8');
      for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (!text.trim()) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          continue; // torn by a kill: the outputs it would describe are redone
        }
        journal.#lines++;
        journal.#read(line);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return journal;
  }

  #read(line: Line): void {
    if ('removed' in line) this.entries.delete(line.stem);
    else if ('update' in line) {
      const entry = this.entries.get(line.stem);
      if (entry) {
        const { update: _update, ...fields } = line;
        Object.assign(entry, fields);
      }
    } else this.entries.set(line.stem, line);
  }

  /** Appends lines (in call order) and applies them to the entries. */
  write(...lines: Line[]): Promise<void> {
    for (const line of lines) this.#read(line);
    this.#lines += lines.length;
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    this.#pending = this.#pending.then(() => appendFile(this.file, text));
    return this.#pending;
  }

  set(entry: JournalEntry): Promise<void> {
    return this.write(entry);
  }

  update(stem: string, fields: Partial<JournalEntry>): Promise<void> {
    return this.write({ stem, update: true, ...fields });
  }

  remove(stem: string): Promise<void> {
    return this.write({ stem, removed: true });
  }

  /** Waits for pending appends, then rewrites the file when most of its lines are stale. */
  async close(): Promise<void> {
    await this.#pending;
    if (!this.entries.size) {
      await rm(this.file, { force: true });
      return;
    }
    if (this.#lines <= this.entries.size * 1.5 + 16) return;
    // Streamed to a temporary file, then renamed: one line at a time, never the whole journal as one string.
    const tmp = join(this.tmpDir, `journal-${randomBytes(6).toString('hex')}.tmp`);
    const out = createWriteStream(tmp, 'utf8');
    for (const entry of this.entries.values()) {
      if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
    await rename(tmp, this.file);
    this.#lines = this.entries.size;
  }
}
