import { createHash } from 'node:crypto';

/** File names longer than this (in UTF-8 bytes) are shortened: most file systems stop at 255, and `.json` must still fit. */
const MAX_NAME_BYTES = 200;

/** A path segment cut to MAX_NAME_BYTES at a character boundary, with a hash of the whole so that different long names stay different. */
function shortenSegment(segment: string): string {
  if (Buffer.byteLength(segment) <= MAX_NAME_BYTES) return segment;
  const hash = createHash('sha256').update(segment).digest('hex').slice(0, 10);
  let cut = '';
  for (const ch of segment) {
    if (Buffer.byteLength(cut + ch) > MAX_NAME_BYTES - hash.length - 1) break;
    cut += ch;
  }
  return `${cut}~${hash}`;
}

const shorten = (stem: string) => stem.split('/').map(shortenSegment).join('/');

/**
 * Output names for a set of inputs: `<rel>/<name>.<ext>[.gz]` becomes
 * `<rel>/<name>` (the writer adds .txt and .json). When two inputs would
 * share a name (a.txt and a.html, or the same file name under two input
 * folders), each of them keeps its extension, and a number is added if that
 * is not enough; so is a name whose `.txt` or `.json` would be a folder of
 * another output (`x.html` beside a folder `x.txt/`). Names too long for
 * the file system are shortened with a hash. `_run` is reserved for the run
 * summary. Deterministic: depends only on the sorted list of inputs.
 */
export function outputStems(rels: string[]): string[] {
  const stem = (rel: string) => shorten(rel.replace(/\.gz$/i, '').replace(/\.[^./]+$/, ''));
  const first = rels.map(stem);
  const count = new Map<string, number>();
  for (const s of first) count.set(s.toLowerCase(), (count.get(s.toLowerCase()) ?? 0) + 1);
  const folders = new Set<string>();
  for (const s of first) {
    const parts = s.toLowerCase().split('/');
    for (let n = 1; n < parts.length; n++) folders.add(parts.slice(0, n).join('/'));
  }
  const clashes = (s: string) => folders.has(`${s}.txt`) || folders.has(`${s}.json`);
  const taken = new Set<string>(['_run']);
  return rels.map((rel, k) => {
    let candidate = count.get(first[k]!.toLowerCase())! > 1 || first[k]!.toLowerCase() === '_run' ? shorten(rel.replace(/\.gz$/i, '')) : first[k]!;
    const base = candidate;
    for (let n = 2; taken.has(candidate.toLowerCase()) || clashes(candidate.toLowerCase()); n++) candidate = `${base}~${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
