import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import { runSummarySchema } from '../src/model/run-summary.js';
import { fullSidecarSchema } from '../src/model/sidecar.js';
import { runCli } from './helpers/cli.js';
import { tree } from './helpers/files.js';

// The same short news story in three languages: long enough for the detector, no boilerplate to remove.
const DOCS = {
  'en.txt': [
    'The river town keeps its old bridge',
    'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.',
    'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.',
  ],
  'de.txt': [
    'Die Stadt am Fluss behält ihre alte Brücke',
    'Der Stadtrat hat am Dienstag beschlossen, dass die alte Steinbrücke repariert und nicht ersetzt wird, nachdem die Bürger lange für und gegen den Plan gesprochen hatten.',
    'Die Ingenieure hatten gewarnt, dass die Bögen schwächer werden, aber ein Gutachten aus dem Frühjahr zeigte, dass der Schaden innerhalb von zwei Jahren und zur Hälfte der Kosten einer neuen Brücke behoben werden kann.',
  ],
  'fr.txt': [
    'La ville au bord du fleuve garde son vieux pont',
    'Le conseil municipal a décidé mardi que le vieux pont de pierre sera réparé plutôt que remplacé, après un long débat au cours duquel les habitants se sont exprimés pour et contre le projet.',
    "Les ingénieurs avaient averti que les arches s'affaiblissaient, mais une étude publiée au printemps a montré que les dégâts pourraient être réparés en deux ans et pour la moitié du prix d'un nouveau pont.",
  ],
};
const REASON = 'language "fr" not in --lang de,en';

