// The learned block scorer of text mode (src/stages/text/boilerplate/scorer*.ts,
// scripts/train-scorer.js --mode text): the shipped model reads the features
// the stage computes, and on small dumps it overrules the rules both ways,
// with its rule id and reason, deterministically; it leaves dumps without
// sections and the title to the rules, and can be turned off.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import { SCORER_BOX_PAGE, SCORER_LEAD, SCORER_LEAD_PAGE } from '../src/rules/scorer.js';
import { checkedTextModel, TEXT_SCORER_MODEL } from '../src/stages/text/boilerplate/scorer.js';
import { TEXT_FEATURE_NAMES } from '../src/stages/text/boilerplate/scorer-features.js';
import { checkedModel as checkedHtmlModel, SCORER_MODEL } from '../src/stages/html/scorer.js';

const off = loadPipeline('default', '.', { set: ['boilerplate.rules.scorer=false'] });
const run = (text: string, pipeline = loadPipeline('default')) => clean(text, { format: 'text', path: 'page.txt', pipeline });
const blockWith = (r: ReturnType<typeof run>, text: string) => r.sidecar.blocks.find((b) => b.text.startsWith(text));
const fate = (r: ReturnType<typeof run>) => r.sidecar.blocks.map((b) => (b.kept ? 'kept' : `${b.stage}/${b.rule}`));

describe('text block scorer', () => {
  it('removes a block the rules keep, with rule scorer, its score and top features', () => {
    // The related rule takes the list of a box set into the article and leaves its label alone in its section.
    expect(blockWith(run(SCORER_BOX_PAGE, off), 'Latest')).toMatchObject({ kept: true });
    expect(blockWith(run(SCORER_BOX_PAGE, off), 'Most read')).toMatchObject({ kept: false, rule: 'related' });
    const b = blockWith(run(SCORER_BOX_PAGE), 'Latest')!;
    expect(b).toMatchObject({ kept: false, stage: 'boilerplate', rule: 'scorer' });
    expect(b.reason).toMatch(/^block scorer: content score 0\.\d\d \(([a-z:-]+ [-+]\d+\.\d(, )?){1,3}\) < 0\.3$/);
    // The rules' other decisions stand: the scorer takes nothing else from the article (and keeps the lead, as below).
    const on = run(SCORER_BOX_PAGE).sidecar.blocks;
    const before = run(SCORER_BOX_PAGE, off).sidecar.blocks;
    const changed = on.flatMap((x, k) => (x.kept !== before[k]!.kept ? [[x.text, x.kept ? 'kept' : x.rule]] : []));
    expect(changed).toEqual([[SCORER_LEAD, 'kept'], ['Latest', 'scorer']]);
  });

  it('keeps a lead paragraph the outside-main rule removes when it scores high', () => {
    expect(blockWith(run(SCORER_LEAD_PAGE, off), SCORER_LEAD)).toMatchObject({ kept: false, stage: 'boilerplate', rule: 'outside-main' });
    const r = run(SCORER_LEAD_PAGE);
    expect(blockWith(r, SCORER_LEAD)).toMatchObject({ kept: true });
    expect(r.text).toContain(SCORER_LEAD);
  });

  it('is turned off by --set boilerplate.rules.scorer=false: the old output exactly', () => {
    // The rules alone, as before the scorer: the proposals are applied as they were made.
    const menu = run(SCORER_LEAD_PAGE, off).sidecar.blocks.filter((b) => b.rule === 'navigation').length;
    expect(menu).toBe(43);
    expect(fate(run(SCORER_LEAD_PAGE, off)).filter((f) => f === 'kept')).toHaveLength(5);
    expect(fate(run(SCORER_BOX_PAGE, off))).not.toContain('boilerplate/scorer');
    // The same pages with the scorer on and off differ only where the scorer decided.
    const a = run(SCORER_LEAD_PAGE).sidecar.blocks;
    const b = run(SCORER_LEAD_PAGE, off).sidecar.blocks;
    const differ = a.filter((x, k) => x.kept !== b[k]!.kept).map((x) => x.text);
    expect(differ).toEqual([SCORER_LEAD]);
  });

  it('leaves a dump without sections to the rules', () => {
    // One blank line throughout: no sections (text/sections.ts), so the model has nothing it was trained on.
    const flat = SCORER_LEAD_PAGE.replace(/\n{3,}/g, '\n\n');
    expect(fate(run(flat))).toEqual(fate(run(flat, off)));
  });

  it('never removes the title the main-text rule marked', () => {
    const r = run(SCORER_LEAD_PAGE);
    expect(blockWith(r, 'Harbour Plan Approved')).toMatchObject({ kept: true });
    expect(r.sidecar.meta.title).toBe('Harbour Plan Approved After Long Debate');
  });

  it('is deterministic: the same dump gives the same sidecar', () => {
    expect(JSON.stringify(run(SCORER_BOX_PAGE).sidecar)).toBe(JSON.stringify(run(SCORER_BOX_PAGE).sidecar));
  });
});

describe('text scorer model', () => {
  it('the shipped JSON is read with the features the stage computes', () => {
    const json = JSON.parse(readFileSync(new URL('../src/stages/text/boilerplate/scorer-model.json', import.meta.url), 'utf8'));
    expect(json.features).toEqual(TEXT_FEATURE_NAMES);
    expect(checkedTextModel(TEXT_SCORER_MODEL)).toBe(TEXT_SCORER_MODEL);
    for (const m of [json.kept, json.removed]) for (const k of ['weights', 'mean', 'scale']) expect(m[k]).toHaveLength(TEXT_FEATURE_NAMES.length);
    expect(json.thresholds).toEqual({ remove: 0.3, restore: 0.4 });
  });

  it('a model trained on other features is a clear error, in both modes', () => {
    expect(() => checkedTextModel({ ...TEXT_SCORER_MODEL, features: TEXT_FEATURE_NAMES.slice(1) })).toThrow(/text\/boilerplate\/scorer-model\.json was trained on other features: run scripts\/train-scorer\.js/);
    const renamed = TEXT_FEATURE_NAMES.map((n, j) => (j === 3 ? 'renamed' : n));
    expect(() => checkedTextModel({ ...TEXT_SCORER_MODEL, features: renamed })).toThrow(/trained on other features/);
    const short = { ...TEXT_SCORER_MODEL, kept: { ...TEXT_SCORER_MODEL.kept, weights: TEXT_SCORER_MODEL.kept.weights.slice(1) } };
    expect(() => checkedTextModel(short)).toThrow(/weights for \d+ features/);
    // The HTML model is not a text model (and the reverse): each is checked against its own mode's features.
    expect(() => checkedTextModel(SCORER_MODEL)).toThrow(/trained on other features/);
    expect(() => checkedHtmlModel(TEXT_SCORER_MODEL)).toThrow(/trained on other features/);
  });
});
