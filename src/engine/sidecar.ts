import type { Pipeline } from '../config/pipeline.js';
import type { Sidecar, SidecarBlock } from '../model/sidecar.js';
import type { DocumentRecord } from './record.js';
import { TOOL } from '../version.js';

export interface Cleaned {
  /** The clean text: kept blocks in source order, one blank line between, final newline. */
  text: string;
  sidecar: Sidecar;
}

/** A block's link density as the sidecar records it: 2 decimals, none when it rounds to 0. */
const linkShare = (density: number | undefined): number => Math.round((density ?? 0) * 100) / 100;

/**
 * Builds the clean text and the provenance sidecar from a document's
 * record. Pure: the same record and pipeline give the same bytes.
 */
export function buildOutputs(record: DocumentRecord, pipeline: Pipeline): Cleaned {
  const { blocks, source, meta } = record;
  let text = '';
  const removedBy: Record<string, number> = {};
  // Fields added in the sidecar schema's order (the order spreading gave), one object a block: a page has thousands.
  const out: SidecarBlock[] = blocks.map((block) => {
    const b: Record<string, unknown> = { i: block.i, kind: block.kind, span: block.span, line: block.line, text: block.text };
    if (block.role) b.role = block.role;
    if (block.html) {
      b.tag = block.html.tag;
      b.path = block.html.path;
    }
    if (block.removed) {
      const { stage, rule, reason, duplicateOf } = block.removed;
      const label = `${stage}/${rule}`;
      removedBy[label] = (removedBy[label] ?? 0) + 1;
      b.kept = false;
      b.stage = stage;
      b.rule = rule;
      b.reason = reason;
      b.duplicateOf = duplicateOf ?? null;
      return b as SidecarBlock;
    }
    if (text) text += '\n\n';
    const start = text.length;
    text += block.text;
    const links = linkShare(block.html?.linkDensity);
    b.kept = true;
    b.out = [start, text.length];
    if (links) b.links = links;
    return b as SidecarBlock;
  });
  if (text) text += '\n';
  const kept = out.filter((b) => b.kept).length;
  return {
    text,
    sidecar: {
      schema: 'unboil/document@1',
      id: source.sha256,
      source: { ...source },
      pipeline: { name: pipeline.name, hash: pipeline.hash, tool: TOOL },
      meta: { ...meta },
      ...(record.skipped ? { skipped: { ...record.skipped } } : {}),
      stats: {
        blocks: blocks.length,
        kept,
        removed: blocks.length - kept,
        charsIn: record.charsIn,
        charsOut: text.length,
        removedBy: Object.fromEntries(Object.entries(removedBy).sort(([a], [b]) => (a < b ? -1 : 1))),
      },
      warnings: record.warnings.map((w) => ({ ...w })),
      blocks: out,
    },
  };
}
