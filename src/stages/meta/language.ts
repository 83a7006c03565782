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

/**
 * Detects the document language from its longest blocks (where menus and
 * buttons do not dilute the signal); an HTML page's own `lang` wins. Sets
 * `meta.lang` (ISO 639-1 when it exists) and the ISO 639-3 code the
 * stop-word lists use.
 */
export const language: DocumentStage<z.infer<typeof options>> = {
  kind: 'document',
  name: 'language',
  description: 'Detects the document language (<html lang>, else franc on the longest blocks).',
  options,
  run({ data }, opts) {
    const declared = opts.trustHtmlLang ? data.htmlLang : undefined;
    let lang3 = declared ? to3.get(declared) : undefined;
    if (!lang3) {
      const longest = data.blocks
        .filter((b) => !b.removed)
        .map((b) => b.text)
        .sort((a, b) => b.length - a.length);
      let sample = '';
      for (const text of longest) {
        if (sample.length >= opts.sample) break;
        sample += `${text}\n`;
      }
      lang3 = detectLanguage(sample) ?? undefined;
    }
    if (!lang3) return;
    data.lang3 = lang3;
    data.meta.lang = to1.get(lang3) ?? lang3;
  },
};
