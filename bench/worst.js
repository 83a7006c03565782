#!/usr/bin/env node
// npm run bench:worst [-- [--sizes 10k,100k,1m,10m] [--limit SECONDS] [--only a,b] [--out FILE]]
//
// Worst-case timings: for each class of hostile input (issue 14), the time
// clean() takes at 10 KB, 100 KB, 1 MB and 10 MB, each in its own child
// process with a wall-clock limit, so that a super-linear case shows as
// "> limit" instead of hanging the benchmark. One row per class and size:
// seconds, MB/s, the child's peak RSS, and the ratio to the time at the size
// below (sizes ×10 apart: about 10 is linear, 100 quadratic).
// A benchmark, not a test: it never fails. It runs dist/ (npm run build first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptArgs } from './lib/script-args.js';
import { gunzipSync } from 'node:zlib';
import { sharedDir } from './shared-path.js';

const SHARED = sharedDir();
const CORPUS = SHARED && join(SHARED, 'corpus/trafilatura-eval');

/** A small deterministic PRNG (mulberry32), so every run times the same bytes. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you ' +
  'were her she there been one all we their has would when if so no will more about can said out up them some could ' +
  'government minister report city council market water energy school children history research village border'
).split(' ');

function sentence(random, words = 12 + Math.floor(random() * 14)) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

function paragraph(random, sentences = 3 + Math.floor(random() * 4)) {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/** Repeats `unit(i)` until the text reaches `size` characters. */
function fill(size, unit, prefix = '', suffix = '') {
  const parts = [prefix];
  let length = prefix.length + suffix.length;
  for (let i = 0; length < size; i++) {
    const piece = unit(i);
    parts.push(piece);
    length += piece.length;
  }
  parts.push(suffix);
  return parts.join('');
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function corpusFiles(kind, count) {
  const folder = CORPUS && join(CORPUS, kind);
  if (!folder || !existsSync(folder)) return null;
  return readdirSync(folder)
    .filter((f) => f.endsWith('.gz'))
    .sort()
    .slice(0, count)
    .map((f) => gunzipSync(readFileSync(join(folder, f))).toString('utf8'));
}

function concatenated(size, kind) {
  const pages = corpusFiles(kind, 200);
  if (!pages) return null;
  return fill(size, (i) => `${pages[i % pages.length]}\n\n`);
}

const html = (body) => `<!doctype html><html><head><title>Worst case</title></head><body>${body}</body></html>`;

/** Each class builds an input of about `size` characters; `format` is passed to clean(). */
const CLASSES = {
  'spaces then x (text)': { format: 'text', make: (size) => `${' '.repeat(size - 1)}x` },
  'tabs and NBSP then x (text)': { format: 'text', make: (size) => `${'\t\u00a0'.repeat(Math.floor(size / 2))}x` },
  'repeated short lines (text)': { format: 'text', make: (size) => fill(size, (i) => `Item ${i % 97}\n`) },
  'form labels (text)': { format: 'text', make: (size) => fill(size, () => 'Name :\nEmail :\nWebsite :\n* Text :\nSend\n') },
  'hard-wrapped prose (text)': {
    format: 'text',
    make: (size) => {
      const random = rng(1);
      return fill(size, () => `${wrap(paragraph(random, 8), 72)}\n\n`);
    },
  },
  'CR-only endings (text)': {
    format: 'text',
    make: (size) => {
      const random = rng(2);
      return fill(size, (i) => (i % 3 === 2 ? '\r' : `${sentence(random)}\r`));
    },
  },
  'near-duplicate paragraphs (text)': {
    format: 'text',
    make: (size) => {
      const random = rng(3);
      const base = paragraph(random, 5).split(' ');
      return fill(size, (i) => {
        const words = [...base];
        words[i % words.length] = WORDS[i % WORDS.length];
        words[(i * 7) % words.length] = WORDS[(i * 3) % WORDS.length];
        return `${words.join(' ')}\n\n`;
      });
    },
  },
  'pull quotes (text)': {
    format: 'text',
    make: (size) => {
      const random = rng(4);
      return fill(size, () => {
        const p = paragraph(random, 4);
        return `“${p.split('. ')[1] ?? p}”\n\n${p}\n\n`;
      });
    },
  },
  '"Related Posts" lines (text)': { format: 'text', make: (size) => fill(size, () => 'Related Posts\n') },
  '"| " on one line (text)': { format: 'text', make: (size) => '| '.repeat(Math.floor(size / 2)) },
  'colons (text)': { format: 'text', make: (size) => fill(size, (i) => (i % 2 ? ':\n' : 'Label : value : more :\n')) },
  'real dumps concatenated (text)': { format: 'text', make: (size) => concatenated(size, 'text') },
  'nested spans (html)': {
    format: 'html',
    make: (size) => {
      const depth = Math.floor((size - 60) / 13);
      return html(`${'<span>'.repeat(depth)}deep text${'</span>'.repeat(depth)}`);
    },
  },
  'nested divs (html)': {
    format: 'html',
    make: (size) => {
      const depth = Math.floor((size - 60) / 11);
      return html(`${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`);
    },
  },
  'unclosed <p> and <li> (html)': {
    format: 'html',
    make: (size) => {
      const random = rng(5);
      return html(fill(size, (i) => (i % 4 ? `<p>${sentence(random)}` : `<ul><li>${sentence(random, 4)}<li>`)));
    },
  },
  'minified one-line page (html)': {
    format: 'html',
    make: (size) => {
      const random = rng(6);
      const nav = '<nav><ul>' + Array.from({ length: 8 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('') + '</ul></nav>';
      return html(fill(size, (i) => (i % 20 === 0 ? nav : `<p>${paragraph(random)}</p>`), '<main><article><h1>Title</h1>', '</article></main>'));
    },
  },
  'widget lines (html)': {
    format: 'html',
    make: (size) => html(fill(size, (i) => `<div class="share"><a href="/x${i % 7}">Share on Facebook</a></div><p>Related Posts</p>`)),
  },
  'huge attribute (html)': {
    format: 'html',
    make: (size) => html(`<div class="${'x '.repeat(Math.floor((size - 200) / 2))}"><p>One paragraph of text inside a div with a very long class attribute.</p></div>`),
  },
  'many attributes (html)': {
    format: 'html',
    make: (size) => html(fill(size, (i) => `<p data-a${i}="v" class="c${i % 13} d" id="p${i}" style="color:red">Text ${i % 31} here.</p>`)),
  },
  'real pages concatenated (html)': { format: 'html', make: (size) => concatenated(size, 'html') },
};

const SIZE_UNITS = { k: 1e3, m: 1e6 };
const parseSize = (s) => Math.round(Number.parseFloat(s) * (SIZE_UNITS[s.slice(-1).toLowerCase()] ?? 1));
const formatSize = (n) => (n >= 1e6 ? `${n / 1e6} MB` : n >= 1e3 ? `${n / 1e3} KB` : `${n} B`);

/** Child mode: build one input, clean it once, print the milliseconds as JSON. */
async function child(name, size) {
  const { clean, loadPipeline } = await import('../dist/index.js');
  const spec = CLASSES[name];
  const input = spec.make(size);
  if (input === null) {
    console.log(JSON.stringify({ skipped: 'corpus not found' }));
    return;
  }
  const pipeline = loadPipeline('default');
  const start = process.hrtime.bigint();
  let error = null;
  try {
    clean(input, { pipeline, format: spec.format, path: 'worst' });
  } catch (e) {
    error = `${e.name}: ${String(e.message).slice(0, 80)}`;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, error, bytes: Buffer.byteLength(input), rssKb: process.resourceUsage().maxRSS }));
}

function parent() {
  const { values } = scriptArgs(import.meta.url, {
    options: {
      sizes: { type: 'string', default: '10k,100k,1m,10m' },
      limit: { type: 'string', default: '60' },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(parseSize);
  const limit = Number(values.limit);
  const names = Object.keys(CLASSES).filter((n) => !values.only || values.only.split(',').some((o) => n.includes(o)));
  const header = '| pattern class | size | seconds | MB/s | peak RSS | × time of size below |';
  const lines = [header, '| --- | ---: | ---: | ---: | ---: | ---: |'];
  console.log(`bench:worst: ${names.length} classes, limit ${limit} s per run, node ${process.version}\n`);
  console.log(lines.join('\n'));
  for (const name of names) {
    let previous = null;
    let over = false;
    for (const size of sizes) {
      let cells;
      if (over) cells = ['not run', '', '', ''];
      else {
        const result = spawnSync(process.execPath, [import.meta.filename, '--child', name, String(size)], {
          encoding: 'utf8',
          timeout: limit * 1000,
          killSignal: 'SIGKILL',
          maxBuffer: 1 << 20,
        });
        const last = result.stdout?.trim().split('\n').pop() ?? '';
        let parsed = null;
        try {
          parsed = JSON.parse(last);
        } catch {
          parsed = null;
        }
        if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGKILL') {
          cells = [`> ${limit}`, '', '', ''];
          over = true;
        } else if (!parsed) {
          cells = [`crash: ${(result.stderr.match(/(RangeError|Error|FATAL)[^\n]*/)?.[0] ?? `exit ${result.status}`).slice(0, 60)}`, '', '', ''];
          over = true;
        } else if (parsed.skipped) cells = [parsed.skipped, '', '', ''];
        else {
          const seconds = parsed.ms / 1000;
          const note = parsed.error ? ` (${parsed.error.replace(/\|/g, '\\|')})` : '';
          cells = [
            `${seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1)}${note}`,
            (parsed.bytes / 1e6 / seconds).toFixed(2),
            `${Math.round(parsed.rssKb / 1024)} MB`,
            previous ? (seconds / previous).toFixed(1) : '–',
          ];
          previous = seconds;
        }
      }
      const row = `| ${name} | ${formatSize(size)} | ${cells.join(' | ')} |`;
      lines.push(row);
      console.log(row);
    }
  }
  if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else parent();
