import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to a misspelt one, when it is close enough to be
 * the likely intent. Same bounds as commander's suggestions for command
 * names, so that every "did you mean" of the CLI behaves alike: at most two
 * edits, and more than 40 % of the longer name left unchanged. A case
 * difference alone always matches. Ties go to the first candidate.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate.length <= 1) continue;
    const d = candidate.toLowerCase() === word.toLowerCase() ? 0 : distance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    if (d < bestDistance && (length - d) / length > 0.4) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "dedupe"?` for a name with a close known one, '' otherwise. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closestName(word, candidates);
  return best === undefined || best === word ? '' : `; did you mean "${best}"?`;
}