function scrapes(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'unboil-lang-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, paragraphs] of Object.entries(DOCS)) writeFileSync(join(dir, 'in', name), `${paragraphs.join('\n\n')}\n`);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, 'in', name), text);
  return dir;
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('--lang', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    // "ok.txt" is too short for the detector: its language is undetermined, and it is kept.
    dir = scrapes({ 'ok.txt': 'Closed today.\n' });
    first = await runCli(['run', 'in', '--out', 'out', '--lang', 'de,en', '--concurrency', '1'], dir);
  }, 60_000);

  it('keeps the listed languages and records the other document as skipped, with its reason, in its sidecar and _run.json', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(readFileSync(join(dir, 'out/en.txt'), 'utf8')).toBe(`${DOCS['en.txt'].join('\n\n')}\n`);
    expect(readFileSync(join(dir, 'out/de.txt'), 'utf8')).toBe(`${DOCS['de.txt'].join('\n\n')}\n`);
    expect(readFileSync(join(dir, 'out/ok.txt'), 'utf8')).toBe('Closed today.\n');
    // No clean text for the French document, but a sidecar that accounts for every block.
    expect(existsSync(join(dir, 'out/fr.txt'))).toBe(false);
    const sidecar = fullSidecarSchema.parse(json(join(dir, 'out/fr.json')));
    expect(sidecar.meta.lang).toBe('fr');
    expect(sidecar.skipped).toEqual({ stage: 'language', rule: 'other-language', reason: REASON });
    expect(sidecar.stats).toMatchObject({ blocks: 3, kept: 0, removed: 3, charsOut: 0, removedBy: { 'language/other-language': 3 } });
    expect(sidecar.blocks.map((b) => [b.text, b.kept])).toEqual(DOCS['fr.txt'].map((t) => [t, false]));
    expect(json(join(dir, 'out/en.json')).skipped).toBeUndefined();
    const summary = runSummarySchema.parse(json(join(dir, 'out/_run.json')));
    expect(summary).toMatchObject({ documents: 4, cleaned: 3, failed: [] });
    expect(summary.skipped).toEqual([{ path: 'in/fr.txt', stage: 'language', rule: 'other-language', reason: REASON }]);
    expect(summary.stages['language.other-language']).toBe(1);
    expect(first.stdout).toMatch(/^unboil: 3\/4 documents cleaned, 1 skipped \(language\) with pipeline "default"/);
    expect(first.stdout).toContain(`  skipped: 1 (sidecar written, no clean text)\n    in/fr.txt: ${REASON}\n`);
  });

  it('a second run skips the same document again, up to date, and check of the outputs passes', async () => {
    const before = tree(join(dir, 'out'));
    const again = await runCli(['run', 'in', '--out', 'out', '--lang', 'de,en', '--concurrency', '1'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 cleaned now, 4 up to date (skipped)');
    expect(again.stdout).toContain('1 skipped (language)');
    expect(tree(join(dir, 'out'))).toEqual(before);
    const check = await runCli(['check', 'in', '--expected', 'out', '--lang', 'de,en'], dir);
    expect(check.stdout).toBe('unboil check: 4 documents match out\n');
    expect(check.code).toBe(0);
    // Without --lang the pipeline differs, and check names the option and the document that would be kept.
    const unfiltered = await runCli(['check', 'in', '--expected', 'out', '--no-color'], dir);
    expect(unfiltered.code).toBe(1);
    expect(unfiltered.stdout).toContain('language.only: ["de","en"] → unset');
    expect(unfiltered.stdout).toContain('no longer skipped');
  }, 60_000);

  it('a run with other languages writes the text of the document it now keeps and removes the texts of those it skips', async () => {
    const other = scrapes();
    await runCli(['run', 'in', '--out', 'out', '--lang', 'de,en', '--concurrency', '1', '-O', 'markdown'], other);
    expect(existsSync(join(other, 'out/en.md'))).toBe(true);
    const fr = await runCli(['run', 'in', '--out', 'out', '--set', 'language.only=["fra"]', '--concurrency', '1', '-O', 'markdown'], other);
    expect(fr.code).toBe(0);
    expect(readFileSync(join(other, 'out/fr.txt'), 'utf8')).toBe(`${DOCS['fr.txt'].join('\n\n')}\n`);
    expect(Object.keys(tree(join(other, 'out')))).toEqual(['_run.json', 'de.json', 'en.json', 'fr.json', 'fr.md', 'fr.txt']);
    expect(json(join(other, 'out/_run.json')).skipped.map((s: { reason: string }) => s.reason)).toEqual(['language "de" not in --lang fra', 'language "en" not in --lang fra']);
    // documents.jsonl, the corpus file, has a line for the kept document only.
    expect((await runCli(['run', 'in', '--out', 'out', '--lang', 'de,en', '--concurrency', '1', '-O', 'jsonl'], other)).code).toBe(0);
    const lines = readFileSync(join(other, 'out/documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { path: string; text: string });
    expect(lines.map((l) => [l.path, l.text])).toEqual([['de.txt', `${DOCS['de.txt'].join('\n\n')}\n`], ['en.txt', `${DOCS['en.txt'].join('\n\n')}\n`]]);
  }, 60_000);

  it('--stdout prints nothing for a skipped document and says why on stderr', async () => {
    const result = await runCli(['run', 'in/fr.txt', '--stdout', '--lang', 'en'], dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'unboil: in/fr.txt: skipped: language "fr" not in --lang en\n' });
  });

  it('refuses a code that names no language: exit 2, one line, nothing written', async () => {
    const bad = scrapes();
    const result = await runCli(['run', 'in', '--out', 'out', '--lang', 'de,xx1'], bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('unboil: --lang de,xx1: "xx1" is not a language code (ISO 639-1 like de, or 639-3 like deu)\n');
    expect(existsSync(join(bad, 'out'))).toBe(false);
    const set = await runCli(['run', 'in', '--out', 'out', '--set', 'language.only=["xx1"]'], bad);
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('language.only.0: not an ISO 639-1 or 639-3 language code');
  });

  it('is the language stage option `only`: a pipeline without it keeps its hash', () => {
    const plain = loadPipeline('default');
    const filtered = loadPipeline('default', '.', { set: ['language.only=["de","en"]'] });
    expect(filtered.hash).not.toBe(plain.hash);
    expect(filtered.stages.find((s) => s.stage.name === 'language')!.options).toMatchObject({ only: ['de', 'en'] });
    expect(Object.keys(plain.stages.find((s) => s.stage.name === 'language')!.options as object)).not.toContain('only');
  });

  it('matches a macrolanguage code to the individual language the detector names: zh keeps Mandarin (cmn)', () => {
    const chinese = '市议会星期二决定修复旧石桥，而不是拆除重建。居民们在长时间的辩论中发表了支持和反对的意见。\n\n工程师们曾警告说桥拱正在变弱，但春季发表的一项调查发现，损坏可以在两年内以新桥一半的费用修复。\n';
    const only = (codes: string[]) => clean(chinese, { pipeline: loadPipeline('default', '.', { set: [`language.only=${JSON.stringify(codes)}`] }) });
    expect(only(['zh']).sidecar.skipped).toBeUndefined();
    expect(only(['zho']).text).toContain('市议会星期二决定修复旧石桥');
    expect(only(['cmn']).sidecar.skipped).toBeUndefined();
    expect(only(['en']).sidecar).toMatchObject({ meta: { lang: 'cmn' }, skipped: { reason: 'language "cmn" not in --lang en' } });
  });
});
