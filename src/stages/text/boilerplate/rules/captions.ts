import type { RuleContext } from '../context.js';
import { RULES } from '../../../../rules/registry.js';

const { caption } = RULES;

/**
 * Image captions: a short block that ends with the photo credit ("… Foto:
 * dpa", "… Photograph: Getty Images", "(Image credit: …)", "/ (C) Name").
 * The credit at the end is what sets a caption apart from a sentence of the
 * article, which does not end by naming a photographer; lines that start
 * with the credit are the `credit` notice's.
 */
export function imageCaptions(ctx: RuleContext): void {
  for (const item of ctx.kept()) {
    if (item.f.words > caption.gates.text.maxWords) continue;
    if (caption.patterns.endsWithCredit(item.block.text)) ctx.remove(item, caption, 'image caption ending with a photo credit');
  }
}
