import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, BlockKind, HtmlNode } from '../../model/block.js';
import { sourceText, type UnboilFile } from '../../model/document.js';
import { readPageMeta } from './page-meta.js';

/** Elements that never hold readable content, removed before anything else. */
const DROP =
  'head, script, style, noscript, template, svg, math, iframe, object, embed, canvas, audio, video, input, select, option, textarea, button, [hidden], [aria-hidden="true"], .sr-only, .screen-reader-text, .visually-hidden';
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

const KIND: Record<string, BlockKind> = {
  p: 'paragraph', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item', tr: 'table-row', blockquote: 'quote', pre: 'code',
  figcaption: 'caption', caption: 'caption',
};
/** Elements that start a new block; everything else is inline and joins its parent's text. */
const BLOCK_TAGS = new Set([
  ...Object.keys(KIND), 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'address', 'form', 'fieldset', 'legend',
  'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'figure', 'body', 'center', 'details', 'summary', 'hgroup', 'menu', 'dialog',
]);
/** Inline elements whose boundary is a word boundary. */
const SPACED = new Set(['br', 'td', 'th', 'img', 'hr', 'wbr']);

/**
 * One block per block-level element that holds text directly (text nodes or
 * inline children), in document order. Nested block elements become their
 * own blocks, so an element's text is only the inline content between them.
 * Table cells join their row. Every block records its span in the decoded
 * source and the chain of elements above it, for the HTML boilerplate stage.
 */
export function segmentHtml(file: UnboilFile): void {
  const html = sourceText(file);
  // htmlparser2 (cheerio's `xml` option in HTML mode) is several times faster
  // than parse5 and records the source offsets of every node.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true, withEndIndices: true } });
  file.data.page = readPageMeta($);
  const lang = $('html').attr('lang') ?? $('meta[http-equiv="content-language" i]').attr('content');
  if (lang) file.data.htmlLang = lang.trim().toLowerCase().split(/[-_,\s]/)[0]!;
  $(DROP).remove();
  $('[style]').filter((_, el) => HIDDEN_STYLE.test(el.attribs.style ?? '')).remove();

  const blocks: Block[] = [];
  const lineStarts = lineIndex(html);
  let nextId = 0;

  const visit = (el: Element, ancestors: HtmlNode[]) => {
    let text = '';
    let linkChars = 0;
    let start = -1;
    let end = -1;
    const flush = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) blocks.push(makeBlock(el, t, linkChars, ancestors, start, end));
      text = '';
      linkChars = 0;
      start = end = -1;
    };
    const inline = (node: AnyNode, inLink: boolean) => {
      if (node.type === 'text') {
        const data = (node as unknown as { data: string }).data;
        if (!data.trim()) {
          text += data;
          return;
        }
        text += data;
        if (inLink) linkChars += data.replace(/\s+/g, '').length;
        if (node.startIndex != null && node.endIndex != null) {
          if (start < 0) start = node.startIndex;
          end = node.endIndex + 1;
        }
      } else if (node.type === 'tag') {
        const child = node as Element;
        if (BLOCK_TAGS.has(child.name)) {
          flush();
          visit(child, [...ancestors, nodeOf(child)]);
        } else {
          if (SPACED.has(child.name)) text += ' ';
          for (const c of child.children) inline(c, inLink || child.name === 'a');
          if (SPACED.has(child.name)) text += ' ';
        }
      }
    };
    for (const child of el.children) inline(child, false);
    flush();
  };

  const nodeOf = (el: Element): HtmlNode => ({
    id: nextId++,
    tag: el.name,
    names: `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.trim(),
    role: (el.attribs.role ?? '').toLowerCase(),
  });

  const makeBlock = (el: Element, t: string, linkChars: number, ancestors: HtmlNode[], start: number, end: number): Block => {
    // The span covers the block's own text, from its first to its last text node.
    const span: [number, number] = start >= 0 ? [start, end] : [el.startIndex ?? 0, (el.endIndex ?? -1) + 1];
    const kind = KIND[el.name] ?? 'text';
    const visible = t.replace(/\s+/g, '').length;
    return {
      i: blocks.length,
      kind,
      span,
      line: lineAt(lineStarts, span[0]),
      text: t,
      ...(kind === 'heading' ? { level: Number(el.name.slice(1)) } : {}),
      html: {
        ancestors,
        tag: el.name,
        path: ancestors.map((a) => a.tag + (a.names ? `.${a.names.split(/\s+/)[0]}` : '')).join('>'),
        linkDensity: visible ? Math.min(1, linkChars / visible) : 0,
      },
    };
  };

  const body = $('body').get(0);
  if (body) visit(body, []);
  file.data.blocks = blocks;
}

function lineIndex(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
