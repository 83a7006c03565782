import { removeBlock, type DocumentData } from '../../model/document.js';
import { iso6393Of, isLanguage, shownCode } from '../../text/language-codes.js';
import { rankLanguages } from '../../text/trigram-language.js';
import type { DocumentStage } from '../types.js';
import { languageSpec, type LanguageOptions } from '../specs/language.js';

/** The language of a text by franc's trigram models (ISO 639-3), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const [best] = rankLanguages(text, 20);
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
  const scores = rankLanguages(sample, 20);
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
export const language: DocumentStage<LanguageOptions> = {
  ...languageSpec,
  run({ data }, opts, ctx) {
    const declared = opts.trustHtmlLang ? data.htmlLang : undefined;
    // A BCP 47 primary subtag is the ISO 639-1 code when there is one, else the 639-3 code (`haw`, `fil`).
    let lang3 = declared ? (iso6393Of(declared) ?? undefined) : undefined;
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
    data.meta.lang = shownCode(lang3);
    if (opts.only) skipOtherLanguage(data, lang3, opts.only, ctx.stats);
  },
};

/** The rule that removes every block of a document in a language the run does not keep. */
export const OTHER_LANGUAGE = 'other-language';

/**
 * Skips a document whose language is not one of `only`: every block is
 * removed with the reason (so the sidecar still accounts for all of them)
 * and the document is marked skipped, which the engine reads to write no
 * clean text for it.
 */
function skipOtherLanguage(data: DocumentData, lang3: string, only: readonly string[], stats: { update(label: string): void }): void {
  if (only.some((code) => isLanguage(lang3, code))) return;
  const reason = `language "${shownCode(lang3)}" not in --lang ${only.join(',')}`;
  for (const block of data.blocks) removeBlock(block, { stage: 'language', rule: OTHER_LANGUAGE, reason });
  data.skipped = { stage: 'language', rule: OTHER_LANGUAGE, reason };
  stats.update(`language.${OTHER_LANGUAGE}`);
}
