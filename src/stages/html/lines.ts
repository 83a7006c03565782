import { AD_LABEL_START } from '../text/boilerplate/lexicon.js';
import type { Category } from './categories.js';

/**
 * Short lines inside an article that point away from it or label a picture,
 * in the languages of the evaluation corpus (English, German, French,
 * Spanish, Italian, Portuguese, Dutch, Polish, Russian). One signal among
 * others: the caller applies these only to short, non-link blocks.
 */

/** "Read also: …", "À lire aussi » …", "LE PUEDE INTERESAR: …": a pointer to another article. */
const READ_ALSO = new RegExp(
  '^[\\s\\p{P}\\p{S}]*(?:' +
    [
      '(?:read|see) (?:also|more|next)', 'also read', 'related', 'explore further', 'further reading', 'more on this',
      'lesen sie (?:auch|hier|mehr)', 'weiterlesen', 'mehr zum thema', 'auch interessant', 'siehe auch', 'das könnte sie auch interessieren',
      '(?:à )?lire aussi', 'voir aussi', 'à voir aussi', 'sur le même sujet',
      '(?:le|te) puede interesar', 'puedes ver', 'lee (?:también|más)', 'ver también', 'leer más', 'también te puede interesar',
      'leggi anche', 'potrebbe interessarti', 'leia (?:também|mais)', 'veja também', 'lees ook', 'lees meer',
      'czytaj (?:też|także|również|więcej)', 'dowiedz się więcej', 'zobacz (?:też|także|również)', 'читайте также', 'смотрите также',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])\\s*(?:[:：»›→…]|\\.{3}|$)',
  'iu',
);

/** Section titles of related content: "More from …", "Weitere Artikel", "Meistgelesen". */
const MORE_HEADING = new RegExp(
  '^(?:' +
    [
      'more (?:from|on|in|about|stories|articles|news)', 'other (?:articles|stories|news)', 'latest (?:news|articles|stories|posts)',
      'most (?:read|popular|viewed|shared|commented)', 'weitere (?:artikel|beiträge|themen|nachrichten|meldungen|tourentipps|tipps|informationen)',
      'mehr (?:aus|zu|zum|von|über|artikel|kolumnen|beiträge)', 'meistgelesen', 'meistdiskutiert', '(?:aktuellste|neueste|neuste) (?:beiträge|artikel|nachrichten|meldungen)', 'viel gelesen', 'neueste artikel', 'aktuelle artikel',
      'auch auf', 'das könnte', 'autres articles', '(?:articles )?les plus (?:lus|populaires|partagés)', 'plus d.articles', 'más (?:noticias|artículos|leídas)', 'otras noticias',
      'altri articoli', 'i più letti', 'mais lidas', 'outras notícias', 'najczęściej czytane', 'więcej (?:artykułów|informacji)',
    ].join('|') +
    ')',
  'iu',
);

/** "Photo: …", "Crédits photos : …", "(Credit: …)", "Quelle: …". */
const CREDIT =
  /^[(\[]?\s*(?:(?:photo(?:graph)?|foto|bild|image|picture)s?\s+(?:by|von|de|par|di)\s|(?:photos?|fotos?|bild(?:er)?|images?|credits?|crédits?(?: photos?)?|fuente|quelle|source|copyright|©)\s*(?:[:：]|\/|©))/iu;


/** "You must be logged in to post a comment", "Sie müssen sich anmelden um Kommentare zu schreiben". */
const COMMENT_WORD = /comment|kommentar|commentaire|comentar|comment[oi]|komentarz|коммент|reac(?:tie|ción)/iu;
const LOGIN_WORD = /log(?:ged)?[ -]?in|sign[ -]?in|anmelden|angemeldet|eingeloggt|einloggen|registr|connecté|connectez|iniciar sesión|accedi|zaloguj|войдите/iu;

export function lineCategory(text: string, words: number, heading: boolean): Category | null {
  if (words > 25) return null;
  if (COMMENT_WORD.test(text) && LOGIN_WORD.test(text)) return 'comments';
  if (READ_ALSO.test(text)) return 'related';
  // A section title, in a heading or in a short line that is no sentence ("Meistgelesene Artikel" in a <div>).
  if ((heading ? words <= 6 : words <= 4 && !/[.!?]$/.test(text)) && MORE_HEADING.test(text)) return 'related';
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


