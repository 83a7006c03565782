// Folders of many distinct documents made from the HTML evaluation corpus,
// for the benchmarks that need more documents than the corpus has
// (bench:scale, bench:distributed): copy c of a page has a word of its own
// substituted, so that copies are different documents, not duplicates the
// corpus stages would drop. Gzipped to spare the disk.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const DEFAULT_CORPUS = join(import.meta.dirname, '../../../shared/corpus/trafilatura-eval/html');

/** The corpus pages as strings, in name order; exits with a message when the corpus is absent. */
export function loadPages(corpus, bench) {
  if (!existsSync(corpus)) {
    console.error(`${bench}: corpus not found: ${corpus}`);
    process.exit(2);
  }
  const names = readdirSync(corpus).filter((f) => /\.html?(?:\.gz)?$/.test(f)).sort();
  return names.map((name) => {
    const raw = readFileSync(join(corpus, name));
    return (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  });
}

/** A pronounceable word for a copy number, so that every copy has its own vocabulary. */
const wordFor = (c) => {
  const syllables = ['ka', 'lo', 'mi', 'ru', 'se', 'ta', 'vo', 'ne', 'di', 'pa'];
  return String(c).split('').map((d) => syllables[Number(d)]).join('') + 'n';
};

/** Writes N pages, 1000 per subfolder: copy c of page p has " the " followed by its own word. */
export function makeFolder(dir, n, pages) {
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) {
    const page = pages[k % pages.length];
    const copy = Math.floor(k / pages.length);
    const text = copy ? page.replaceAll(' the ', ` the ${wordFor(copy)} `) : page;
    const folder = join(dir, String(Math.floor(k / 1000)).padStart(3, '0'));
    if (k % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `p${String(k).padStart(6, '0')}.html.gz`), gzipSync(text, { level: 1 }));
  }
}
