import * as chrono from 'chrono-node';

type Parser = { parse: typeof chrono.parse };

/** chrono-node's parsers by ISO 639-1 code; English is also the fallback. */
const PARSERS: Record<string, Parser> = {
  en: chrono, de: chrono.de, fr: chrono.fr, es: chrono.es, it: chrono.it, pt: chrono.pt, nl: chrono.nl, ja: chrono.ja,
  zh: chrono.zh, ru: chrono.ru, uk: chrono.uk, sv: chrono.sv, fi: chrono.fi,
} as Record<string, Parser>;

export interface FoundDate {
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  iso: string;
  index: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates with a day, month and explicit year in `text`, by chrono-node in the
 * document's language (then English). Relative dates ("yesterday") and dates
 * without a year are ignored: a publication date must be absolute.
 */
export function findDates(text: string, lang: string | null): FoundDate[] {
  const parsers = [lang ? PARSERS[lang] : undefined, PARSERS.en].filter((p, k, all): p is Parser => !!p && all.indexOf(p) === k);
  for (const parser of parsers) {
    const found = parser
      .parse(text, new Date(Date.UTC(2000, 0, 1)))
      .filter((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))
      .map((r) => ({
        iso: `${r.start.get('year')}-${pad(r.start.get('month')!)}-${pad(r.start.get('day')!)}`,
        index: r.index,
        text: r.text,
      }));
    if (found.length) return found;
  }
  return [];
}

/** ISO date at the start of a date-time string (JSON-LD, meta tags), or null. */
export function isoDateOf(value: string | undefined | null): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
