import type { DocumentRecord } from '../engine/record.js';
import type { DocumentMeta } from '../model/document.js';

/** One document as the JSON outputs give it: what a corpus builder loads (the sidecar has the provenance). */
export interface DocumentJson {
  /** sha256 of the input bytes (the sidecar's id). */
  id: string;
  /** The input's path, as in the sidecar. */
  path: string;
  url: string | null;
  format: DocumentRecord['source']['format'];
  meta: DocumentMeta;
  /** The clean text (or the Markdown, for a Markdown JSON output). */
  text: string;
}

/** The JSON object of a document, given its clean text (buildOutputs' `text`, or renderMarkdown's). */
export function documentJson(record: DocumentRecord, text: string): DocumentJson {
  const { source, meta } = record;
  return { id: source.sha256, path: source.path, url: source.url, format: source.format, meta: { ...meta }, text };
}

/** A document file for `--output-format json`: one indented object, final newline (not `<name>.json`, which is the sidecar). */
export const renderJson = (record: DocumentRecord, text: string): string => `${JSON.stringify(documentJson(record, text), null, 2)}\n`;

/** One line of `documents.jsonl` for `--output-format jsonl`: the same object on one line (JSON escapes every newline in the text). */
export const renderJsonLine = (record: DocumentRecord, text: string): string => `${JSON.stringify(documentJson(record, text))}\n`;
