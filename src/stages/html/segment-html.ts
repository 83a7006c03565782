import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { Block, BlockKind } from '../../model/block.js';
import { sourceText, type UnboilFile } from '../../model/document.js';
import { ownTokens, setDom } from './dom.js';
import { readPageFacts } from './page-facts.js';

/**
 * Elements that never hold readable content, dropped before anything else:
 * the head's own elements, code, styles, embedded media, form controls, and
 * what the page hides. Not <head> itself: htmlparser2 does not close an
 * unclosed <head> where the body starts, and such a head holds the whole page.
 * Not <noscript> either: pages put the article there for readers without
 * JavaScript (its "enable JavaScript" notices go in html-boilerplate).
 */
const DROP = [
  'title', 'meta', 'link', 'base', 'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'map', 'input', 'select', 'option', 'textarea', 'button', 'dialog', '[hidden]', '[aria-hidden="true"]', '[aria-hidden=true]',
  '[style*="display:none"]', '[style*="display: none"]', '[style*="visibility:hidden"]', '[style*="visibility: hidden"]',
].join(', ');

const KIND: Record<string, BlockKind> = {
  p: 'paragraph', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item', tr: 'table-row', blockquote: 'quote', pre: 'code',
  figcaption: 'caption', caption: 'caption',
};

/** Elements that start a new block (HTML's block-level and table elements). */
const BLOCK_TAGS = new Set([
  ...Object.keys(KIND), 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'td', 'th', 'address', 'form',
  'fieldset', 'legend', 'ul', 'ol', 'dl', 'menu', 'table', 'tbody', 'thead', 'tfoot', 'figure', 'body', 'center', 'details',
  'summary', 'hgroup', 'hr', 'html', 'frameset', 'frame', 'noframes',
]);
const LANDMARK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'main', 'article', 'form']);
const NON_SPACE = /\S/g;

interface Loc {
  startOffset: number;
  endOffset: number;
}
/** Source offsets from htmlparser2 (`endIndex` is inclusive). */
const locOf = (node: AnyNode): Loc | undefined =>
  node.startIndex != null && node.endIndex != null ? { startOffset: node.startIndex, endOffset: node.endIndex + 1 } : undefined;

/** A table row whose cells hold only inline content is one block; a layout table is not. */
function isSimpleRow(tr: Element): boolean {
  for (const cell of tr.children) {
    if (cell.type !== 'tag') continue;
    if (cell.name !== 'td' && cell.name !== 'th') return false;
    if (cell.children.some(hasBlockDescendant)) return false;
  }
  return true;
}
function hasBlockDescendant(node: AnyNode): boolean {
  if (node.type !== 'tag') return false;
  if (BLOCK_TAGS.has(node.name) && node.name !== 'br') return true;
  return node.children.some(hasBlockDescendant);
}

/**
 * Parses the page with cheerio (htmlparser2, with source offsets) and makes one
 * block per block-level element that holds text directly (text nodes or
 * inline children), in reading order. Nested block elements become their own
 * blocks, so an element's text is only the inline content between them. The
 * parsed page stays available to the later HTML stages (see dom.ts).
 */
