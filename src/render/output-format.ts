import type { DocumentRecord } from '../engine/record.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/**
 * What a run writes besides the clean text and the sidecar (both always
 * written: `check`, `diff` and `report` read them): `markdown` adds
 * `<name>.md`, `json` adds `<name>.doc.json` (the sidecar is `<name>.json`),
 * `jsonl` one `documents.jsonl` for the whole run.
 */
export type OutputFormat = 'text' | 'markdown' | 'json' | 'jsonl';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'json', 'jsonl'];

/** The per-document file of each format that has one. */
export const EXTRA_EXTENSIONS = ['.md', '.doc.json'] as const;

/** The run-level file of `jsonl`. */
export const JSONL_FILE = 'documents.jsonl';

/** Whether the format's per-document file needs what only segmentation knows (the DOM's Markdown), so that a rewrite must clean the input again. */
export const needsSegmentation = (format: OutputFormat): boolean => format === 'markdown';

/** The per-document file a format adds, from the document's record and clean text; null for text and jsonl. */
export function extraOutput(format: OutputFormat, record: DocumentRecord, text: string): { ext: (typeof EXTRA_EXTENSIONS)[number]; content: string } | null {
  if (format === 'markdown') return { ext: '.md', content: renderMarkdown(record) };
  if (format === 'json') return { ext: '.doc.json', content: renderJson(record, text) };
  return null;
}
