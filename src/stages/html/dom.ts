import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { UnboilFile } from '../../model/document.js';
import type { PageFacts } from './page-facts.js';

/**
 * The parsed page, kept beside the document between the HTML stages
 * (segment → html-boilerplate → html-metadata) so the page is parsed once.
 * A WeakMap keyed by the document: per-document state that dies with it,
 * never shared between documents or runs.
 */
export interface PageDom {
  $: CheerioAPI;
  /** The element each block came from, by block index. */
  elements: Element[];
  /** What <head> and JSON-LD say about the page, read before non-content nodes are dropped. */
  facts: PageFacts;
}

const doms = new WeakMap<UnboilFile, PageDom>();

export const setDom = (file: UnboilFile, dom: PageDom): void => void doms.set(file, dom);
export const getDom = (file: UnboilFile): PageDom | undefined => doms.get(file);

/** Lower-cased class and id tokens of one element. */
export function ownTokens(el: Element): string[] {
  const a = el.attribs;
  if (!a) return [];
  const raw = `${a.class ?? ''} ${a.id ?? ''}`;
  return raw.trim() ? raw.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Ancestors of an element, nearest first, up to (not including) the root. */
export function* ancestors(el: Element): Generator<Element> {
  for (let node = el.parent; node && node.type === 'tag'; node = node.parent) yield node as Element;
}
