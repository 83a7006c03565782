// The streaming engine: worker threads, the journal that makes re-runs
// incremental and killed runs resumable, and per-document time limits.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/run.js';
import { collect } from './helpers/collect.js';
import { ROOT } from './helpers/seeds.js';
import { FOOTER, TOPICS, siteCorpus, story, tree } from './helpers/site-corpus.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'unboil-engine-'));

const mtimes = (dir: string) => Object.fromEntries(Object.keys(tree(dir)).map((f) => [f, statSync(join(dir, f)).mtimeMs]));

/** Files a run must never leave behind: temporary files anywhere in the output folder. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.tmp')) found.push(full);
    }
  };
  walk(dir);
  if (existsSync(join(dir, '.unboil/tmp'))) found.push('.unboil/tmp');
  return found;
}

describe('streaming engine', () => {
  it('gives byte-identical outputs with 1 and 4 worker threads, corpus stages included', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'));
    const one = await runPipeline({ inputs: ['in'], out: 'one', cwd: dir, concurrency: 1 });
    const four = await runPipeline({ inputs: ['in'], out: 'four', cwd: dir, concurrency: 4 });
    expect(tree(join(dir, 'four'))).toEqual(tree(join(dir, 'one')));
    // Both corpus stages did their part.
    expect(one.summary.totals.removedBy['corpus/site-template']).toBe(TOPICS.length + 1 - 1); // every page but the duplicate, whose blocks all go
    expect(readFileSync(join(dir, 'one/zcopy.txt'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, 'one/page003.txt'), 'utf8')).not.toContain('Valley Gazette is printed');
    expect(four.activity).toEqual({ cleaned: TOPICS.length + 1, skipped: 0, rewritten: TOPICS.length + 1, removed: 0 });
  });

  it('re-runs incrementally: unchanged inputs are skipped, one edit rewrites only what it changes, gone inputs lose their outputs', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'));
    await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    const first = tree(join(dir, 'out'));
    const before = mtimes(join(dir, 'out'));

    const again = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(again.activity).toEqual({ cleaned: 0, skipped: TOPICS.length + 1, rewritten: 0, removed: 0 });
    // Nothing rewritten but the run summary (removed when a run starts, written when it ends).
    const { '_run.json': _summary, ...unchanged } = before;
    expect(mtimes(join(dir, 'out'))).toMatchObject(unchanged);
    expect(tree(join(dir, 'out'))).toEqual(first);

    // Same bytes, new mtime (a fresh checkout): read and hashed, not rewritten.
    utimesSync(join(dir, 'in/page002.txt'), new Date(), new Date(Date.now() + 5000));
    const touched = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(touched.activity.skipped).toBe(TOPICS.length + 1);
    expect(mtimes(join(dir, 'out'))).toMatchObject(unchanged);

    // An edit that keeps the footer: only that page is cleaned again (and rewritten by the site-template decision).
    writeFileSync(join(dir, 'in/page004.txt'), `valleygazette.example\n\nNews about the choir, revised\n\n${story('orchestra', 40)}\n\n${FOOTER}\n`);
    const edited = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(edited.activity).toEqual({ cleaned: 1, skipped: TOPICS.length, rewritten: 1, removed: 0 });
    const after = mtimes(join(dir, 'out'));
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual(['_run.json', 'page004.json', 'page004.txt']);
    expect(readFileSync(join(dir, 'out/page004.txt'), 'utf8')).toContain('orchestra');

    // The original of the duplicate goes: the copy is now the first of its kind and gets its text back.
    rmSync(join(dir, 'in/page001.txt'));
    const gone = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    expect(gone.activity).toMatchObject({ cleaned: 0, removed: 1, rewritten: 1 });
    expect(existsSync(join(dir, 'out/page001.txt'))).toBe(false);
    expect(existsSync(join(dir, 'out/page001.json'))).toBe(false);
    expect(readFileSync(join(dir, 'out/zcopy.txt'), 'utf8')).toContain('library committee');

    // And the incremental result is the result of a run from scratch.
    await runPipeline({ inputs: ['in'], out: 'scratch', cwd: dir });
    expect(tree(join(dir, 'out'))).toEqual(tree(join(dir, 'scratch')));
  });

  it('cleans again everything when the pipeline changes', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 3);
    await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    const strict = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir, pipeline: 'strict' });
    expect(strict.activity.cleaned).toBe(4);
    expect(JSON.parse(readFileSync(join(dir, 'out/page000.json'), 'utf8')).pipeline.name).toBe('strict');
  });

  it('without an output folder, streams results from a temporary folder that is removed after iteration', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 3);
    // Other test files run at the same time and spill too: this run's folder is the one holding its documents.
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith('unboil-run-') && existsSync(join(tmpdir(), f, 'zcopy.json')));
    const { results, summary } = await runPipeline({ inputs: ['in'], cwd: dir });
    expect(ours()).toHaveLength(1);
    const docs = await collect(results);
    expect(docs.map((d) => d.output)).toEqual(['page000', 'page001', 'page002', 'zcopy']);
    expect(docs[3]!.text).toBe('');
    expect(summary.cleaned).toBe(4);
    expect(ours()).toEqual([]);
  });

  it('fails a document that takes longer than the time limit alone, and goes on', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 3);
    // About 12 MB of prose: seconds of work, far over a 1 s limit that the small pages stay well within.
    const paragraph = `${story('weather', 1)} ${story('traffic', 2)}`;
    writeFileSync(join(dir, 'in/huge.txt'), Array.from({ length: 20_000 }, (_, k) => `${paragraph} Paragraph ${k}.`).join('\n\n'));
    const { summary } = await runPipeline({ inputs: ['in'], out: 'out', cwd: dir, timeoutMs: 1000, concurrency: 1 });
    expect(summary.failed).toEqual([{ path: 'in/huge.txt', error: 'took longer than 1 s (--timeout): stopped' }]);
    expect(summary.cleaned).toBe(4);
    expect(readFileSync(join(dir, 'out/page002.txt'), 'utf8')).toContain('bridge committee');
    expect(existsSync(join(dir, 'out/huge.txt'))).toBe(false);
  });

  it('records unreadable inputs (missing, FIFO) as failed and cleans the others', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 2);
    const { summary } = await runPipeline({ inputs: ['in', 'missing.txt'], out: 'out', cwd: dir });
    expect(summary.failed).toEqual([{ path: 'missing.txt', error: 'input not found' }]);
    expect(summary.cleaned).toBe(3);
  });

  it('keeps the corpus digests small: a few KB per document at most', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'));
    await runPipeline({ inputs: ['in'], out: 'out', cwd: dir });
    const lines = readFileSync(join(dir, 'out/.unboil/journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const entries = lines.filter((l) => l.digests);
    expect(entries).toHaveLength(TOPICS.length + 1);
    for (const entry of entries) {
      expect(Object.keys(entry.digests).sort()).toEqual(['duplicate-documents', 'site-template']);
      expect(JSON.stringify(entry.digests).length).toBeLessThan(4096);
    }
  });
});

describe('a killed run', () => {
  /** Starts `unboil run` as a real process and SIGKILLs it after `ms`. */
  function runAndKill(cwd: string, ms: number): Promise<void> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/unboil.js'), 'run', 'in', '--out', 'out', '--concurrency', '2'], { cwd, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      child.on('exit', () => {
        clearTimeout(timer);
        done();
      });
    });
  }

  function runToEnd(cwd: string, out: string): Promise<number> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/unboil.js'), 'run', 'in', '--out', out, '--concurrency', '2'], { cwd, stdio: 'ignore' });
      child.on('exit', (code) => done(code ?? -1));
    });
  }

  it('ends, once re-run, with outputs byte-identical to an uninterrupted run and no temporary files', async () => {
    const dir = tmp();
    siteCorpus(join(dir, 'in'), 120);
    expect(await runToEnd(dir, 'reference')).toBe(0);
    const reference = tree(join(dir, 'reference'));
    // Kills early (threads starting), during pass 1, around the corpus decisions and during pass 2.
    let interrupted = 0;
    for (const ms of [150, 500, 900, 1300, 1800]) {
      await runAndKill(dir, ms);
      if (!existsSync(join(dir, 'out/_run.json'))) interrupted++;
    }
    // Each kill resumes the previous run; most of them must have cut one short for the test to mean anything.
    expect(interrupted).toBeGreaterThanOrEqual(3);
    expect(await runToEnd(dir, 'out')).toBe(0);
    expect(tree(join(dir, 'out'))).toEqual(reference);
    expect(leftovers(join(dir, 'out'))).toEqual([]);
  }, 120_000);
});
