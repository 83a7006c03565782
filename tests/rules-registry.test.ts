// Every rule of the registry (src/rules/) on its own examples: each `remove`
// example is removed by that rule, under its id, and each `keep` example is
// kept, in every mode the rule declares. The examples are put into a small
// page of generic prose (a title and three paragraphs), where the main-text
// search and the gates behave as on real pages.
import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import type { ConfigError } from '../src/errors.js';
import { RULE_LIST, type Example, type ExampleSpec, type Mode, type RuleSpec } from '../src/rules/registry.js';

const TITLE = 'Harbour Plan Approved After Long Debate';
const P1 =
  'The city council approved the new plan for the old harbour on Tuesday evening, after a long debate about the cost of the work, the future of the fishing boats and the roads that lead down to the water.';
const P2 =
  'Opposition members said that the plan would raise local taxes for years to come, but the mayor insisted that the numbers were sound and that most of the money would come from the regional government.';
const P3 =
  'A final vote on the transport package that goes with it is expected next month, when the regional funding has been confirmed and the engineers have finished their report on the state of the old quay walls.';

const STAGE: Record<Mode, string> = { text: 'boilerplate', html: 'html-boilerplate' };

/** A plain string is the same line in both modes: a <p> in HTML. */
const asExample = (spec: ExampleSpec): Example => (typeof spec === 'string' ? { text: spec, html: `<p>${spec}</p>` } : spec);

/** The example's source in one mode, or null when it is not for that mode. */
const sourceOf = (example: Example, mode: Mode): string | null => example[mode] ?? null;

/** The page around an example, and where the example lies in it. */
function pageOf(example: Example, mode: Mode): { page: string; start: number; end: number } | null {
  const source = sourceOf(example, mode);
  if (source === null) return null;
  const at = example.at ?? 'inside';
  let before: string;
  let after: string;
  if (at === 'page') return { page: source, start: 0, end: source.length };
  if (mode === 'text') {
    const article = `${TITLE}\n\n${P1}\n\n${P2}\n\n${P3}\n`;
    if (at === 'before') [before, after] = ['', `\n\n${article}`];
    else if (at === 'outside') [before, after] = ['', `\n\nHome\nNews\nSport\nWeather\n\n${article}`];
    else if (at === 'after') [before, after] = [`${TITLE}\n\n${P1}\n\n${P2}\n\n${P3}\n\n`, '\n'];
    else if (at === 'inside') [before, after] = [`${TITLE}\n\n${P1}\n\n\n`, `\n\n\n${P2}\n\n${P3}\n`];
    else return null;
  } else {
    const head = `<!doctype html><html lang="en"><head><title>${TITLE}</title></head><body><div id="page">`;
    const open = '<div class="l1"><div class="l2"><div class="l3"><article>';
    const close = '</article></div></div></div>';
    const body = (inside: string, tail: string) => `<h1>${TITLE}</h1><p>${P1}</p>${inside}<p>${P2}</p><p>${P3}</p>${tail}`;
    const end = '</div></body></html>';
    if (at === 'before') [before, after] = [head, `${open}${body('', '')}${close}${end}`];
    else if (at === 'outside') [before, after] = [`${head}${open}${body('', '')}${close}`, end];
    else if (at === 'after') [before, after] = [`${head}${open}${body('', '')}`, `${close}${end}`];
    else [before, after] = [`${head}${open}<h1>${TITLE}</h1><p>${P1}</p>`, `<p>${P2}</p><p>${P3}</p>${close}${end}`];
  }
  return { page: before + source + after, start: before.length, end: before.length + source.length };
}

/** The fate of the example's blocks: `kept` or `stage/rule`, by block text. */
function fates(example: Example, mode: Mode): Array<[string, string]> {
  const built = pageOf(example, mode)!;
  const { sidecar } = clean(built.page, { path: mode === 'text' ? 'page.txt' : 'page.html' });
  const blocks = sidecar.blocks.filter((b) => b.span[0] >= built.start && b.span[1] <= built.end && (example.check === undefined || b.text === example.check));
  return blocks.map((b) => [b.text, b.kept ? 'kept' : `${b.stage}/${b.rule}`]);
}

const examplesIn = (specs: readonly ExampleSpec[], mode: Mode) => specs.map(asExample).filter((e) => pageOf(e, mode) !== null);
const label = (e: Example, mode: Mode) => JSON.stringify(sourceOf(e, mode)!.slice(0, 70));

describe.each(RULE_LIST.map((rule) => [rule.id, rule] as [string, RuleSpec]))('rule %s', (id, rule) => {
  it.each(rule.modes.map((m) => [m]))('has remove and keep examples in %s mode', (mode) => {
    expect(examplesIn(rule.examples.remove, mode).length, 'remove examples').toBeGreaterThan(0);
    expect(examplesIn(rule.examples.keep, mode).length, 'keep examples').toBeGreaterThan(0);
  });

  for (const mode of rule.modes) {
    for (const example of examplesIn(rule.examples.remove, mode)) {
      it(`${mode}: removes ${label(example, mode)}`, () => {
        const got = fates(example, mode);
        expect(got.length, 'blocks of the example').toBeGreaterThan(0);
        expect(got).toEqual(got.map(([text]) => [text, `${STAGE[mode]}/${id}`]));
      });
    }
    for (const example of examplesIn(rule.examples.keep, mode)) {
      it(`${mode}: keeps ${label(example, mode)}`, () => {
        const got = fates(example, mode);
        expect(got.length, 'blocks of the example').toBeGreaterThan(0);
        expect(got).toEqual(got.map(([text]) => [text, 'kept']));
      });
    }
  }
});

