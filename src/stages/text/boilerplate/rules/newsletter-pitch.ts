import { RULES } from '../../../../rules/registry.js';
import type { RuleContext } from '../context.js';

const { newsletter } = RULES;

/**
 * The pitch under a newsletter prompt ("Sign up for our newsletter" then
 * "The latest news and analysis, every morning in your inbox."): a short
 * block right below a block the newsletter rules removed, in the same
 * section of the dump. The pitch reads like a sentence, so the line rules
 * miss it; the section tells that it belongs to the sign-up box. Dumps
 * without sections are left alone (nothing says where the box ends).
 */
export function newsletterPitches(ctx: RuleContext): void {
  const items = ctx.items;
  for (let k = 1; k < items.length; k++) {
    const prompt = items[k - 1]!;
    const it = items[k]!;
    if (prompt.block.removed?.rule !== newsletter.id || it.block.removed) continue;
    if (it.block.i !== prompt.block.i + 1 || it.section === null || it.section !== prompt.section || it.f.words > newsletter.gates.text.pitchMaxWords) continue;
    ctx.remove(it, newsletter, `pitch under the newsletter prompt "${prompt.block.text}"`);
  }
}
