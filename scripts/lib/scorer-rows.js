// Labels of the scorer's training rows, from the gold of a dev page.

const SHINGLE = 4;

/**
 * Rows `{ decision, x, y, w }` for the blocks the structure rules decided.
 * `gold` is `{ tokens }` (a full gold text: content when most of the block's
 * 4-gram shingles are in it; the page's weights sum to 5, as the benchmark
 * averages pages) or `{ with, without }` (normalised snippets: the block
 * holds one, or is a part of one of 20+ characters; weight 1).
 */
export function labelRows(blocks, gold) {
  const decided = blocks.filter((b) => b.decision !== 'other');
  const out = [];
  if (gold.tokens) {
    const shingles = new Set();
    for (let i = 0; i + SHINGLE <= gold.tokens.length; i++) shingles.add(gold.tokens.slice(i, i + SHINGLE).join(' '));
    const joined = ` ${gold.tokens.join(' ')} `;
    const labelled = [];
    for (const b of decided) {
      const t = b.text.match(/[\p{L}\p{N}_]+/gu) ?? [];
      if (!t.length) continue;
      if (t.length < SHINGLE) {
        labelled.push({ b, y: joined.includes(` ${t.join(' ')} `) ? 1 : 0, n: 1 });
        continue;
      }
      let hit = 0;
      const n = t.length - SHINGLE + 1;
      for (let i = 0; i < n; i++) if (shingles.has(t.slice(i, i + SHINGLE).join(' '))) hit++;
      labelled.push({ b, y: hit * 2 >= n ? 1 : 0, n });
    }
    const total = labelled.reduce((s, l) => s + l.n, 0) || 1;
    for (const { b, y, n } of labelled) out.push({ decision: b.decision, x: b.x, y, w: (5 * n) / total });
    return out;
  }
  for (const b of decided) {
    const text = b.text.replace(/\s+/g, ' ').trim();
    const hit = (s) => text.includes(s) || (text.length >= 20 && s.includes(text));
    const pos = gold.with.some(hit);
    const neg = gold.without.some(hit);
    if (pos !== neg) out.push({ decision: b.decision, x: b.x, y: pos ? 1 : 0, w: 1 });
  }
  return out;
}
