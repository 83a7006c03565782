import type { Block } from '../../model/block.js';
import { findDates } from '../../text/dates.js';
import type { DocumentStage } from '../types.js';
import { bylineSpec, type BylineOptions } from '../specs/byline.js';
import { MAIN_TEXT_PENALTY } from '../specs/main-text.js';
import { mainRun } from '../text/boilerplate/rules/main-text.js';

const BY =
  /^(?:(?:written|posted|published|reported|words|text|story|photos?)\s+by|by|von|par|por|di|da|door|przez|av|af|от|автор[:：]?|作者[:：]?|autor(?:in)?[:：]?|auteur[:：]?|author[:：]?)\s+(\S.*)$/iu;
/** A person's name: two to four capitalised words (particles like "de", "van", "al-" allowed). */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:de|da|del|der|van|von|la|le|al|bin|ibn|y)\s+)?\p{Lu}[\p{L}.'’-]*){1,3}$/u;
const DATE_LABEL = /^(?:(?:published|posted|updated|date|on|veröffentlicht|aktualisiert|am|publié|mis à jour|le|publicado|actualizado|el|pubblicato|il|opublikowano|dnia|опубликовано|发布(?:时间|日期)?|日期)(?:[\s:：]+|$))+/iu;
// The lookbehinds start a trailing run at its first character only: tried from every character
// of a long run, `\s+…$` backtracks quadratically (tests/regex-safety.test.ts).
const SEPARATORS = /^[\s,|–—\-·•/]+|(?<![\s,|–—\-·•/])[\s,|–—\-·•/]+$/gu;
const TRAILING_ON = /(?<!\s)\s+(?:on|am|le|el|il|on)$/iu;
/** Between co-authors: "A, B and C". Spaces around are trimmed from the parts instead of matched. */
const AUTHOR_JOIN = /,|&|\b(?:and|und|et|y)\b/u;

export interface Byline {
  author: string | null;
  date: string | null;
  role: 'byline' | 'dateline';
}

/** Reads a byline ("By Xavier Villar", "Simon Westwood, January 20, 2025") or a dateline ("Sunday 19 January 2025"). */
export function parseByline(text: string, lang: string | null): Byline | null {
  const words = text.split(/\s+/).length;
  if (words > 14) return null;
  // Date parsing is the expensive part: a line with neither a digit nor a
  // "by" word cannot be a byline or a dateline.
  if (!/\p{N}/u.test(text) && !BY.test(text)) return null;
  const dates = findDates(text, lang);
  const date = dates[0];
  const rest = date ? (text.slice(0, date.index) + ' ' + text.slice(date.index + date.text.length)).trim() : text.trim();

  const by = BY.exec(rest);
  if (by) {
    const name = by[1]!.replace(TRAILING_ON, '').replace(SEPARATORS, '').trim();
    if (NAME.test(name) || name.split(AUTHOR_JOIN).every((n) => NAME.test(n.trim()))) {
      return { author: name, date: date?.iso ?? null, role: 'byline' };
    }
  }
  if (!date) return null;
  const leftover = rest.replace(DATE_LABEL, '').replace(/\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]m|utc|gmt|cet|cest|et|pt)\b/giu, '').replace(SEPARATORS, '').trim();
  if (!leftover) return { author: null, date: date.iso, role: 'dateline' };
  if (NAME.test(leftover)) return { author: leftover, date: date.iso, role: 'byline' };
  return null;
}

/**
 * Finds the byline and dateline near the start of the document and moves
 * them to metadata. By default they leave the clean text (rule
 * `metadata/byline`, `metadata/dateline`), as trafilatura does, so that the
 * text is the article alone; `keep: true` leaves them in.
 */
export const byline: DocumentStage<BylineOptions> = {
  ...bylineSpec,
  run(doc, opts, ctx) {
    const meta = doc.data.meta;
    // Bylines sit next to the title, just before (or in the first paragraphs
    // of) the main text, which may start far down a page full of sidebars.
    const items = doc.keptViews();
    const start = Math.max(0, (mainRun(items, MAIN_TEXT_PENALTY)?.[0] ?? 0) - opts.before);
    let prose = 0;
    const found: Array<[Block, Byline]> = [];
    for (const { block, f, prose: isProse } of items.slice(start)) {
      if (isProse && ++prose > opts.window) break;
      if (f.words > 14) continue;
      const parsed = parseByline(block.text, meta.lang);
      if (parsed) found.push([block, parsed]);
    }
    for (const [block, parsed] of found) {
      meta.author ??= parsed.author;
      meta.date ??= parsed.date;
      block.role = parsed.role;
      ctx.stats.update(`metadata.${parsed.role}`);
      if (!opts.keep) {
        doc.remove(block, {
          stage: 'metadata',
          rule: parsed.role,
          reason: parsed.role === 'byline' ? `byline: author "${parsed.author}" moved to metadata` : `dateline: date ${parsed.date} moved to metadata`,
        });
      }
    }
  },
};
