// Scoring of DESIGN.md §6 (trafilatura's tests/eval_common.py): a snippet
// counts when its whitespace-normalised text is a substring of the
// whitespace-normalised output.
const norm = (text) => text.replace(/\s+/g, ' ').trim();

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

/** Precision, recall, F1 and accuracy over summed counts. */
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
