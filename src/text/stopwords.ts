import * as lists from 'stopword';

const cache = new Map<string, ReadonlySet<string>>();

/**
 * Stop words of a language (ISO 639-3 code, as franc returns it), from the
 * `stopword` package's lists. Unknown languages get English plus nothing,
 * which makes stop-word density a weak signal there, as it should be.
 */
export function stopwordsFor(lang3: string | undefined): ReadonlySet<string> {
  const key = lang3 && Array.isArray((lists as Record<string, unknown>)[lang3]) ? lang3 : 'eng';
  let set = cache.get(key);
  if (!set) {
    set = new Set(((lists as unknown as Record<string, string[]>)[key] ?? []).map((w) => w.toLowerCase()));
    cache.set(key, set);
  }
  return set;
}
