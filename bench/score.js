// The two scorings of the benchmark. Plain functions over strings and counts,
// shared by quality.js, explain.js and tests/bench-score.test.ts.

// --- trafilatura-eval: snippets (DESIGN.md §6, trafilatura's tests/eval_common.py) ---
// A snippet counts when its whitespace-normalised text is a substring of the
// whitespace-normalised output.
export const norm = (text) => text.replace(/\s+/g, ' ').trim();

/** Scores one output against its `with` / `without` snippets. */
export function scoreDocument(text, entry) {
  const out = norm(text ?? '');
  const has = (snippet) => out.includes(norm(snippet));
  const missed = entry.with.filter((s) => !has(s));
  const leaked = entry.without.filter((s) => has(s));
  return {
    tp: entry.with.length - missed.length,
    fn: missed.length,
    fp: leaked.length,
    tn: entry.without.length - leaked.length,
    missed,
    leaked,
  };
}

/** Precision, recall, F1 and accuracy over summed snippet counts. */
export function totals(scores) {
  const sum = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of scores) for (const k of Object.keys(sum)) sum[k] += s[k];
  const { tp, fn, fp, tn } = sum;
  return {
    ...sum,
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
    f1: (2 * tp) / (2 * tp + fp + fn || 1),
    accuracy: (tp + tn) / (tp + tn + fp + fn || 1),
  };
}

// --- wcxb-dev: 4-gram shingles, as the ScrapingHub article-extraction benchmark's evaluate.py ---
// Tokens are Python's `\w+` runs (re.UNICODE): letters, numbers and `_`,
// case kept. Combining marks are not word characters there either, so they
// split tokens in both implementations.
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** The `\w+` tokens of a text. */
export const tokens = (text) => text.match(TOKEN) ?? [];

/**
 * Shingle counts (a multiset) of a text: every run of `n` consecutive tokens.
 * As in evaluate.py's `_ngrams`, a text of 1 to n-1 tokens has one shingle
 * (all its tokens) and an empty text has none.
 */
export function shingles(text, n = 4) {
  const t = tokens(text);
  const counts = new Map();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const shingle = t.slice(i, i + n);
    if (!shingle.length) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Raw tp/fp/fn of two shingle multisets: the smaller of the two counts of a
 * shingle is a true positive, the excess of the output a false positive, the
 * excess of the gold a false negative.
 */
export function matchCounts(gold, output) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of output) {
    const inGold = gold.get(key) ?? 0;
    tp += Math.min(count, inGold);
    fp += Math.max(0, count - inGold);
  }
  for (const [key, count] of gold) fn += Math.max(0, count - (output.get(key) ?? 0));
  return { tp, fp, fn };
}

/** Counts scaled to sum 1 so that every page weighs the same; 0/0/0 stays 0/0/0. */
export function normalise({ tp, fp, fn }) {
  const sum = tp + fp + fn;
  return sum ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/**
 * One page's normalised tp/fp/fn. Empty gold and empty output give 0/0/0 (a
 * page that adds nothing); empty gold with output gives fp 1; an empty
 * output with a gold gives fn 1.
 */
export const shingleScore = (gold, output, n = 4) => normalise(matchCounts(shingles(gold, n), shingles(output ?? '', n)));

/** Precision and recall of one page or of summed normalised counts, with evaluate.py's edge cases. */
export function precisionRecall({ tp, fp, fn }) {
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Corpus figures: the normalised tp/fp/fn averaged over pages, precision and
 * recall from these averages, F1 from precision and recall.
 */
export function shingleTotals(scores) {
  const pages = scores.length || 1;
  const mean = { tp: 0, fp: 0, fn: 0 };
  for (const s of scores) for (const k of Object.keys(mean)) mean[k] += s[k] / pages;
  return { ...mean, ...precisionRecall(mean) };
}
