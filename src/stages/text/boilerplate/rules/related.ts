import type { RuleContext } from '../context.js';
import { RULES } from '../../../../rules/registry.js';

const { related } = RULES;

/**
 * "Related Posts", "More on this topic", "Lesen Sie auch"… and the list of
 * headlines under it: every following block up to the next prose paragraph
 * goes with the header, because those are links to other articles.
 */
export function relatedLists(ctx: RuleContext): void {
  const items = ctx.kept();
  const { RELATED_HEADER, relatedLeadIn } = related.patterns;
  const { headerMaxWords, headlineMaxWords } = related.gates.text;
  for (let k = 0; k < items.length; k++) {
    const header = items[k]!;
    const leadIn = relatedLeadIn(header.block.text);
    if (leadIn) {
      ctx.remove(header, related, `related-content link: "${leadIn}" and a headline on one line`);
      continue;
    }
    if (header.f.words > headerMaxWords || header.prose || !RELATED_HEADER.test(header.block.text)) continue;
    if (!ctx.remove(header, related, 'related-content header')) continue;
    // The list is the run of non-prose blocks right under the header; a block
    // another rule already removed ends it (what follows is something else).
    let j = k + 1;
    for (; j < items.length && !items[j]!.prose && items[j]!.f.words <= headlineMaxWords && items[j]!.block.i === items[j - 1]!.block.i + 1; j++) {
      ctx.remove(items[j]!, related, `headline in the related-content list under "${header.block.text}"`);
    }
    k = j - 1;
  }
}
