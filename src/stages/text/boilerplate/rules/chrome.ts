import { parseByline } from '../../../meta/byline.js';
import type { Item, RuleContext } from '../context.js';
import { CHROME_MENU_RUN, CHROME_MENU_WORDS } from '../../../specs/main-text.js';

/** A bare domain name on a line of its own (a site's name in its header or footer). */
export const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,12}\/?$/iu;

/**
 * A menu item by its shape: a few words, no sentence end, no number (dates,
 * counts and reading times sit around titles too) and no byline.
 */
function menuItem(it: Item, lang: string | null): boolean {
  return !it.prose && it.f.words >= 1 && it.f.words <= CHROME_MENU_WORDS && !it.f.endsSentence && it.f.digits === 0 && !parseByline(it.block.text, lang);
}

/**
 * Whether the blocks `items[from..to)` hold page chrome: a line of items
 * between separators ("Home | News | Sport"), a bare domain name, or a run
 * of `CHROME_MENU_RUN` menu items. A title, a byline, a date and a
 * standfirst are not chrome: a dump that has nothing else around its prose
 * is an article saved without its page.
 */
export function hasChrome(items: readonly Item[], from: number, to: number, lang: string | null): boolean {
  let run = 0;
  for (let k = from; k < to; k++) {
    const it = items[k]!;
    if (it.prose) {
      run = 0;
      continue;
    }
    if (it.f.separators >= 2 || DOMAIN.test(it.block.text)) return true;
    run = menuItem(it, lang) ? run + 1 : 0;
    if (run >= CHROME_MENU_RUN) return true;
  }
  return false;
}

/** Whether a rule before this one removed a block that precedes block index `i` (a widget found is chrome too). */
export function removedBefore(ctx: RuleContext, i: number): boolean {
  return ctx.items.some((it) => it.block.i < i && it.block.removed?.stage === 'boilerplate');
}

/** Whether a rule before this one removed a block that follows block index `i`. */
export function removedAfter(ctx: RuleContext, i: number): boolean {
  return ctx.items.some((it) => it.block.i > i && it.block.removed?.stage === 'boilerplate');
}
