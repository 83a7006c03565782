import type { Format } from '../model/document.js';

// `[^<>]*`, not `[^>]*`: an unclosed tag then stops at the next `<` instead of scanning to the end from every `<` (quadratic).
const BLOCK_TAGS = /<\/?(?:p|div|span|a|body|head|br|li|table|h[1-6])\b[^<>]*>/gi;

/**
 * Whether decoded text is an HTML page: it opens with a doctype, `<html>`,
 * `<head>` or an XHTML prolog, or it starts with a tag (or has `<html>` or
 * `<body>` in its first 2 KiB, after a scraper's preamble) and holds at
 * least five block-level tags in its first 20 000 characters. Markup
 * quoted inside prose (a dump of a page about HTML) neither starts the
 * document nor opens a body, so it stays text.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]/.test(head)) return true;
  if (head.startsWith('<?xml')) return /<html[\s>]/.test(head);
  if (!/^<(?:!--|[a-z])/.test(head) && !/<(?:html|body)[\s>]/.test(head)) return false;
  return (text.slice(0, 20000).match(BLOCK_TAGS)?.length ?? 0) >= 5;
}

/** Content sniffing for an input whose name says nothing of its format. */
export const sniffFormat = (text: string): Format => (looksLikeHtml(text) ? 'html' : 'text');

export interface FormatChoice {
  format: Format;
  /** Set when the content overrode the file name, for the sidecar's warnings. */
  warning?: string;
}

/**
 * The format to clean a document as: `forced` (`--format`) always wins; a
 * name that says HTML is HTML; a name that says text is text unless the
 * content is plainly an HTML page (a page saved as `.txt`), which is then
 * cleaned as HTML with a warning rather than output as raw markup; no
 * format from the name means sniffing.
 */
export function chooseFormat(text: string, from: { forced?: Format | null; name?: Format | null }): FormatChoice {
  if (from.forced) return { format: from.forced };
  if (from.name === 'html') return { format: 'html' };
  if (from.name === 'text') {
    return looksLikeHtml(text) ? { format: 'html', warning: 'named as a text file but its content is an HTML page: cleaned as HTML (--format text forces text)' } : { format: 'text' };
  }
  return { format: sniffFormat(text) };
}
