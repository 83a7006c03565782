import * as cheerio from 'cheerio/slim';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { Block, BlockKind } from '../../model/block.js';
import type { LineIndex } from '../../text/line-index.js';
import { blankDeepTags, blankUnterminatedTail, firstToken, flattenDeepNesting, isElement, textOf, walkElements, type PageDom } from './dom.js';
import { escapeText, inlineMarkdown, isRaw, markersOf, placeOf, wrapInline, type Markers } from './markdown-inline.js';
import { readPageFacts } from './page-facts.js';

/**
 * Elements that never hold readable content, dropped before anything else:
 * the head's own elements, code, styles, embedded media and form controls.
 * Not <head> itself: htmlparser2 does not close an unclosed <head> where the
 * body starts, and such a head holds the whole page. Not <noscript> either:
 * pages put the article there for readers without JavaScript (its "enable
 * JavaScript" notices go in html-boilerplate).
 */
const DROP = new Set([
  'title', 'meta', 'link', 'base', 'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  // Ruby readings (furigana) and their fallback parentheses: the base text is the text.
  'rt', 'rp', 'map', 'input', 'select', 'option', 'textarea', 'dialog',
]);

/** Styles that hide an element, as pages write them inline. */
const HIDING_STYLES = ['display:none', 'display: none', 'visibility:hidden', 'visibility: hidden'];

/**
 * What the page hides, dropped too, except collapsed disclosure panels
 * (isCollapsedPanel). Not the hidden <div id="S:n"> of React's streaming
 * render: it holds content the page's script moves into place (on some
 * pages, the whole article).
 */
function isHidden(el: Element): boolean {
  const { attribs } = el;
  if (attribs.hidden != null && !attribs.id?.startsWith('S:')) return true;
  if (attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style != null && HIDING_STYLES.some((hiding) => style.includes(hiding));
}

/**
 * A hidden element that is a collapsed panel of a tab set or an accordion:
 * its text is on the page, one click away (FAQ answers, product details, the
 * other tabs of a how-to), so it is read, and html-boilerplate judges it like
 * any other block. Not a modal dialog, which the page hides until it is needed
 * (consent, "you are leaving this site").
 */
function isCollapsedPanel(el: Element, controlled: Set<string>): boolean {
  // A collapse wrapper that the page hides around the panel (Chakra's and others' animated
  // accordions): the panel itself is its only child, a level or two down.
  for (let node: Element | undefined = el, level = 0; node && level <= COLLAPSE_LEVELS; node = onlyChild(node), level++) {
    const role = node.attribs.role;
    if (role === 'dialog' || role === 'alertdialog' || node.attribs['aria-modal'] === 'true') return false;
    if (role === 'tabpanel' || node.attribs.hidden === 'until-found' || (!!node.attribs.id && controlled.has(node.attribs.id))) return true;
  }
  return false;
}

/** How far below a hidden wrapper the panel it collapses may lie. */
const COLLAPSE_LEVELS = 2;

/** The one element child of `el` when it has no other child element and no text of its own. */
function onlyChild(el: Element): Element | undefined {
  let only: Element | undefined;
  for (const child of el.children) {
    if (child.type === 'text' && /\S/.test((child as Text).data)) return undefined;
    if (!isElement(child)) continue;
    if (only) return undefined;
    only = child;
  }
  return only;
}

/**
 * A <button> is a form control (dropped) unless it is the trigger of a
 * disclosure panel: an accordion's header is the question its panel answers.
 */
const isDisclosureTrigger = (el: Element): boolean => 'aria-controls' in el.attribs || 'aria-expanded' in el.attribs;

/**
 * Drops what holds no readable content (DROP, form buttons) and what the
 * page hides, in one walk over the tree: an element's decision needs only
 * its own attributes, except a hidden one's, which needs the ids that
 * disclosure controls anywhere on the page open (tabs, accordion and "show
 * more" buttons name the panel they expand in `aria-controls`: WAI-ARIA's
 * disclosure and tabs patterns), so hidden elements are judged once the walk
 * has seen every control, dropped ones included. With `disclosures` false
 * (markup that reached us as text), every button and every hidden element goes.
 */
function dropUnread($: CheerioAPI, root: AnyNode, disclosures: boolean): void {
  const controlled = new Set<string>();
  const dropped: Element[] = [];
  const hidden: Element[] = [];
  // A node, and whether an element above it is dropped (then it goes with it, and only its controls count).
  const nodes: AnyNode[] = [root];
  const gone: boolean[] = [false];
  while (nodes.length) {
    const node = nodes.pop()!;
    let out = gone.pop()!;
    if (isElement(node)) {
      const controls = node.attribs['aria-controls'];
      if (controls != null) for (const id of controls.split(/\s+/)) if (id) controlled.add(id);
      if (out) {
        // Inside a dropped element: nothing to decide.
      } else if (DROP.has(node.name) || (node.name === 'button' && !(disclosures && isDisclosureTrigger(node)))) {
        dropped.push(node);
        out = true;
      } else if (isHidden(node)) hidden.push(node);
    }
    if ('children' in node) for (const child of node.children) nodes.push(child), gone.push(out);
  }
  $(dropped).remove();
  if (!disclosures) {
    $(hidden).remove();
    return;
  }
  // The page's text, counted once and only when some hidden element could be the page.
  let total: number | undefined;
  const pageChars = () => (total ??= charsOf(root));
  $(hidden.filter((el) => !isCollapsedPanel(el, controlled) && !isHiddenWrapper(el, pageChars))).remove();
}

/** Share of the page's text a hidden element must hold to be the page itself, hidden until its script runs. */
const WRAPPER_SHARE = 0.5;

/**
 * A hidden element that holds most of the page's text is the page, not a
 * widget: a wrapper that a script reveals once it has loaded (an anti-flicker
 * `visibility:hidden`), or one marked aria-hidden while a modal was open when
 * the page was saved. Dropping it would empty the page. A modal dialog still
 * goes (a consent text can outweigh a page that scripts fill in). Text is
 * counted as non-space characters, once the unread elements are gone.
 */
function isHiddenWrapper(el: Element, pageChars: () => number): boolean {
  if (el.attribs.role === 'dialog' || el.attribs.role === 'alertdialog' || el.attribs['aria-modal'] === 'true') return false;
  const own = charsOf(el);
  return own > 0 && own > pageChars() * WRAPPER_SHARE;
}

/** Non-space characters of the text below `node`, counted without building the text (pages hide many elements). */
function charsOf(node: AnyNode): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.type === 'text') {
      const data = (next as Text).data;
      for (let k = 0; k < data.length; k++) {
        const c = data.charCodeAt(k);
        if (c > 32 && c !== 160) n++;
      }
    } else if ('children' in next) for (const child of (next as Element).children) stack.push(child);
  }
  return n;
}

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
const NON_SPACE = /\S/g;

