import type { RuleContext } from '../context.js';
import { INLINE_RELATED, RELATED_HEADER } from '../lexicon.js';

/** "Read also: <headline>", "À lire aussi » <headline>": header and link on one line. */
const INLINE = /^(.{3,40}?)\s*[:»›]\s*(\S.*)$/u;

/**
 * "Related Posts", "More on this topic", "Lesen Sie auch"… and the list of
 * headlines under it: every following block up to the next prose paragraph
 * goes with the header, because those are links to other articles.
 */
export function relatedLists(ctx: RuleContext): void {
  const items = ctx.kept();
  for (let k = 0; k < items.length; k++) {
    const header = items[k]!;
    const inline = INLINE.exec(header.block.text);
    if (inline && (RELATED_HEADER.test(inline[1]!) || INLINE_RELATED.test(inline[1]!)) && inline[2]!.split(/\s+/).length <= 25) {
      ctx.remove(header, 'related', `related-content link: "${inline[1]}" and a headline on one line`);
      continue;
    }
    if (header.f.words > 8 || header.prose || !RELATED_HEADER.test(header.block.text)) continue;
    ctx.remove(header, 'related', 'related-content header');
    // The list is the run of non-prose blocks right under the header; a block
    // another rule already removed ends it (what follows is something else).
    let j = k + 1;
    for (; j < items.length && !items[j]!.prose && items[j]!.f.words <= 30 && items[j]!.block.i === items[j - 1]!.block.i + 1; j++) {
      ctx.remove(items[j]!, 'related', `headline in the related-content list under "${header.block.text}"`);
    }
    k = j - 1;
  }
}
