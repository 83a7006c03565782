// What the benchmark scores: unboil driven through its command line (the
// contract users get, not the library internals), and two baselines: the raw
// text dump as it is, and @mozilla/readability on linkedom for HTML.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { inputOf } from './corpora.js';

const ROOT = resolve(import.meta.dirname, '..');
const readGz = (path) => {
  const raw = readFileSync(path);
  return raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
};

/**
 * Cleans the pages of one corpus in one mode with `unboil run … --out dir`
 * (the whole mode folder when every page is asked for, so corpus stages see
 * the corpus as users would give it; the files one by one for --max) and
 * reads `<dir>/<id>.txt` back. A page that failed or wrote nothing is ''.
 */
export async function runUnboil({ corpus, mode, pages, out, pipeline = 'default', favor, whole }) {
  mkdirSync(out, { recursive: true });
  const inputs = whole ? [join(corpus.root, mode)] : pages.map((p) => inputOf(corpus, p, mode));
  const args = [join(ROOT, 'bin/unboil.js'), 'run', ...inputs, '--out', out, '--quiet', '--format', mode, '--pipeline', pipeline, ...(favor ? ['--favor', favor] : [])];
  const started = performance.now();
  const { code, stderr } = await new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ code: status, stderr: err }));
  });
  if (code !== 0 && code !== 1) throw new Error(`unboil run exited with ${code}:\n${stderr.slice(0, 2000)}`);
  const summary = JSON.parse(readFileSync(join(out, '_run.json'), 'utf8'));
  const texts = new Map();
  for (const page of pages) {
    const file = join(out, `${page.id}.txt`);
    texts.set(page.id, existsSync(file) ? readFileSync(file, 'utf8') : '');
  }
  return { texts, failed: summary.failed ?? [], seconds: (performance.now() - started) / 1000, out };
}

/** The raw dump baseline: the text/ file of each page, as it is. */
export function rawDump(corpus, pages) {
  return new Map(pages.map((p) => [p.id, readGz(inputOf(corpus, p, 'text')).toString('utf8')]));
}

/**
 * HTML bytes as a browser would read them: UTF-8 when they are valid UTF-8,
 * else the charset the page declares (trafilatura-eval keeps pages in their
 * own charsets), else windows-1252.
 */
export function decodeHtml(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
    try {
      return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

/** Readability's article text of one page: textContent, '' when it finds no article or throws. */
export function readabilityText(html) {
  try {
    const { document } = parseHTML(html);
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

const versionOf = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * Readability on every HTML page of `pages`. Its output does not change when
 * unboil does, so it is cached in node_modules/.cache, keyed by the versions
 * of @mozilla/readability and linkedom (and by page: a page not in the cache
 * is computed and added).
 */
export function readabilityTexts(corpus, pages, { cache = true } = {}) {
  const key = `readability@${versionOf('@mozilla/readability')}+linkedom@${versionOf('linkedom')}`;
  const file = join(ROOT, 'node_modules/.cache/unboil-bench', `${corpus.name}-${key}.json`);
  const stored = cache && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let added = 0;
  const texts = new Map();
  for (const page of pages) {
    if (!(page.id in stored)) {
      stored[page.id] = readabilityText(decodeHtml(readGz(inputOf(corpus, page, 'html'))));
      added++;
    }
    texts.set(page.id, stored[page.id]);
  }
  if (cache && added) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored));
  }
  return texts;
}
