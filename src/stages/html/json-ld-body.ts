import * as cheerio from 'cheerio/slim';
import type { Block } from '../../model/block.js';
import type { DocumentContext } from '../../model/document.js';
import { comparable, normalizeText } from '../../text/normalize-text.js';
import type { StageContext } from '../types.js';
import { RULES } from '../../rules/registry.js';
import { textOf } from './dom.js';
import type { ArticleBody } from './page-facts.js';

/** Words the JSON-LD articleBody must hold to stand for an article; the kept text is a stub below this share of its characters. */
const { minBodyWords: MIN_BODY_WORDS, stubShare: STUB_SHARE } = RULES.jsonLdBody.gates.html;

/** The text of an articleBody: some pages write HTML into it, many write entities. */
function bodyParagraphs(raw: string): string[] {
  const text = /[<&]/.test(raw) ? textOf(cheerio.load(raw.replace(/<\/p>|<br\s*\/?>/gi, '$&\n'), null, false).root().get(0)!) : raw;
  return text.split(/\n/).map(normalizeText).filter(Boolean);
}

/**
 * Paywalled and script-rendered pages put the whole article in their JSON-LD
 * (`articleBody`) and only a stub in the HTML: a lead, a teaser, a "subscribe
 * to read on". When the kept text is much shorter than the longest
 * articleBody, the article is read from there: its paragraphs become blocks
 * (their span is the JSON-LD <script>, so they come after the page's own
 * blocks), and the kept blocks it contains (the stub) are removed as
 * duplicates of it. Headings and other kept text stay.
 */
export function fallBackToJsonLdBody(doc: DocumentContext, bodies: readonly ArticleBody[], ctx: StageContext): void {
  const candidates = bodies.map((b) => ({ ...b, paragraphs: bodyParagraphs(b.text) }));
  const best = candidates.sort((a, b) => length(b.paragraphs) - length(a.paragraphs))[0];
  if (!best) return;
  const chars = length(best.paragraphs);
  const words = best.paragraphs.reduce((n, p) => n + p.split(' ').length, 0);
  const kept = doc.blocks.filter((b) => !b.removed && b.kind !== 'heading');
  if (words < MIN_BODY_WORDS || length(kept.map((b) => b.text)) >= chars * STUB_SHARE) return;

  const key = comparable(best.paragraphs.join(' '));
  for (const block of kept) {
    const own = doc.view(block).key;
    if (own && key.includes(own)) {
      doc.remove(block, { stage: 'html-boilerplate', rule: RULES.jsonLdBody.id, reason: 'stub of the article that the page\'s JSON-LD articleBody holds in full' });
    }
  }
  const line = doc.lines().lineAt(best.span[0]);
  for (const text of best.paragraphs) {
    const block: Block = {
      i: doc.blocks.length,
      kind: 'paragraph',
      span: best.span,
      line,
      text,
      html: { tag: 'script', path: 'script[type="application/ld+json"]', linkDensity: 0 },
    };
    doc.blocks.push(block);
  }
  ctx.stats.update('html-boilerplate.json-ld-body');
}

const length = (texts: readonly string[]) => texts.reduce((n, t) => n + t.length, 0);
