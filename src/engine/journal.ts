import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Skip } from '../model/document.js';
import type { Decisions, Digests } from './corpus.js';
import { linesAt, linesOf } from './lines.js';

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
 * A key for the corpus decisions a document's outputs carry (null: none).
 * The journal stores the key, not the decisions: whether outputs must be
 * rewritten only asks whether the decisions are the same.
 */
export const decisionsKey = (decisions: Decisions | null): string | null =>
  decisions === null ? null : createHash('sha256').update(JSON.stringify(decisions)).digest('base64url');

/** The key of a rewrite in progress: a kill mid-rewrite is redone whatever the next decision is. */
export const PENDING = 'pending';

/**
 * What a run remembers of one document's outputs, so that the next run can
 * decide to skip it (same input, pipeline, tool and format): the input's
 * identity and which corpus decisions its outputs on disk carry. The rest
 * of what the journal knows of it (digests, counters, totals: most of a
 * line) stays in the file and is read back by `scan` when the run needs it.
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
  /** decisionsKey of the corpus decisions the outputs on disk carry, or PENDING. */
  applied: string | null;
  /** Set when the document was skipped (a language not in --lang): its outputs are a sidecar without clean text. */
  skipped?: Skip;
}

/** What the file keeps of a document beside its entry. */
export interface Details {
  digests: Digests;
  /** Stage counters of the per-document phase. */
  counters: Record<string, number>;
  /** Stage counters of applying its corpus decisions. */
  corpusCounters: Record<string, number>;
  totals: DocumentTotals;
}

/** A whole line: an entry with its details. */
export type EntryLine = JournalEntry & Details;
/** What an update can change: the input's stat, the decisions applied and what applying them gave. */
export type EntryUpdate = Partial<Pick<JournalEntry, 'size' | 'mtimeMs' | 'applied'> & Pick<Details, 'corpusCounters' | 'totals'>>;

type Line = EntryLine | ({ stem: string; update: true } & EntryUpdate) | { stem: string; removed: true };

/** Where an entry's details are: byte offsets of its entry line and of the line with its latest totals (the same line until a rewrite). */
interface Place {
  entry: JournalEntry;
  at: number;
  latest: number;
}

const parse = (bytes: Buffer): Line | null => {
  try {
    return JSON.parse(bytes.toString('utf8')) as Line;
  } catch {
    return null; // torn by a kill: the outputs it would describe are redone
  }
};

/** `applied` as read: a journal written before it was a key holds the decisions themselves. */
const appliedOf = (applied: string | Decisions | null): string | null => (applied === null || typeof applied === 'string' ? applied : decisionsKey(applied));

/** An entry as kept in memory: the identity fields of a line, nothing else. */
function entryOf(line: EntryLine, config: string | null): JournalEntry {
  return {
    stem: line.stem,
    path: line.path,
    size: line.size,
    mtimeMs: line.mtimeMs,
    sha256: line.sha256,
    // Every entry of a run has the same config: one string for all, not one per entry.
    config: line.config === config ? config : line.config,
    applied: appliedOf(line.applied),
    ...(line.skipped ? { skipped: line.skipped } : {}),
  };
}

/**
 * An append-only JSON Lines file in the output folder's `.unboil/`. A line is
 * appended after the files it describes are in place, so an entry never
 * claims an output that is not there; a line torn by a kill is ignored.
 * In memory, only the entries (what skipping needs, ~300 bytes a document)
 * and where each one's details are in the file: a line is ~2 KB, and a run
 * over 50,000 documents held 80 MB of them. Compacted (rewritten
 * atomically) when stale lines outnumber live ones.
 */
