// The learned block scorer (src/stages/html/scorer*.ts, scripts/train-scorer.js):
// training is reproducible, the shipped model reads the features the stage
// computes, and on small pages it overrules the structure rules both ways,
// with its rule id and reason, deterministically, and can be turned off.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/engine/clean.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import { FEATURE_NAMES } from '../../src/stages/html/scorer-features.js';
import { checkedModel, SCORER_MODEL, scoreOf } from '../../src/stages/html/scorer.js';
// @ts-expect-error plain JS module of the training script
import { trainLogistic } from '../../scripts/lib/train-logistic.js';
// @ts-expect-error plain JS module of the training script
import { labelRows } from '../../scripts/lib/scorer-rows.js';
import { blockWith, page } from './helpers.js';

const P = [
  'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.',
  'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.',
  'Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.',
];
const paras = P.map((p) => `<p>${p}</p>`).join('');
const MASTHEAD = 'Example Gazette Media Group Springfield Office Newsroom Contact Desk Editors Reporters Photographers Archive Subscriptions Events';
/** A 17-word label after the article: too long for after-main, no sentence. */
const trailing = page(`<div class="content"><article><h1>The river town keeps its old bridge</h1>${paras}<section><header><div><span>${MASTHEAD}</span></div></header></section></article></div>`);
/** Install links in a table inside the article's <main>: link-list removes them as mostly links. */
const install = page(
  `<main><section><h1>Install the tool</h1><div><div><table><tbody>${['Linux', 'Windows', 'Mac'].map((t) => `<tr><td><a href="/${t}">Install on ${t}</a></td></tr>`).join('')}</tbody></table></div></div>${paras}</section></main>`,
);

const off = loadPipeline('default', '.', { set: ['html-boilerplate.rules.scorer=false'] });
const run = (html: string, pipeline = loadPipeline('default')) => clean(html, { format: 'html', path: 'page.html', pipeline });

describe('block scorer', () => {
  it('removes a block the rules keep, with rule scorer, its score and top features', () => {
    expect(blockWith(run(trailing, off), 'Example Gazette Media')).toMatchObject({ kept: true });
    const b = blockWith(run(trailing), 'Example Gazette Media')!;
    expect(b).toMatchObject({ kept: false, stage: 'html-boilerplate', rule: 'scorer' });
    expect(b.reason).toMatch(/^block scorer: content score 0\.\d\d \(([a-z:-]+ [-+]\d+\.\d(, )?){1,3}\) < 0\.35$/);
    for (const p of P) expect(blockWith(run(trailing), p.slice(0, 40))).toMatchObject({ kept: true });
  });

  it('keeps blocks the link-list rule removes when they score high', () => {
    expect(blockWith(run(install, off), 'Install on Windows')).toMatchObject({ kept: false, rule: 'link-list' });
    const on = run(install);
    for (const t of ['Linux', 'Windows', 'Mac']) expect(blockWith(on, `Install on ${t}`)).toMatchObject({ kept: true });
  });

  it('is deterministic: the same page gives the same sidecar', () => {
    expect(JSON.stringify(run(trailing).sidecar)).toBe(JSON.stringify(run(trailing).sidecar));
  });

  it('is turned off by --set html-boilerplate.rules.scorer=false: the rules alone decide', () => {
    const fate = (html: string, pipeline = off) => run(html, pipeline).sidecar.blocks.map((b) => (b.kept ? 'kept' : b.rule));
    expect(fate(trailing)).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
    expect(fate(install)).toEqual(['kept', 'link-list', 'link-list', 'link-list', 'kept', 'kept', 'kept']);
  });
});

describe('scorer model', () => {
  it('the shipped JSON is read with the features the stage computes', () => {
    const json = JSON.parse(readFileSync(new URL('../../src/stages/html/scorer-model.json', import.meta.url), 'utf8'));
    expect(json.features).toEqual(FEATURE_NAMES);
    expect(checkedModel(SCORER_MODEL)).toBe(SCORER_MODEL);
    for (const m of [json.kept, json.removed]) for (const k of ['weights', 'mean', 'scale']) expect(m[k]).toHaveLength(FEATURE_NAMES.length);
    expect(() => checkedModel({ ...SCORER_MODEL, features: FEATURE_NAMES.slice(1) })).toThrow(/train-scorer/);
  });

  // A fixed inline dataset: two features, the first separates the classes.
  const rows = [
    { x: [0, 1], y: 0, w: 1 }, { x: [1, 0], y: 0, w: 1 }, { x: [2, 1], y: 0, w: 2 }, { x: [3, 0], y: 1, w: 1 },
    { x: [4, 1], y: 1, w: 1 }, { x: [5, 0], y: 1, w: 2 }, { x: [2.5, 1], y: 1, w: 0.5 }, { x: [2.5, 0], y: 0, w: 0.5 },
  ];

  it('training is reproducible: the same rows give the same model, to the digit', () => {
    const a = trainLogistic(rows, { l2: 1 });
    expect(JSON.stringify(trainLogistic(rows, { l2: 1 }))).toBe(JSON.stringify(a));
    expect(a).toEqual({ bias: 0.019637, weights: [1.297911, -0.221181], mean: [2.722222, 0.5], scale: [1.617802, 0.5] });
    const p = (x: number[]) => scoreOf(a, ['a', 'b'], x).p;
    expect(p([5, 0])).toBeGreaterThan(0.8);
    expect(p([0, 1])).toBeLessThan(0.2);
  });

  it('labels blocks by the gold: shingles of a full text, snippets with and without', () => {
    const gold = { tokens: 'the old bridge will be repaired next year by the town'.split(' ') };
    const blocks = [
      { text: 'The old bridge will be repaired next year', decision: 'kept', x: [1] },
      { text: 'Share this story on social media today', decision: 'kept', x: [2] },
      { text: 'next year', decision: 'outside-main', x: [3] },
      { text: 'Login', decision: 'other', x: [4] },
    ];
    // "The" is capitalised in the block: its first shingle misses, 4 of 5 hit.
    expect(labelRows(blocks, gold)).toEqual([
      { decision: 'kept', x: [1], y: 1, w: (5 * 5) / 10 },
      { decision: 'kept', x: [2], y: 0, w: (5 * 4) / 10 },
      { decision: 'outside-main', x: [3], y: 1, w: (5 * 1) / 10 },
    ]);
    expect(labelRows(blocks, { with: ['bridge will be repaired'], without: ['Share this story'] })).toEqual([
      { decision: 'kept', x: [1], y: 1, w: 1 },
      { decision: 'kept', x: [2], y: 0, w: 1 },
    ]);
  });
});