describe('the registry', () => {
  it('gives every rule one id, used by no other rule or alias', () => {
    const names = RULE_LIST.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('turning single rules off', () => {
  const pipeline = (stage: string, rules: Record<string, boolean>) => resolvePipeline({ extends: 'default', stages: [[stage, { rules }]] });
  const fateIn = (example: Example, mode: Mode, pipe: ReturnType<typeof pipeline>) => {
    const built = pageOf(example, mode)!;
    const { sidecar } = clean(built.page, { path: mode === 'text' ? 'page.txt' : 'page.html', pipeline: pipe });
    return sidecar.blocks.filter((b) => b.span[0] >= built.start && b.span[1] <= built.end).map((b) => (b.kept ? 'kept' : `${b.stage}/${b.rule}`));
  };
  const tagLine: Example = { text: 'Tags: Energy, Trade, Sanctions' };
  const shareBox: Example = { html: '<div class="share-buttons"><span>Send this story to a friend</span></div>' };

  it('text: boilerplate.rules.tags=false keeps a tag line the rule removes', () => {
    expect(fateIn(tagLine, 'text', resolvePipeline({ extends: 'default' }))).toEqual(['boilerplate/tags']);
    const off = pipeline('boilerplate', { tags: false });
    expect(off.warnings).toBeUndefined();
    expect(fateIn(tagLine, 'text', off)).toEqual(['kept']);
  });

  it('html: html-boilerplate.rules.social=false keeps a share box (no other group claims it)', () => {
    expect(fateIn(shareBox, 'html', resolvePipeline({ extends: 'default' }))).toEqual(['html-boilerplate/social']);
    expect(fateIn(shareBox, 'html', pipeline('html-boilerplate', { social: false }))).toEqual(['kept']);
  });

  it('a rule turned off lets the next rule of a line chain have the line', () => {
    // "Follow us on:" is a social line; with social off nothing else reads it inside the article.
    const follow: Example = { text: 'Follow us on:' };
    expect(fateIn(follow, 'text', pipeline('boilerplate', { social: false }))).toEqual(['kept']);
    // "Advertisement" is an ad label; with ads off it is an ordinary short line of the article.
    expect(fateIn({ text: 'Advertisement' }, 'text', pipeline('boilerplate', { ads: false }))).toEqual(['kept']);
  });

  it('accepts the old ids and rule families as deprecated aliases, with a warning', () => {
    const html = pipeline('html-boilerplate', { share: false });
    expect(html.warnings).toEqual(['html-boilerplate.rules.share is deprecated: use "social"']);
    expect(fateIn(shareBox, 'html', html)).toEqual(['kept']);
    const text = pipeline('boilerplate', { advertisement: false, widgets: true, notices: false });
    expect(text.warnings).toEqual([
      'boilerplate.rules.advertisement is deprecated: use "ads"',
      'boilerplate.rules.widgets is deprecated: use "language-switcher", "social", "ads", "ui-label", "copyright", "legal", "cookie", "newsletter", "navigation"',
      'boilerplate.rules.notices is deprecated: use "reader-prompt", "disclosure", "pagination", "read-more", "credit", "post-meta", "rating", "license", "disclaimer", "citation", "reading-time", "consent", "no-javascript", "author-box"',
    ]);
    expect(fateIn({ text: 'Advertisement' }, 'text', text)).toEqual(['kept']);
    expect(fateIn({ text: 'Continue reading' }, 'text', text)).toEqual(['kept']);
    expect(fateIn({ text: 'Continue reading' }, 'text', resolvePipeline({ extends: 'default' }))).toEqual(['boilerplate/read-more']);
    expect(fateIn({ text: 'Home | News | Sport | Weather' }, 'text', pipeline('boilerplate', { menu: false }))).toEqual(['kept']);
    expect(fateIn({ text: 'Filed from the newsroom', html: '<p>Filed from the newsroom</p>', at: 'after' }, 'html', pipeline('html-boilerplate', { 'after-article': false }))).toEqual(['kept']);
  });

  it('refuses an unknown id, with the closest id of the mode', () => {
    const issues = (stage: string, rules: Record<string, boolean>) => {
      try {
        pipeline(stage, rules);
        return [];
      } catch (error) {
        return (error as ConfigError).issues.map((i) => i.message);
      }
    };
    expect(issues('html-boilerplate', { socail: false })).toEqual(['unknown option "socail"; did you mean "social"?']);
    expect(issues('boilerplate', { 'teaser-lists': false })).toEqual(['unknown option "teaser-lists"']);
    expect(issues('html-boilerplate', { 'teaser-lists': false })).toEqual(['unknown option "teaser-lists"; did you mean "teaser-list"?']);
  });
});
