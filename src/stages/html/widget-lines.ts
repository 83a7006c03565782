import {
  COMMENT_HEADER,
  COOKIE,
  COPYRIGHT,
  FORM_BUTTON,
  FORM_LABEL,
  LEGAL,
  NEWSLETTER,
  RELATED_HEADER,
  SOCIAL,
} from '../../text/lexicon.js';
import type { Category } from './categories.js';

/**
 * Short widget lines that the page did not wrap in a telling element ("Share
 * this", "Leave a comment", "Sign up for our newsletter"), by the multilingual
 * widget lexicon (src/text/lexicon.ts). One signal only: the
 * caller applies it to short, non-prose blocks.
 */
export function widgetCategory(text: string, words: number, prose: boolean): Category | null {
  if (RELATED_HEADER.test(text)) return 'related';
  if (SOCIAL.test(text)) return 'share';
  if (COMMENT_HEADER.test(text) || FORM_LABEL.test(text) || FORM_BUTTON.test(text)) return 'comments';
  if (LEGAL.test(text)) return 'footer';
  // Prose may mention a newsletter or consent in passing: only short prose counts.
  if (words > 30 || (prose && words > 15)) return null;
  if (NEWSLETTER.test(text)) return 'newsletter';
  if (COOKIE.test(text)) return 'cookie';
  if (COPYRIGHT.test(text)) return 'footer';
  return null;
}
