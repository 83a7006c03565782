// Where ../shared (DESIGN.md §6: seeds and evaluation corpora) is: next to
// the project, or two levels up when the project is a git worktree under a
// folder of worktrees; UNBOIL_SHARED overrides both.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The shared folder, or null when none of the candidates exists. */
export function sharedDir() {
  const candidates = [process.env.UNBOIL_SHARED, resolve(ROOT, '../shared'), resolve(ROOT, '../../shared')];
  return candidates.find((dir) => dir && existsSync(dir)) ?? null;
}
