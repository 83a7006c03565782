import { AD_LABEL_START, relatedLeadIn } from '../../text/lexicon.js';
import type { Category } from './categories.js';

/**
 * Short lines inside an article that point away from it, label a picture or
 * an ad, or ask for a login, in the languages of the evaluation corpus. The
 * related-content and ad words are text mode's lexicon (one list for both
 * modes); HTML reads them at the start of a block, where the label and its
 * link share one element. One signal among others: the caller applies these
 * only to short, non-link blocks.
 */

/** "Photo: …", "Crédits photos : …", "(Credit: …)", "Quelle: …". */
const CREDIT =
  /^[(\[]?\s*(?:(?:photo(?:graph)?|foto|bild|image|picture)s?\s+(?:by|von|de|par|di)\s|(?:photos?|fotos?|bild(?:er)?|images?|credits?|crédits?(?: photos?)?|fuente|quelle|source|copyright|©)\s*(?:[:：]|\/|©))/iu;

/** "You must be logged in to post a comment", "Sie müssen sich anmelden um Kommentare zu schreiben". */
const COMMENT_WORD = /comment|kommentar|commentaire|comentar|comment[oi]|komentarz|коммент|reac(?:tie|ción)/iu;
const LOGIN_WORD = /log(?:ged)?[ -]?in|sign[ -]?in|anmelden|angemeldet|eingeloggt|einloggen|registr|connecté|connectez|iniciar sesión|accedi|zaloguj|войдите/iu;

export function lineCategory(text: string, words: number): Category | null {
  if (words > 25) return null;
  if (COMMENT_WORD.test(text) && LOGIN_WORD.test(text)) return 'comments';
  // "Read also: <headline>" (a bare related-content title is widgetCategory's).
  if (relatedLeadIn(text)) return 'related';
  if (words <= 12 && CREDIT.test(text)) return 'caption';
  if (words <= 8 && AD_LABEL_START.test(text)) return 'ads';
  return null;
}

const MONTH = '\\p{L}{3,12}\\.?';
/** A date: 23.10.2018, 2018-10-23, 10/23/2018, 15. Mai 2019, May 15, 2019, 15 de mayo de 2019. */
const DATE = new RegExp(
  `(?:\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)\\.?,?\\s+\\d{4}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\.?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+)?\\d{4}\\b|\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b)`,
  'u',
);

/** Cheap pre-check before a date parser runs: something shaped like a date is in the text. */
export const looksLikeDate = (text: string): boolean => DATE.test(text);


