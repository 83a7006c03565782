/**
 * Output names for a set of inputs: `<rel>/<name>.<ext>[.gz]` becomes
 * `<rel>/<name>` (the writer adds .txt and .json). When two inputs would
 * share a name (a.txt and a.html, or the same file name under two input
 * folders), each of them keeps its extension, and a number is added if that
 * is not enough. `_run` is reserved for the run summary. Deterministic:
 * depends only on the sorted list of inputs.
 */
export function outputStems(rels: string[]): string[] {
  const stem = (rel: string) => rel.replace(/\.gz$/i, '').replace(/\.[^./]+$/, '');
  const first = rels.map(stem);
  const count = new Map<string, number>();
  for (const s of first) count.set(s.toLowerCase(), (count.get(s.toLowerCase()) ?? 0) + 1);
  const taken = new Set<string>(['_run']);
  return rels.map((rel, k) => {
    let candidate = count.get(first[k]!.toLowerCase())! > 1 || first[k]!.toLowerCase() === '_run' ? rel.replace(/\.gz$/i, '') : first[k]!;
    const base = candidate;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}~${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
