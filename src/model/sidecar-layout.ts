import { createHash } from 'node:crypto';
import { COMPACT_TEXT, type CompactSidecar, type Sidecar, type SidecarLayout, type StoredSidecar } from './sidecar.js';

const cut = (text: string): { text: string; hash?: string } => {
  const chars = [...text];
  if (chars.length <= COMPACT_TEXT) return { text };
  return { text: `${chars.slice(0, COMPACT_TEXT - 1).join('')}…`, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
};

/**
 * The sidecar as `--sidecar compact` writes it: kept blocks lose their text
 * (the clean text holds it at `out`) and every block its DOM path (the
 * bulk of an HTML page's sidecar); removed blocks keep a short text and a
 * hash of the whole one, and `duplicateOf` only when there is one. Every
 * fate, rule, reason and span stays.
 */
export function compactSidecar(full: Sidecar): CompactSidecar {
  const blocks = full.blocks.map((block) => {
    const { text, path: _path, ...rest } = block;
    if (rest.kept) return rest;
    const { duplicateOf, ...removed } = rest;
    return { ...removed, ...cut(text), ...(duplicateOf === null ? {} : { duplicateOf }) };
  });
  return { ...full, layout: 'compact', blocks } as CompactSidecar;
}

export const layoutOf = (sidecar: StoredSidecar): SidecarLayout => ('layout' in sidecar ? 'compact' : 'full');

/**
 * A stored sidecar in the shape the review tools and the engine read: a
 * compact one gets its kept blocks' text back from the clean text; its
 * removed blocks keep the short text and the hash (so that two compact
 * runs still compare exactly). A full sidecar is returned as it is.
 */
export function expandSidecar(stored: StoredSidecar, cleanText: string): Sidecar {
  if (!('layout' in stored)) return stored;
  const { layout: _layout, ...rest } = stored;
  const blocks = stored.blocks.map((block) =>
    block.kept ? { ...block, text: cleanText.slice(block.out[0], block.out[1]) } : { ...block, duplicateOf: block.duplicateOf ?? null },
  );
  return { ...rest, blocks } as Sidecar;
}