/** How many elements of a block's DOM path the sidecar shows (nearest last): enough to tell containers apart, bounded on deep pages. */
const PATH_ELEMENTS = 8;

/**
 * A <pre> keeps its lines: spaces inside a line and its indentation stay, blank
 * lines go (the clean text separates blocks by one blank line, so a block holds none).
 */
export function preformatted(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => /\S/.test(line))
    .join('\n');
}

function inPre(el: Element): boolean {
  for (let node: AnyNode | null = el; node && node.type === 'tag'; node = node.parent) if ((node as Element).name === 'pre') return true;
  return false;
}

/** Markup with a tag name: `<img …>`, `</div>`. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;

/**
 * A <noscript> whose content reached us as text (a page saved by a browser with
 * scripting on keeps it unparsed, some scrapers then escape it) holds markup
 * such as a tracking pixel's `<img height="1" src="…">`: the text is read as
 * HTML, and only its readable text stays (usually none), in the same text node
 * so that the block still points at its source.
 */
function unescapeNoscriptMarkup(noscripts: readonly Element[]): void {
  for (const el of noscripts) {
    const stack: AnyNode[] = [...el.children];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'text') {
        const text = node as Text;
        if (!MARKUP.test(text.data)) continue;
        const fragment = cheerio.load(text.data, null, false);
        dropUnread(fragment, fragment.root().get(0)!, false);
        text.data = textOf(fragment.root().get(0)!);
      } else if ('children' in node) stack.push(...(node as Element).children);
    }
  }
}

/** Fields a user fills in a form: what `input:not([type="hidden"]):not([type="submit"]), select, textarea` finds in it (`type` compares without case). */
function fieldCount(form: Element): number {
  let n = 0;
  walkElements(form, (el) => {
    if (el.name === 'select' || el.name === 'textarea') n++;
    else if (el.name === 'input') {
      const type = el.attribs.type?.toLowerCase();
      if (type !== 'hidden' && type !== 'submit') n++;
    }
  });
  return n;
}

/**
 * Source offsets from htmlparser2 (`endIndex` is inclusive). An element left
 * open at the end of the page gets `endIndex` = the source length, one past
 * its last character: clamp, so that no span ends past the source.
 */
const spanOf = (node: AnyNode, length: number): [number, number] | undefined =>
  node.startIndex != null && node.endIndex != null ? [node.startIndex, Math.min(node.endIndex + 1, length)] : undefined;