export function segmentHtml(file: UnboilFile): void {
  const html = sourceText(file);
  // htmlparser2 rather than parse5: several times faster, with source offsets, and forgiving
  // enough for block segmentation (it closes <p> and <li> where HTML implies it).
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  const lang = $('html').attr('lang') ?? $('html').attr('xml:lang');
  if (lang?.trim()) file.data.htmlLang = lang.trim().toLowerCase().split(/[-_]/)[0]!;
  const facts = readPageFacts($);
  // Forms with several fields (signup, login, search, contact) are boilerplate; their controls are
  // about to be dropped, so mark them now for html-boilerplate (a page-wide <form> wrapper is
  // protected there by its share of the prose).
  $('form').each((_, form) => {
    if ($(form).find('input:not([type="hidden"]):not([type="submit"]), select, textarea').length >= 2) form.attribs['data-unboil-form'] = 'fields';
  });
  $(DROP).remove();
  const blocks: Block[] = [];
  const elements: Element[] = [];
  const lineStarts = lineIndex(html);

  const visit = (el: Element, depth: number) => {
    let text = '';
    let chars = 0;
    let linkChars = 0;
    let start = -1;
    let end = -1;
    let runs = 0;
    const flush = (whole: boolean) => {
      if (chars > 0) {
        const loc = whole && runs === 0 ? locOf(el) : undefined;
        const span: [number, number] = loc ? [loc.startOffset, loc.endOffset] : [Math.max(start, 0), Math.max(end, start, 0)];
        push(el, text.replace(/\s+/g, ' ').trim(), chars ? linkChars / chars : 0, depth, span);
        runs++;
      }
      text = '';
      chars = 0;
      linkChars = 0;
      start = end = -1;
    };
    const touch = (node: AnyNode) => {
      const loc = locOf(node);
      if (!loc) return;
      if (start < 0 || loc.startOffset < start) start = loc.startOffset;
      if (loc.endOffset > end) end = loc.endOffset;
    };
    const inline = (node: AnyNode, inLink: boolean) => {
      if (node.type === 'text') {
        const data = (node as Text).data;
        const n = data.match(NON_SPACE)?.length ?? 0;
        text += data;
        if (n) {
          chars += n;
          if (inLink) linkChars += n;
          touch(node);
        }
      } else if (node.type === 'tag') {
        const name = node.name;
        if (name === 'br') text += ' ';
        else if (name === 'tr' && isSimpleRow(node)) {
          flush(false);
          row(node, depth + 1);
        } else if (BLOCK_TAGS.has(name)) {
          flush(false);
          visit(node, depth + 1);
        } else {
          const before = text.length;
          for (const child of node.children) inline(child, inLink || name === 'a');
          if (text.length > before) touch(node);
          // Inline elements that read as separate words (images' alt text is not taken).
          if (name === 'td' || name === 'th') text += ' ';
        }
      }
    };
    for (const child of el.children) inline(child, el.name === 'a');
    flush(true);
  };

  // A simple row: its cells, in order, joined by " | ".
  const row = (tr: Element, depth: number) => {
    const cells: string[] = [];
    let chars = 0;
    let linkChars = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'tag') continue;
      const t = $(cell).text().replace(/\s+/g, ' ').trim();
      const links = $(cell).find('a').text().replace(/\s+/g, '').length;
      chars += t.replace(/\s+/g, '').length;
      linkChars += links;
      if (t) cells.push(t);
    }
    if (!chars) return;
    const loc = locOf(tr);
    push(tr, cells.join(' | '), Math.min(1, linkChars / chars), depth, loc ? [loc.startOffset, loc.endOffset] : [0, 0]);
  };

  const push = (el: Element, t: string, linkDensity: number, depth: number, span: [number, number]) => {
    if (!t) return;
    const tokens: string[] = [];
    const landmarks: string[] = [];
    const path: string[] = [];
    for (let node: AnyNode | null = el; node && node.type === 'tag'; node = node.parent) {
      const own = ownTokens(node);
      tokens.push(...own);
      const role = node.attribs.role?.toLowerCase();
      if (role) landmarks.push(role);
      if (LANDMARK_TAGS.has(node.name)) landmarks.push(node.name);
      path.unshift(node.name + (own[0] ? `.${own[0]}` : ''));
    }
    const kind = KIND[el.name] ?? 'text';
    blocks.push({
      i: blocks.length,
      kind,
      span,
      line: lineAt(lineStarts, span[0]),
      text: t,
      ...(kind === 'heading' ? { level: Number(el.name.slice(1)) } : {}),
      html: { tag: el.name, path: path.join('>'), tokens, landmarks, linkDensity, depth },
    });
    elements.push(el);
  };

  const root = $('body').get(0) ?? $('html').get(0) ?? $.root().get(0);
  if (root) visit(root as Element, 0);
  file.data.blocks = blocks;
  setDom(file, { $, elements, facts });
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
