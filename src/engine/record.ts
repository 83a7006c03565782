import type { Block } from '../model/block.js';
import type { DocumentContext, DocumentMeta, Skip, SourceInfo, Warning } from '../model/document.js';
import type { Sidecar } from '../model/sidecar.js';

/**
 * What leaves a document's per-document phase: plain data only
 * (structured-clone safe, so it crosses worker threads), with no DOM, no
 * VFile and no block views. Corpus stages read and change records; the
 * clean text and the sidecar are built from one.
 */
export interface DocumentRecord {
  source: SourceInfo;
  meta: DocumentMeta;
  blocks: Block[];
  warnings: Warning[];
  /** Length of the decoded source. */
  charsIn: number;
  /** The document is not wanted (every block removed; no clean text is written). */
  skipped?: Skip;
}

export function recordOf(doc: DocumentContext): DocumentRecord {
  const { source, meta, blocks, warnings, skipped } = doc.data;
  return { source, meta, blocks, warnings, charsIn: doc.text.length, ...(skipped ? { skipped } : {}) };
}

/**
 * The record a sidecar describes, as it was before any corpus stage: the
 * sidecar keeps every block with its fate, and corpus stages only remove
 * kept blocks (stage "corpus"), so undoing those removals gives back the
 * per-document result without cleaning the input again.
 */
export function recordFromSidecar(sidecar: Sidecar): DocumentRecord {
  const blocks: Block[] = sidecar.blocks.map((b) => ({
    i: b.i,
    kind: b.kind,
    span: b.span,
    line: b.line,
    text: b.text,
    ...(b.role ? { role: b.role } : {}),
    ...(b.tag !== undefined ? { html: { tag: b.tag, path: b.path ?? '', linkDensity: b.kept ? (b.links ?? 0) : 0 } } : {}),
    ...(!b.kept && b.stage !== 'corpus' ? { removed: { stage: b.stage, rule: b.rule, reason: b.reason, duplicateOf: b.duplicateOf } } : {}),
  }));
  return { source: sidecar.source, meta: sidecar.meta, blocks, warnings: sidecar.warnings, charsIn: sidecar.stats.charsIn, ...(sidecar.skipped ? { skipped: sidecar.skipped } : {}) };
}
