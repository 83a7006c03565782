import type { DocumentRecord } from '../engine/record.js';
import type { Block } from '../model/block.js';
import { keptBlocks } from '../model/document.js';
import { escapeText } from '../stages/html/markdown-inline.js';

/**
 * The clean text as Markdown: the kept blocks in source order, with the
 * structure the HTML gave them (headings, nested lists, tables, fenced
 * code with its lines, quotes, links, emphasis). A text dump has no markup
 * to keep: its blocks are escaped paragraphs, and its title a heading.
 * Pure: the same record gives the same bytes.
 */
export function renderMarkdown(record: DocumentRecord): string {
  const base = baseUrl(record.source.url);
  const out: string[] = [];
  let previous: Block | undefined;
  for (const block of keptBlocks(record.blocks)) {
    const md = blockMarkdown(block, base);
    const table = tableOf(block);
    if (table !== undefined && table === (previous && tableOf(previous))) out.push('\n', md);
    else if (table !== undefined) {
      // GFM tables need a header row: the first row of the table serves as one.
      const width = block.html!.md!.cells!.length;
      out.push(out.length ? '\n\n' : '', md, '\n', `|${' --- |'.repeat(Math.max(1, width))}`);
    } else if (block.kind === 'list-item' && previous?.kind === 'list-item') out.push('\n', md);
    else out.push(out.length ? '\n\n' : '', md);
    previous = block;
  }
  return out.length ? `${out.join('')}\n` : '';
}

const tableOf = (block: Block): number | undefined => (block.kind === 'table-row' && block.html?.md?.cells ? block.html.md.table : undefined);

const baseUrl = (url: string | null): URL | null => {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
};

/**
 * Relative link targets made absolute against the page's URL, when the
 * record knows it. Neither alternative of the target crosses a `]` or `<`:
 * a run of unclosed `](` then costs one scan, not one per `](`.
 */
const absolute = (md: string, base: URL | null) =>
  base
    ? md.replace(/\]\((<[^<>\]]*>|[^)\s<\]]+)\)/g, (whole, href: string) => {
        const bare = href.startsWith('<') ? href.slice(1, -1) : href;
        try {
          const resolved = new URL(bare, base).href;
          return `](${/[\s()]/.test(resolved) ? `<${resolved}>` : resolved})`;
        } catch {
          return whole;
        }
      })
    : md;

/** Characters that would make a block's first character markup (a heading, quote, list or rule). */
const escapeStart = (md: string) => md.replace(/^([#>+-]|=+\s*$|\d+(?=[.)]\s))/, '\\$1');

/**
 * A block's Markdown: from what segmentation recorded for an HTML block
 * (normalized as the text was: NFC, collapsed spaces), else from its text.
 */
function blockMarkdown(block: Block, base: URL | null): string {
  const md = block.html?.md;
  if (block.kind === 'code' && md) {
    const code = md.text.normalize('NFC');
    const fence = '`'.repeat(Math.max(3, ...(code.match(/^`{3,}/gm) ?? []).map((run) => run.length + 1)));
    return `${fence}${md.lang ?? ''}\n${code}\n${fence}`;
  }
  const inline = md ? absolute(md.text.normalize('NFC'), base) : escapeText(block.text);
  if (!inline.trim()) return escapeText(block.text);
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level ?? 2)} ${inline}`;
    case 'list-item': {
      const depth = md?.depth ?? 1;
      return `${'    '.repeat(depth - 1)}${md?.ordered ? '1.' : '-'} ${inline}`;
    }
    case 'table-row':
      if (md?.cells) return `| ${md.cells.map((cell) => absolute(cell.normalize('NFC'), base).replace(/\|/g, '\\|')).join(' | ')} |`;
      return escapeStart(inline);
    case 'quote':
      return `> ${inline}`;
    default:
      // A text dump's title and section headings, as the text stages found them.
      if (!md && (block.role === 'title' || block.role === 'heading')) return `${block.role === 'title' ? '#' : '##'} ${inline}`;
      return escapeStart(inline);
  }
}
