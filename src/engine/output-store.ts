import { readFileSync } from 'node:fs';
import { mkdir, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ConfigError, UnboilError } from '../errors.js';
import { EXTRA_EXTENSIONS } from '../render/output-format.js';
import { Journal } from './journal.js';
import { toJson, writeAtomic } from './write.js';

/** The output folder's own state: the journal and the temporary files of writes in progress. */
export const STATE_DIR = '.unboil';
/** The run summary, written last: its presence marks a complete run. */
export const SUMMARY = '_run.json';

/**
 * Whether a folder holds a `_run.json` that is not unboil's: the folder is
 * someone else's, and a run must neither delete that file nor write there.
 */
export function hasForeignSummary(dir: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(dir, SUMMARY), 'utf8');
  } catch {
    return false;
  }
  try {
    return (JSON.parse(text) as { schema?: unknown })?.schema !== 'unboil/run@1';
  } catch {
    return true;
  }
}

/** Whether both files of a document are in an output folder (only the sidecar for a skipped document, which has no clean text). */
export async function outputsExist(dir: string, stem: string, skipped = false): Promise<boolean> {
  const { text, sidecar } = documentFiles(dir, stem);
  try {
    return (skipped || (await stat(text)).isFile()) && (await stat(sidecar)).isFile();
  } catch {
    return false;
  }
}

/** The files of one document: the clean text and the sidecar. */
export const documentFiles = (dir: string, stem: string) => ({ text: join(dir, `${stem}.txt`), sidecar: join(dir, `${stem}.json`) });

/**
 * Writes one document's files atomically (temporary file in the state
 * folder, then rename), refusing any path that would leave the output
 * folder: a symbolic link inside it must not carry writes elsewhere.
 * `text` null: a skipped document, which gets its sidecar only (a clean
 * text an earlier run wrote for it goes).
 */
export async function writeDocumentFiles(dir: string, stem: string, text: string | null, sidecarJson: string, extra: { ext: string; content: string } | null = null): Promise<void> {
  const files = documentFiles(dir, stem);
  const tmp = join(dir, STATE_DIR, 'tmp');
  const parent = dirname(files.text);
  await mkdir(parent, { recursive: true });
  const real = await realpath(parent);
  if (real !== dir && !real.startsWith(`${dir}${sep}`)) throw new UnboilError(`refusing to write ${stem}: its folder leads outside the output folder (${real})`);
  // The sidecar last: a document whose sidecar is new has its text (and its --output-format file) in place.
  if (text === null) await rm(files.text, { force: true });
  else await writeAtomic(files.text, text, tmp);
  // The file of the output format asked for; one an earlier run wrote for another format goes.
  for (const ext of EXTRA_EXTENSIONS) if (ext !== extra?.ext) await rm(join(dir, `${stem}${ext}`), { force: true });
  if (extra) await writeAtomic(join(dir, `${stem}${extra.ext}`), extra.content, tmp);
  await writeAtomic(files.sidecar, sidecarJson, tmp);
}

/**
 * An output folder during a run. Opening it creates it, removes the
 * summary of the previous run (so an interrupted run is never taken for a
 * complete one) and the temporary files a killed run left, and reads the
 * journal of what is already there.
 * @throws ConfigError when the folder cannot be used (a file, read-only, …)
 */
export class OutputStore {
  private constructor(
    /** Real path of the output folder. */
    readonly dir: string,
    readonly journal: Journal,
  ) {}

  /** `shown`: the folder as the user named it, for messages. */
  static async open(path: string, shown = path): Promise<OutputStore> {
    let dir: string;
    try {
      await mkdir(path, { recursive: true });
      dir = await realpath(path);
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      if (hasForeignSummary(dir)) throw Object.assign(new Error('its _run.json is not an unboil/run@1 summary (not an unboil output folder)'), { code: 'EFOREIGN' });
      const state = join(dir, STATE_DIR);
      await rm(join(state, 'tmp'), { recursive: true, force: true });
      await mkdir(join(state, 'tmp'), { recursive: true });
      // The state folder is the run's, not the user's: keep it out of their commits.
      await writeFile(join(state, '.gitignore'), '*\n');
      await rm(join(dir, SUMMARY), { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EFOREIGN' ? (error as Error).message : code === 'EEXIST' || code === 'ENOTDIR' ? 'it is a file, not a folder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it is not writable' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
      throw new ConfigError(`cannot use output folder ${shown}: ${why}`);
    }
    return new OutputStore(dir, await Journal.open(join(dir, STATE_DIR, 'journal.jsonl'), join(dir, STATE_DIR, 'tmp')));
  }

  get tmp(): string {
    return join(this.dir, STATE_DIR, 'tmp');
  }

  files(stem: string) {
    return documentFiles(this.dir, stem);
  }

  /** Whether both files of a document are there (the sidecar alone for a skipped document). */
  has(stem: string, skipped = false): Promise<boolean> {
    return outputsExist(this.dir, stem, skipped);
  }

  /** Removes the outputs of a document whose input is gone (and empty folders left behind). */
  async remove(stem: string): Promise<void> {
    const { text, sidecar } = this.files(stem);
    await rm(sidecar, { force: true });
    await rm(text, { force: true });
    for (const ext of EXTRA_EXTENSIONS) await rm(join(this.dir, `${stem}${ext}`), { force: true });
    for (let folder = dirname(text); folder !== this.dir && folder.startsWith(this.dir); folder = dirname(folder)) {
      if ((await readdir(folder).catch(() => ['?'])).length) break;
      await rm(folder, { recursive: true, force: true });
    }
    await this.journal.remove(stem);
  }

  async writeSummary(summary: unknown): Promise<void> {
    await this.journal.close();
    await rm(this.tmp, { recursive: true, force: true });
    await writeAtomic(join(this.dir, SUMMARY), toJson(summary), join(this.dir, STATE_DIR));
  }
}