/** A table row whose cells hold only inline content is one block; a layout table is not. */
function isSimpleRow(tr: Element): boolean {
  for (const cell of tr.children) {
    if (cell.type !== 'tag') continue;
    if (cell.name !== 'td' && cell.name !== 'th') return false;
    const stack: AnyNode[] = [...cell.children];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type !== 'tag') continue;
      if (BLOCK_TAGS.has(node.name)) return false;
      stack.push(...node.children);
    }
  }
  return true;
}

/** The DOM path shown in the sidecar: `body>div.main>article>p`, its last PATH_ELEMENTS elements. */
function pathOf(el: Element): string {
  const path: string[] = [];
  let node: AnyNode | null = el;
  for (; node && node.type === 'tag' && path.length < PATH_ELEMENTS; node = node.parent) {
    const first = firstToken(node as Element);
    path.push((node as Element).name + (first ? `.${first}` : ''));
  }
  if (node && node.type === 'tag') path.push('…');
  return path.reverse().join('>');
}

/** Text gathered for the block being built: its raw text, its Markdown, where it lies, how much is link text. */
interface Pending {
  el: Element;
  text: string;
  md: string;
  chars: number;
  linkChars: number;
  start: number;
  end: number;
  /** Blocks already flushed from this element (its text is split by nested blocks). */
  runs: number;
  /** A nested block came inside this element: its own span would cover that block too. */
  nested: boolean;
}

/** A step of the walk: read a block element's children, or an inline element's. */
type Frame =
  | { kind: 'block'; el: Element; next: number; pending: Pending; raw: boolean }
  | {
      kind: 'inline';
      el: Element;
      next: number;
      pending: Pending;
      inLink: boolean;
      before: number;
      /** Blocks made before the element: a block inside it splits its text, and then its span is not the element's. */
      blocksBefore: number;
      /** Inside code: Markdown content is literal. */
      raw: boolean;
      /** Where the element's Markdown starts, its markers, and the run it started in (a nested block flushes the run). */
      mdBefore: number;
      markers: Markers | null;
      run: number;
    };

/**
 * Parses the page with cheerio (htmlparser2, with source offsets) and makes one
 * block per block-level element that holds text directly (text nodes or
 * inline children), in reading order. Nested block elements become their own
 * blocks, so an element's text is only the inline content between them. The
 * walk is iterative (an explicit stack), so nesting depth costs no call stack.
 */
