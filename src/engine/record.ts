import type { Block } from '../model/block.js';
import type { DocumentContext, DocumentMeta, Skip, SourceInfo, Warning } from '../model/document.js';

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
