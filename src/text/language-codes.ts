import { iso6393 } from 'iso-639-3';

/** ISO 639-3 → ISO 639-1, for the languages that have a two-letter code. */
const to1 = new Map(iso6393.flatMap((l) => (l.iso6391 ? [[l.iso6393, l.iso6391] as const] : [])));
/** ISO 639-1 → ISO 639-3. */
const to3 = new Map(iso6393.flatMap((l) => (l.iso6391 ? [[l.iso6391, l.iso6393] as const] : [])));
const known3 = new Set(iso6393.map((l) => l.iso6393));

/** The ISO 639-3 code of an ISO 639-1 or 639-3 code (any case), or null when it names no language. */
export function iso6393Of(code: string): string | null {
  const lower = code.toLowerCase();
  return to3.get(lower) ?? (known3.has(lower) ? lower : null);
}

/**
 * The macrolanguage of the individual languages the detector (franc-min)
 * returns, ISO 639-3: franc says `cmn` (Mandarin) or `arb` (Standard
 * Arabic) where a user says `zh` or `ar`. From the ISO 639-3 macrolanguage
 * mappings, for franc-min's languages only.
 */
const MACROLANGUAGE: Readonly<Record<string, string>> = {
  arb: 'ara', azj: 'aze', ckb: 'kur', cmn: 'zho', fuv: 'ful', hms: 'hmn', hnj: 'hmn', koi: 'kom', npi: 'nep',
  pbu: 'pus', pes: 'fas', plt: 'mlg', qug: 'que', skr: 'lah', swh: 'swa', uzn: 'uzb', zlm: 'msa', zyb: 'zha',
};

/** Whether a detected language (ISO 639-3) is the one a code names: itself, or its macrolanguage (`zh` for `cmn`). */
export function isLanguage(lang3: string, code: string): boolean {
  const wanted = iso6393Of(code);
  return wanted !== null && (wanted === lang3 || wanted === MACROLANGUAGE[lang3]);
}

/** How a language is shown in metadata: its ISO 639-1 code when one exists, else its ISO 639-3 code. */
export const shownCode = (lang3: string): string => to1.get(lang3) ?? lang3;
