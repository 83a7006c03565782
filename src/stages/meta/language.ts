import { francAll } from 'franc-min';
import { iso6393 } from 'iso-639-3';
import { z } from 'zod';
import type { DocumentStage } from '../types.js';

const to1 = new Map(iso6393.flatMap((l) => (l.iso6391 ? [[l.iso6393, l.iso6391] as const] : [])));
const to3 = new Map(iso6393.flatMap((l) => (l.iso6391 ? [[l.iso6391, l.iso6393] as const] : [])));

const options = z
  .object({
    sample: z.number().int().positive().default(4000).describe('Characters of the longest blocks given to the detector.'),
    trustHtmlLang: z.boolean().default(true).describe('Use <html lang> when the page declares it.'),
  })
  .strict();

/** The language of a text by franc (trigram model, ISO 639-3), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const [best] = francAll(text, { minLength: 20 });
  return best && best[0] !== 'und' ? best[0] : null;
}

/** Characters of text below which a detection does not overrule what the page declares. */
const OVERRULE_SAMPLE = 300;
/**
 * How many languages must fit the text better than the declared one. franc's
 * scores are relative and bunch up on long samples (English scores 0.96 on a
 * German page), so the declared language's rank is the signal: on pages of the
 * dev corpora a declared language ranked second was a mixed page (an English
 * quote, a French blog's English post) and ranked third or lower a template's
 * `lang` on a page written in another language.
 */
const OVERRULE_RANK = 2;

/**
 * The language of the text when it clearly is not the one the page declares
 * (a template's `<html lang="en">` on a German article), else null. Only
 * languages franc knows are overruled, and only by enough text; a close
 * language (Danish for Norwegian) ranks near the declared one and does not.
 */
export function overruledLanguage(declared: string, sample: string): string | null {
  if (sample.length < OVERRULE_SAMPLE) return null;
  const scores = francAll(sample, { minLength: 20 });
  const best = scores[0];
  if (!best || best[0] === 'und' || best[0] === declared) return null;
  const rank = scores.findIndex(([lang]) => lang === declared);
  return rank >= OVERRULE_RANK ? best[0] : null;
}

/**
 * Detects the document language from its longest blocks (where menus and
 * buttons do not dilute the signal); an HTML page's own `lang` wins. Sets
 * `meta.lang` (ISO 639-1 when it exists) and the ISO 639-3 code the
 * stop-word lists use.
 */
export const language: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'language',
  description: 'Detects the document language (<html lang> unless the text is clearly in another language, else franc on the longest blocks).',
  options,
  run({ data }, opts) {
    const declared = opts.trustHtmlLang ? data.htmlLang : undefined;
    let lang3 = declared ? to3.get(declared) : undefined;
    const longest = data.blocks
      .filter((b) => !b.removed)
      .map((b) => b.text)
      .sort((a, b) => b.length - a.length);
    let sample = '';
    for (const text of longest) {
      if (sample.length >= opts.sample) break;
      sample += `${text}\n`;
    }
    // At most `sample` characters: franc's time grows with its input, and one long block would otherwise be read whole.
    sample = sample.slice(0, opts.sample);
    if (!lang3) lang3 = detectLanguage(sample) ?? undefined;
    else lang3 = overruledLanguage(lang3, sample) ?? lang3;
    if (!lang3) return;
    data.lang3 = lang3;
    data.meta.lang = to1.get(lang3) ?? lang3;
  },
};
