import { z } from 'zod';
import { iso6393Of } from '../../text/language-codes.js';
import type { DocumentStageSpec } from '../types.js';

const options = z
  .object({
    sample: z.number().int().positive().default(4000).describe('Characters of the longest blocks given to the detector.'),
    trustHtmlLang: z.boolean().default(true).describe('Use <html lang> when the page declares it.'),
    // Optional, without a default, so that pipelines that do not filter keep their hash.
    only: z
      .array(z.string().refine((code) => iso6393Of(code) !== null, { message: 'not an ISO 639-1 or 639-3 language code' }))
      .min(1)
      .optional()
      .describe('Keep only documents in these languages (ISO 639-1 or 639-3 codes; `--lang de,en`): a document detected in another language is skipped (every block removed as language/other-language, no clean text written); an undetermined language is kept.'),
  })
  .strict();

export type LanguageOptions = z.infer<typeof options>;

export const languageSpec: DocumentStageSpec<LanguageOptions> = {
  kind: 'document',
  name: 'language',
  description: 'Detects the document language (<html lang> unless the text is clearly in another language, else franc on the longest blocks).',
  options,
};