export function segmentHtml(html: string, lines: LineIndex): { blocks: Block[]; page: PageDom; lang: string | null } {
  // htmlparser2 rather than parse5: several times faster, with source offsets, and forgiving
  // enough for block segmentation (it closes <p> and <li> where HTML implies it).
  const $ = cheerio.load(blankDeepTags(blankUnterminatedTail(html)), { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  const document = $.root().get(0)!;
  flattenDeepNesting(document);
  const facts = readPageFacts($);
  // Forms with several fields (signup, login, search, contact) are boilerplate; their controls are
  // about to be dropped, so remember them now for html-boilerplate (a page-wide <form> wrapper is
  // protected there by its share of the prose).
  const forms = new Set<Element>();
  walkElements(document, (el) => {
    if (el.name === 'form' && fieldCount(el) >= 2) forms.add(el);
  });
  dropUnread($, document, true);
  // What is left: the <noscript>s, the <body>s and the first <html>, found in one walk.
  const noscripts: Element[] = [];
  const bodies: Element[] = [];
  let htmlEl: Element | undefined;
  walkElements(document, (el) => {
    if (el.name === 'noscript') noscripts.push(el);
    else if (el.name === 'body') bodies.push(el);
    else if (el.name === 'html') htmlEl ??= el;
  });
  unescapeNoscriptMarkup(noscripts);
  const blocks: Block[] = [];
  const elements: Element[] = [];

  const push = (el: Element, t: string, linkDensity: number, span: [number, number], md: string, extra: { cells?: string[] } = {}) => {
    if (!t) return;
    const kind = KIND[el.name] ?? 'text';
    blocks.push({
      i: blocks.length,
      kind,
      span,
      line: lines.lineAt(span[0]),
      text: t,
      ...(kind === 'heading' ? { level: Number(el.name.slice(1)) } : {}),
      // A page without <html> or <body> has its top-level text in the document node itself.
      html: { tag: el.type === 'tag' ? el.name : '#document', path: pathOf(el), linkDensity, md: { text: md, ...extra, ...(el.type === 'tag' ? placeOf(el) : {}) } },
    });
    elements.push(el);
  };

  const pending = (el: Element): Pending => ({ el, text: '', md: '', chars: 0, linkChars: 0, start: -1, end: -1, runs: 0, nested: false });
  const flush = (p: Pending, whole: boolean) => {
    if (p.chars > 0) {
      const own = whole && p.runs === 0 && !p.nested ? spanOf(p.el, html.length) : undefined;
      const span: [number, number] = own ?? [Math.max(p.start, 0), Math.max(p.end, p.start, 0)];
      // Code keeps its lines (HTML drops the newline right after <pre>); other Markdown is one line, like the text.
      const md = p.el.name === 'pre' ? p.md.replace(/^\r?\n/, '').trimEnd() : p.md.replace(/\s+/g, ' ').trim();
      push(p.el, p.el.name === 'pre' ? preformatted(p.text) : p.text.replace(/\s+/g, ' ').trim(), p.linkChars / p.chars, span, md);
      p.runs++;
    }
    p.text = '';
    p.md = '';
    p.chars = p.linkChars = 0;
    p.start = p.end = -1;
  };
  const touch = (p: Pending, node: AnyNode) => {
    const span = spanOf(node, html.length);
    if (!span) return;
    if (p.start < 0 || span[0] < p.start) p.start = span[0];
    if (span[1] > p.end) p.end = span[1];
  };

  // A simple row: its cells, in order, joined by " | ".
  const row = (tr: Element) => {
    const cells: string[] = [];
    let chars = 0;
    let linkChars = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'tag') continue;
      const t = textOf(cell).replace(/\s+/g, ' ').trim();
      const links = $(cell).find('a').toArray().reduce((n, a) => n + textOf(a).replace(/\s+/g, '').length, 0);
      chars += t.replace(/\s+/g, '').length;
      linkChars += links;
      if (t) cells.push(t);
    }
    if (chars) {
      const md = tr.children.filter((cell): cell is Element => cell.type === 'tag').map(inlineMarkdown);
      push(tr, cells.join(' | '), Math.min(1, linkChars / chars), spanOf(tr, html.length) ?? [0, 0], md.filter(Boolean).join(' | '), { cells: md });
    }
  };

  // A page with several <body> elements (a second document pasted into the first) is read whole.
  const root = ((bodies.length === 1 ? bodies[0] : undefined) ?? htmlEl ?? document) as Element;
  const stack: Frame[] = [{ kind: 'block', el: root, next: 0, pending: pending(root), raw: false }];
  while (stack.length) {
    const frame = stack.at(-1)!;
    const p = frame.pending;
    if (frame.next >= frame.el.children.length) {
      stack.pop();
      if (frame.kind === 'block') flush(p, true);
      else {
        // The whole inline element is in the span, unless a block inside it split the text.
        if (p.text.length > frame.before && blocks.length === frame.blocksBefore) touch(p, frame.el);
        if (frame.markers && frame.run === p.runs) p.md = wrapInline(p.md, frame.mdBefore, frame.markers, p.text.slice(frame.before));
        // Table cells read as separate words.
        if (frame.el.name === 'td' || frame.el.name === 'th') p.text += ' ';
      }
      continue;
    }
    const node = frame.el.children[frame.next++]!;
    const inLink = (frame.kind === 'inline' && frame.inLink) || frame.el.name === 'a';
    if (node.type === 'text') {
      const data = (node as Text).data;
      const n = data.match(NON_SPACE)?.length ?? 0;
      p.text += data;
      p.md += frame.raw ? data : escapeText(data);
      if (n) {
        p.chars += n;
        if (inLink) p.linkChars += n;
        touch(p, node);
      }
    } else if (node.type === 'tag') {
      const name = node.name;
      if (name === 'br') {
        p.text += frame.el.name === 'pre' || (frame.kind === 'inline' && inPre(frame.el)) ? '\n' : ' ';
        p.md += frame.raw ? '\n' : ' ';
      } else if (name === 'tr' && isSimpleRow(node)) {
        flush(p, false);
        p.nested = true;
        row(node);
      } else if (BLOCK_TAGS.has(name)) {
        flush(p, false);
        p.nested = true;
        stack.push({ kind: 'block', el: node, next: 0, pending: pending(node), raw: name === 'pre' });
      } else {
        const markers = markersOf(node, frame.raw);
        const raw = frame.raw || isRaw(node);
        stack.push({ kind: 'inline', el: node, next: 0, pending: p, inLink, before: p.text.length, blocksBefore: blocks.length, raw, mdBefore: p.md.length, markers, run: p.runs });
      }
    }
  }
  // htmlparser2 ends an element closed implicitly (`<p>` by a `<div>`) after the tag that closed
  // it: end each span where the next block starts, so that spans never overlap.
  for (let i = 0; i + 1 < blocks.length; i++) {
    const span = blocks[i]!.span;
    span[1] = Math.max(span[0], Math.min(span[1], blocks[i + 1]!.span[0]));
  }
  const lang = (htmlEl?.attribs.lang ?? htmlEl?.attribs['xml:lang'])?.trim().toLowerCase().split(/[-_]/)[0];
  return { blocks, page: { $, elements, root, facts, forms }, lang: lang || null };
}
