import type { Sidecar } from '../model/sidecar.js';

/**
 * A document is suspicious when its cleaning more likely went wrong than
 * not, by two signals `unboil report` shows first:
 *
 * - it lost more than LOST_SHARE of its text (the characters of all its
 *   blocks, not of the source, which counts markup): on the 990
 *   trafilatura-eval pages, the 19 such documents kept 0.72 of the text
 *   that must appear, the others 0.96;
 * - its kept text is link-heavy: more than LINK_SHARE of its characters
 *   sit inside links (kept HTML blocks record their share, `links`). On
 *   the same pages the median document has 1 % and the 99th percentile
 *   22 %; the 7 over 25 % leaked 0.19 of the text that must not appear,
 *   the others 0.07.
 */
export const LOST_SHARE = 0.9;
export const LINK_SHARE = 0.25;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Why a document is suspicious, one phrase per signal (none: it is not). A skipped document (--lang) was meant to lose its text. */
export function suspicionsOf(sidecar: Pick<Sidecar, 'blocks' | 'skipped'>): string[] {
  if (sidecar.skipped) return [];
  let textIn = 0;
  let textOut = 0;
  let linkChars = 0;
  for (const block of sidecar.blocks) {
    textIn += block.text.length;
    if (!block.kept) continue;
    textOut += block.text.length;
    linkChars += (block.links ?? 0) * block.text.length;
  }
  const out: string[] = [];
  const lost = textIn ? 1 - textOut / textIn : 0;
  if (lost > LOST_SHARE) out.push(`lost ${percent(lost)} of its text`);
  const links = textOut ? linkChars / textOut : 0;
  if (links > LINK_SHARE) out.push(`${percent(links)} of the kept text in links`);
  return out;
}
