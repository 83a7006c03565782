import { RULES } from '../../../../rules/registry.js';
import type { Item, RuleContext } from '../context.js';

const { glossary } = RULES;

/**
 * Glossary and sidebar boxes: a run of entries, each a short term line
 * repeated right below itself (a link and its heading), followed by a
 * one-block definition. Two or more entries in a row make a box; a single
 * repeated line is left to the dedupe stage (it is usually a repeated title).
 */
export function glossaryBoxes(ctx: RuleContext): void {
  const items = ctx.kept();
  const { termMaxWords, minEntries, definitionMaxWords } = glossary.gates.text;
  const isTerm = (it: Item | undefined) => !!it && it.f.words <= termMaxWords && !it.f.endsSentence && !it.prose;
  const same = (a: Item | undefined, b: Item | undefined) => !!a && !!b && a.key === b.key;

  /** Entry at k: [term, term, definition?]; returns its length or 0. */
  const entryAt = (k: number): number => {
    if (!isTerm(items[k]) || !same(items[k], items[k + 1])) return 0;
    const def = items[k + 2];
    return def && !same(def, items[k + 3]) && def.f.words <= definitionMaxWords ? 3 : 2;
  };

  for (let k = 0; k < items.length; ) {
    const entries: Array<[number, number]> = [];
    let j = k;
    for (let len = entryAt(j); len > 0; len = entryAt(j)) {
      entries.push([j, len]);
      j += len;
    }
    if (entries.length >= minEntries) {
      for (const [start, len] of entries) {
        const term = items[start]!.block.text;
        for (let m = start; m < start + len; m++) {
          ctx.remove(items[m]!, glossary, `glossary or sidebar box entry "${term}" (${entries.length} entries)`);
        }
      }
      k = j;
    } else k++;
  }
}
