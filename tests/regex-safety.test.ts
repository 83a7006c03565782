/**
 * Every regular expression in src/ is checked for catastrophic backtracking
 * with recheck (issue 14): regex literals and statically evaluable
 * `new RegExp(...)` are found in the sources (tests/helpers/regex-sites.ts),
 * the ones built at run time from word lists are read from the exports of
 * the lexicon. A super-linear pattern fails the test with recheck's attack
 * string; the fix is a pattern without ambiguous repetition, not a bound on
 * the input.
 *
 * recheck takes a second or more per pattern, so the patterns it found safe
 * are remembered in tests/fixtures/regex-safe.json (sha256 of flags and
 * source, per recheck version): only new or edited patterns are checked.
 * UNBOIL_REGEX_CACHE=update rewrites that file after a full check,
 * UNBOIL_REGEX_CACHE=off checks everything without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import * as categories from '../src/stages/html/categories.js';
import * as lexicon from '../src/text/lexicon.js';
import { exportedRegexes, findRegexSites, type RegexSite } from './helpers/regex-sites.js';

const ROOT = join(import.meta.dirname, '..');
/** Modules whose exported RegExp values stand for the regexes they build at run time. */
const RUNTIME_MODULES = ['src/text/lexicon.ts', 'src/stages/html/categories.ts'];

const CACHE = join(ROOT, 'tests/fixtures/regex-safe.json');
const RECHECK = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
const mode = process.env.UNBOIL_REGEX_CACHE;

function knownSafe(): Set<string> {
  if (mode === 'off' || mode === 'update' || !existsSync(CACHE)) return new Set();
  const cache = JSON.parse(readFileSync(CACHE, 'utf8')) as { recheck: string; safe: string[] };
  return new Set(cache.recheck === RECHECK ? cache.safe : []);
}
const keyOf = (site: RegexSite) => createHash('sha256').update(`${site.flags}/${site.source}`).digest('hex').slice(0, 24);

const { sites, dynamic } = findRegexSites(ROOT);
const all: RegexSite[] = [...sites, ...exportedRegexes(lexicon, 'src/text/lexicon.ts'), ...exportedRegexes(categories, 'src/stages/html/categories.ts')];

describe('regex safety', () => {
  it('finds the regexes of src/ (the scan works)', () => {
    expect(sites.length).toBeGreaterThan(100);
    expect(all.some((s) => s.where.includes('lexicon.ts export RELATED_HEADER'))).toBe(true);
  });

  it('every RegExp built at run time lives in a module whose exports are checked', () => {
    expect(dynamic.filter((d) => !RUNTIME_MODULES.some((m) => d.where.startsWith(m)))).toEqual([]);
  });

  it('no regex of src/ backtracks super-linearly (recheck)', () => {
    const unsafe: string[] = [];
    const cached = knownSafe();
    const safe = new Set<string>();
    for (const site of all) {
      const key = keyOf(site);
      if (cached.has(key) || safe.has(key)) {
        safe.add(key);
        continue;
      }
      const result = checkSync(site.source, site.flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') {
        unsafe.push(`${site.where}: ${result.complexity.type} /${site.source.slice(0, 100)}/${site.flags} attack ${result.attack.pattern.slice(0, 60)}`);
      } else safe.add(key);
    }
    if (mode === 'update' && !unsafe.length) writeFileSync(CACHE, `${JSON.stringify({ recheck: RECHECK, safe: [...safe].sort() }, null, 1)}\n`);
    expect(unsafe).toEqual([]);
  }, 300_000);
});