export class Journal {
  readonly entries = new Map<string, JournalEntry>();
  readonly #places = new Map<string, Place>();
  #lines = 0;
  /** Bytes in the file once pending appends are done: the offset of the next line. */
  #size = 0;
  /** The file ends in a torn line: the next append starts on a line of its own. */
  #torn = false;
  #config: string | null = null;
  #pending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly tmpDir: string,
  ) {}

  static async open(file: string, tmpDir: string): Promise<Journal> {
    const journal = new Journal(file, tmpDir);
    try {
      for await (const { offset, bytes, terminated } of linesOf(file)) {
        journal.#size = offset + bytes.length + (terminated ? 1 : 0);
        journal.#torn = !terminated;
        const line = bytes.length ? parse(bytes) : null;
        if (!line) continue;
        journal.#lines++;
        journal.#read(line, offset);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return journal;
  }

  #read(line: Line, offset: number): void {
    if ('removed' in line) {
      this.entries.delete(line.stem);
      this.#places.delete(line.stem);
    } else if ('update' in line) {
      const place = this.#places.get(line.stem);
      if (!place) return;
      const { entry } = place;
      if (line.size !== undefined) entry.size = line.size;
      if (line.mtimeMs !== undefined) entry.mtimeMs = line.mtimeMs;
      if (line.applied !== undefined) entry.applied = appliedOf(line.applied);
      if (line.totals !== undefined) place.latest = offset;
    } else {
      const entry = entryOf(line, this.#config);
      this.#config = entry.config;
      this.entries.set(line.stem, entry);
      this.#places.set(line.stem, { entry, at: offset, latest: offset });
    }
  }

  /** Appends lines (in call order) and applies them to the entries. */
  write(...lines: Line[]): Promise<void> {
    let text = this.#torn ? '\n' : '';
    this.#size += text.length;
    this.#torn = false;
    for (const line of lines) {
      const json = `${JSON.stringify(line)}\n`;
      this.#read(line, this.#size);
      this.#size += Buffer.byteLength(json);
      text += json;
    }
    this.#lines += lines.length;
    this.#pending = this.#pending.then(() => appendFile(this.file, text));
    return this.#pending;
  }

  set(line: EntryLine): Promise<void> {
    return this.write(line);
  }

  update(stem: string, fields: EntryUpdate): Promise<void> {
    return this.write({ stem, update: true, ...fields });
  }

  remove(stem: string): Promise<void> {
    return this.write({ stem, removed: true });
  }

  /** The journal file, and the byte offset of each stem's entry line in it (-1: not known), once pending appends are done. */
  async entryLines(stems: readonly string[]): Promise<{ file: string; offsets: Float64Array }> {
    await this.#pending;
    return { file: this.file, offsets: Float64Array.from(stems, (stem) => this.#places.get(stem)?.at ?? -1) };
  }

  /**
   * Reads the details of documents back from the file, in one pass over it:
   * `entry(k, line)` gets the whole entry line of `stems[k]` (its digests
   * and counters), `latest(k, details)` the line with its current totals and
   * corpus counters (the entry line, or the update of its last rewrite).
   * Calls come in file order, not in `stems` order; a stem the journal
   * does not know is not called.
   */
  async scan(stems: readonly string[], visit: { entry?: (k: number, line: EntryLine) => void; latest?: (k: number, details: Pick<Details, 'corpusCounters' | 'totals'>) => void }): Promise<void> {
    await this.#pending;
    const at = new Map<number, number>();
    const latest = new Map<number, number>();
    stems.forEach((stem, k) => {
      const place = this.#places.get(stem);
      if (!place) return;
      if (visit.entry) at.set(place.at, k);
      if (visit.latest) latest.set(place.latest, k);
    });
    if (!at.size && !latest.size) return;
    for await (const { offset, bytes } of linesAt(this.file, [...at.keys(), ...latest.keys()])) {
      const k = at.get(offset);
      const j = latest.get(offset);
      const line = parse(bytes) as EntryLine;
      if (k !== undefined) visit.entry!(k, line);
      if (j !== undefined) visit.latest!(j, { corpusCounters: line.corpusCounters ?? {}, totals: line.totals });
    }
  }

  /** Waits for pending appends, then rewrites the file when most of its lines are stale. */
  async close(): Promise<void> {
    await this.#pending;
    if (!this.entries.size) {
      await rm(this.file, { force: true });
      return;
    }
    // A live document has its entry line, and the update of its last rewrite when it had one.
    let live = this.entries.size;
    for (const place of this.#places.values()) if (place.latest !== place.at) live++;
    if (this.#lines <= live * 1.5 + 16) return;
    // Streamed from the old file to a temporary one, then renamed: one line at a time, never the whole journal in memory.
    const at = new Map<number, Place>();
    const latest = new Map<number, Place>();
    for (const place of this.#places.values()) {
      at.set(place.at, place);
      if (place.latest !== place.at) latest.set(place.latest, place);
    }
    const tmp = join(this.tmpDir, `journal-${randomBytes(6).toString('hex')}.tmp`);
    const out = createWriteStream(tmp, 'utf8');
    // New offsets, taken once the new file is in place.
    const moved = new Map<Place, { at: number; latest: number }>();
    let size = 0;
    const put = async (text: string): Promise<number> => {
      const offset = size;
      size += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      return offset;
    };
    for await (const { offset, bytes } of linesAt(this.file, [...at.keys(), ...latest.keys()])) {
      const entryPlace = at.get(offset);
      const latestPlace = latest.get(offset);
      const line = parse(bytes) as EntryLine;
      if (entryPlace) {
        const { digests, counters, corpusCounters, totals } = line;
        const where = await put(`${JSON.stringify({ ...entryPlace.entry, digests, counters, corpusCounters: corpusCounters ?? {}, totals })}\n`);
        moved.set(entryPlace, { at: where, latest: where });
      }
      // After its entry line, which came first in the old file too.
      if (latestPlace) moved.get(latestPlace)!.latest = await put(`${JSON.stringify({ stem: latestPlace.entry.stem, update: true, corpusCounters: line.corpusCounters ?? {}, totals: line.totals })}\n`);
    }
    out.end();
    await finished(out);
    await rename(tmp, this.file);
    for (const [place, where] of moved) Object.assign(place, where);
    this.#lines = live;
    this.#size = size;
    this.#torn = false;
  }
}
