import type { AnyNode, Element, Text } from 'domhandler';
import type { MarkdownFeatures } from '../../model/block.js';
import { ancestors } from './dom.js';

/**
 * Markdown for an HTML block, gathered during segmentation (the only time
 * the DOM exists) so that a Markdown renderer can work from the plain
 * document record: the block's inline content with its links, emphasis and
 * inline code, plus what the block's place says (list depth, table row).
 * The block's `text` stays the plain text every stage reads.
 */

/** Open and close markers of an inline element, when it has Markdown of its own. */
export type Markers = readonly [open: string, close: string];

const EMPHASIS: Record<string, Markers> = { strong: ['**', '**'], b: ['**', '**'], em: ['*', '*'], i: ['*', '*'] };
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A text node as Markdown: characters that would start markup are escaped (an underscore inside a word is not markup). */
const SPECIAL = /[\\`*_[\]<]/;

export function escapeText(data: string): string {
  if (!SPECIAL.test(data)) return data;
  return data
    .replace(/[\\`*[\]<]/g, '\\$&')
    .replace(/_/g, (_, at: number, all: string) => (isWord(all[at - 1]) && isWord(all[at + 1]) ? '_' : '\\_'));
}

/** A link target as Markdown writes it: in angle brackets when it holds spaces or parentheses. */
const target = (href: string) => (/[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href);

/**
 * Markers of an inline element, or null for one that is plain text in
 * Markdown (span, abbr…) or that sits in code (`raw`), where markup is literal.
 */
export function markersOf(el: Element, raw: boolean): Markers | null {
  if (raw) return null;
  if (el.name === 'a') {
    const href = el.attribs.href?.trim();
    // In-page anchors and script links lead nowhere outside the page.
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return null;
    return ['[', `](${target(href)})`];
  }
  if (CODE.has(el.name)) return ['`', '`'];
  return EMPHASIS[el.name] ?? null;
}

/** Whether an element's content is literal (code): no escaping, no markers inside. */
export const isRaw = (el: Element): boolean => el.name === 'pre' || CODE.has(el.name);

/**
 * Wraps what an inline element added to `md` (from `before`) in its markers.
 * Empty content gets none (an icon link); the whitespace around the content
 * stays outside the markers, where Markdown needs it; inline code gets a
 * fence longer than any backtick run inside it.
 */
export function wrapInline(md: string, before: number, [open, close]: Markers, rawContent: string): string {
  const content = open === '`' ? rawContent : md.slice(before);
  const core = content.trim();
  if (!core) return md;
  // Compared with trims, not /\s*$/ (which backtracks over a long run of spaces).
  const lead = content.length !== content.trimStart().length ? ' ' : '';
  const trail = content.length !== content.trimEnd().length ? ' ' : '';
  if (open === '`') {
    const fence = '`'.repeat(Math.max(0, ...(core.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const pad = core.startsWith('`') || core.endsWith('`') ? ' ' : '';
    return `${md.slice(0, before)}${lead}${fence}${pad}${core.replace(/\s+/g, ' ')}${pad}${fence}${trail}`;
  }
  return `${md.slice(0, before)}${lead}${open}${core}${close}${trail}`;
}

/** Inline Markdown of a subtree that holds inline content only (a table cell), by the same rules as segmentation's walk. */
export function inlineMarkdown(el: Element): string {
  let md = '';
  let raw = '';
  type Step = { node: AnyNode; exit?: { before: number; rawBefore: number; markers: Markers } };
  const stack: Step[] = [...el.children].reverse().map((node) => ({ node }));
  const rawAt: boolean[] = [];
  while (stack.length) {
    const step = stack.pop()!;
    if (step.exit) {
      md = wrapInline(md, step.exit.before, step.exit.markers, raw.slice(step.exit.rawBefore));
      rawAt.pop();
      continue;
    }
    const node = step.node;
    const inRaw = rawAt.at(-1) ?? false;
    if (node.type === 'text') {
      const data = (node as Text).data;
      md += inRaw ? data : escapeText(data);
      raw += data;
    } else if (node.type === 'tag') {
      const child = node as Element;
      if (child.name === 'br') {
        md += ' ';
        continue;
      }
      const markers = markersOf(child, inRaw);
      rawAt.push(inRaw || isRaw(child));
      stack.push({ node, exit: { before: md.length, rawBefore: raw.length, markers: markers ?? ['', ''] } });
      for (let k = child.children.length - 1; k >= 0; k--) stack.push({ node: child.children[k]! });
    }
  }
  return md.replace(/\s+/g, ' ').trim();
}

const LISTS = new Set(['ul', 'ol', 'menu', 'dl']);

/** Where a block sits for Markdown: list depth and kind for items, table and header for rows, language for code. */
export function placeOf(el: Element): Omit<MarkdownFeatures, 'text'> {
  if (el.name === 'li' || el.name === 'dt' || el.name === 'dd') {
    let depth = 0;
    let ordered: boolean | undefined;
    for (const up of ancestors(el)) {
      if (!LISTS.has(up.name)) continue;
      depth++;
      ordered ??= up.name === 'ol';
    }
    return { depth: Math.max(1, depth), ordered: ordered ?? false };
  }
  if (el.name === 'tr') {
    let table: Element | undefined;
    for (const up of ancestors(el)) if (up.name === 'table') {
      table = up;
      break;
    }
    const cells = el.children.filter((c): c is Element => c.type === 'tag');
    const header = el.parent?.type === 'tag' && (el.parent as Element).name === 'thead' ? true : cells.length > 0 && cells.every((c) => c.name === 'th');
    return { table: table?.startIndex ?? -1, header };
  }
  if (el.name === 'pre') {
    const code = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'code');
    const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(`${el.attribs.class ?? ''} ${code?.attribs.class ?? ''}`)?.[1];
    return lang ? { lang } : {};
  }
  return {};
}
