// The two development corpora as lists of pages: id (the output stem of the
// CLI), site, fold, page type, the input files of both modes and how to
// score an output text. Everything a table needs, read once.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldOf, hostOfEvalKey, siteOfHost } from './folds.js';
import { scoreDocument, shingleScore, shingleTotals, totals } from './score.js';
import { sharedDir } from './shared-path.js';

// Next to the project or, from a git worktree, two levels up (shared-path.js).
export const SHARED = join(sharedDir() ?? resolve(import.meta.dirname, '../../shared'), 'corpus');
export const PAGE_TYPES = ['article', 'forum', 'product', 'listing', 'collection', 'documentation', 'service'];
const EXT = { html: '.html.gz', text: '.txt.gz' };

/** trafilatura-eval: snippet scoring, no page types. */
function trafilatura(root) {
  const entries = JSON.parse(readFileSync(join(root, 'evaldata.json'), 'utf8'));
  const pages = Object.entries(entries).map(([key, entry]) => {
    const site = siteOfHost(hostOfEvalKey(key));
    return { id: entry.file, url: key, site, fold: foldOf(site), type: undefined, entry };
  });
  return {
    name: 'trafilatura',
    title: 'trafilatura-eval',
    root,
    scoring: 'snippets',
    pages,
    score: (page, text) => scoreDocument(text, page.entry),
    aggregate: totals,
  };
}

/** wcxb-dev: 4-gram shingle scoring against the full gold text, seven page types. */
function wcxb(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const pages = Object.entries(manifest).map(([id, m]) => {
    const site = siteOfHost(m.site);
    return { id, url: m.url, site, fold: foldOf(site), type: m.page_type, gold: readFileSync(join(root, 'gold', `${id}.txt`), 'utf8') };
  });
  return {
    name: 'wcxb',
    title: 'wcxb-dev',
    root,
    scoring: 'shingles',
    pages,
    score: (page, text) => shingleScore(page.gold, text),
    aggregate: shingleTotals,
  };
}

const LOADERS = { trafilatura: [trafilatura, 'trafilatura-eval'], wcxb: [wcxb, 'wcxb-dev'] };
export const CORPUS_NAMES = Object.keys(LOADERS);

/** Loads a corpus by name from `../shared/corpus` (or `root`), its pages sorted by id, the first `max` kept. */
export function loadCorpus(name, { root, max } = {}) {
  const [load, folder] = LOADERS[name];
  const dir = root ?? join(SHARED, folder);
  if (!existsSync(dir)) throw new Error(`corpus not found: ${dir}`);
  const corpus = load(dir);
  corpus.pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (max !== undefined) corpus.pages = corpus.pages.slice(0, max);
  return corpus;
}

/** The input file of a page in a mode (`html` or `text`). */
export const inputOf = (corpus, page, mode) => join(corpus.root, mode, `${page.id}${EXT[mode]}`);
