import type { StoredSidecar } from './sidecar.js';

/** The order fields are written in, whatever order the object was built in: the sidecar schema's. */
const SIDECAR_KEYS = ['schema', 'layout', 'id', 'source', 'pipeline', 'meta', 'skipped', 'stats', 'warnings', 'blocks'] as const;
const BLOCK_KEYS = ['i', 'kind', 'span', 'line', 'text', 'hash', 'role', 'tag', 'path', 'kept', 'out', 'links', 'stage', 'rule', 'reason', 'duplicateOf'] as const;

function ordered<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  let copied = 0;
  for (const key of keys) if (record[key] !== undefined) (out[key] = record[key]), copied++;
  // Fields this list does not know yet keep their place at the end rather than vanish (when every field was copied, there are none: no sort per block).
  const own = Object.keys(record);
  if (own.length > copied) for (const key of own.sort()) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

const indent = (json: string) => json.replace(/\n/g, '\n  ');

/**
 * A sidecar as text that diffs well: the document-level fields indented as
 * usual, and one line per block, in a fixed key order. A change to one
 * block is a one-line diff (the indented form spreads each block over a
 * dozen lines, each span over four): 200 corpus pages go from 581,000
 * lines and 17.4 MB to 43,000 lines and 13.1 MB. The same JSON value as
 * JSON.stringify gives: readers need nothing new.
 */
export function sidecarJson(sidecar: StoredSidecar): string {
  const head = ordered(sidecar, SIDECAR_KEYS);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(head)) {
    if (key === 'blocks') continue;
    lines.push(`  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2))}`);
  }
  const blocks = (sidecar.blocks as object[]).map((block) => `    ${JSON.stringify(ordered(block, BLOCK_KEYS))}`);
  lines.push(blocks.length ? `  "blocks": [\n${blocks.join(',\n')}\n  ]` : '  "blocks": []');
  return `{\n${lines.join(',\n')}\n}\n`;
}
