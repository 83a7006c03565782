import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/**
 * franc-min's `francAll`, computed faster with the same result. franc
 * compares a text's trigrams with each language's model in turn, one
 * property lookup per trigram and language (~1,000 × 44 for a Latin text,
 * ~7 % of a page's time). Here one lookup per trigram gives its rank in
 * every model of the script at once. The distances are integer sums, so the
 * order of the additions does not matter and the scores are franc's to the
 * last bit; tests/trigram-language.test.ts compares both on many texts.
 */

/** franc-min's constants (index.js): sample cut, the cost of a trigram a model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** The models of one script: ranks[row * languages.length + l] is the trigram's rank in language l, or -1. */
interface ScriptModels {
  languages: string[];
  rows: Map<string, number>;
  ranks: Int16Array;
}

/** Built once when the module loads, from franc's data, as franc builds its own dictionaries; never changed. */
const MODELS: ReadonlyMap<string, ScriptModels> = new Map(Object.entries(data).map(([script, models]) => [script, scriptModels(models)]));

function scriptModels(models: Record<string, string>): ScriptModels {
  const languages = Object.keys(models);
  const rows = new Map<string, number>();
  const lists = languages.map((name) => models[name]!.split('|'));
  for (const list of lists) for (const trigram of list) if (!rows.has(trigram)) rows.set(trigram, rows.size);
  const ranks = new Int16Array(rows.size * languages.length).fill(-1);
  lists.forEach((list, l) => {
    // franc keeps a trigram's first rank when a model lists it twice (it assigns from the end).
    for (let rank = list.length - 1; rank >= 0; rank--) ranks[rows.get(list[rank]!)! * languages.length + l] = rank;
  });
  return { languages, rows, ranks };
}

/** How often each padded trigram occurs in the text, cleaned as trigram-utils cleans it. */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let k = 0; k + 3 <= cleaned.length; k++) {
    const trigram = cleaned.slice(k, k + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** The script whose characters occur most in the text, and their share (franc's getTopScript). */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) [top, topShare] = [script, share];
  }
  return [top, topShare];
}

/** Languages by how well the text fits them, best first, with franc's scores (1 for the best); `[['und', 1]]` when unknown. */
export function rankLanguages(text: string, minLength: number): Array<[string, number]> {
  if (!text || text.length < minLength) return [['und', 1]];
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const models = script === undefined ? undefined : MODELS.get(script);
  if (!models) return !script || share === 0 ? [['und', 1]] : [[script, 1]];
  const { languages, rows, ranks } = models;
  const n = languages.length;
  const distances = new Array<number>(n).fill(0);
  let missing = 0;
  for (const [trigram, count] of trigramCounts(value)) {
    const row = rows.get(trigram);
    if (row === undefined) {
      missing += MAX_DIFFERENCE;
      continue;
    }
    for (let l = 0, at = row * n; l < n; l++, at++) {
      const rank = ranks[at]!;
      distances[l]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  // Stable sort by distance, ties in franc's model order, then franc's normalisation.
  const sorted = languages.map((language, l): [string, number] => [language, distances[l]! + missing]).sort((a, b) => a[1] - b[1]);
  const min = sorted[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const pair of sorted) pair[1] = 1 - (pair[1] - min) / max || 0;
  return sorted;
}
