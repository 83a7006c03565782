import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { Block, BlockKind } from '../../model/block.js';
import { sourceText, type UnboilFile } from '../../model/document.js';

/** Elements that never hold readable content. */
const DROP = 'script, style, noscript, template, svg, iframe, object, embed, canvas, input, select, textarea, button, [hidden], [aria-hidden="true"]';

const KIND: Record<string, BlockKind> = {
  p: 'paragraph', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item', tr: 'table-row', blockquote: 'quote', pre: 'code',
  figcaption: 'caption', caption: 'caption',
};
const BLOCK_TAGS = new Set([...Object.keys(KIND), 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'td', 'th', 'address', 'form', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'figure', 'body', 'center']);

/**
 * One block per block-level element that holds text directly (text nodes or
 * inline children), in document order. Nested block elements become their own
 * blocks, so an element's text is only the inline content between them.
 */
export function segmentHtml(file: UnboilFile): void {
  const html = sourceText(file);
  const $ = cheerio.load(html, { xml: false, sourceCodeLocationInfo: true } as cheerio.CheerioOptions);
  $(DROP).remove();
  const blocks: Block[] = [];
  const lineStarts = lineIndex(html);

  const visit = (el: Element, depth: number) => {
    let text = '';
    let linkText = 0;
    const flush = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) blocks.push(makeBlock(el, t, linkText, depth));
      text = '';
      linkText = 0;
    };
    const inline = (node: any, inLink: boolean) => {
      if (node.type === 'text') {
        text += node.data;
        if (inLink) linkText += node.data.replace(/\s+/g, '').length;
      } else if (node.type === 'tag') {
        if (BLOCK_TAGS.has(node.name)) {
          flush();
          visit(node, depth + 1);
        } else if (node.name === 'br') text += ' ';
        else for (const child of node.children) inline(child, inLink || node.name === 'a');
      }
    };
    for (const child of el.children) inline(child, el.name === 'a');
    flush();
  };

  const makeBlock = (el: Element, t: string, linkChars: number, depth: number): Block => {
    const loc = (el as any).sourceCodeLocation as { startOffset: number; endOffset: number } | undefined;
    const span: [number, number] = loc ? [loc.startOffset, loc.endOffset] : [0, 0];
    const tokens: string[] = [];
    const landmarks: string[] = [];
    const path: string[] = [];
    for (let node: any = el; node && node.type === 'tag'; node = node.parent) {
      const cls = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
      tokens.push(...cls);
      if (node.attribs?.role) landmarks.push(node.attribs.role.toLowerCase());
      if (['nav', 'header', 'footer', 'aside', 'main', 'article', 'form'].includes(node.name)) landmarks.push(node.name);
      path.unshift(node.name + (cls[0] ? `.${cls[0]}` : ''));
    }
    const kind = KIND[el.name] ?? 'text';
    return {
      i: blocks.length,
      kind,
      span,
      line: lineAt(lineStarts, span[0]),
      text: t,
      ...(kind === 'heading' ? { level: Number(el.name.slice(1)) } : {}),
      html: {
        tag: el.name,
        path: path.join('>'),
        tokens,
        landmarks,
        linkDensity: t.replace(/\s+/g, '').length ? linkChars / t.replace(/\s+/g, '').length : 0,
        depth,
      },
    };
  };

  const body = $('body').get(0) ?? $.root().children('html').get(0);
  if (body) visit(body as Element, 0);
  file.data.blocks = blocks;
  const lang = $('html').attr('lang');
  if (lang) file.data.htmlLang = lang.trim().toLowerCase().split(/[-_]/)[0]!;
}

function lineIndex(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
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
