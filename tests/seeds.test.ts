// End to end, one seed at a time, with the default pipeline: the junk each
// seed is known for is gone (with the rule that should take it), every
// article sentence and heading stays, the title appears once, and the
// metadata is right.
import { describe, expect, it } from 'vitest';
import { blockWithText, cleanSeed, count, fates } from './helpers/seeds.js';

/** Every removed block is accounted for, and every kept block is in the text verbatim. */
function expectProvenance(cleaned: ReturnType<typeof cleanSeed>) {
  const { text, sidecar } = cleaned;
  for (const b of sidecar.blocks) {
    if (b.kept) expect(text.slice(b.out[0], b.out[1])).toBe(b.text);
    else expect(b.reason.length).toBeGreaterThan(10);
  }
  expect(sidecar.stats.kept + sidecar.stats.removed).toBe(sidecar.blocks.length);
}

describe('seed 000: menu lines, headings, bio, related header', () => {
  const c = cleanSeed('000');
  it('removes the two "close" lines and the "Related Posts" header', () => {
    expect(fates(c, 'close')).toEqual(['boilerplate/navigation', 'boilerplate/navigation']);
    expect(fates(c, 'Related Posts')).toEqual(['boilerplate/related']);
    expect(c.text).not.toMatch(/^close$/m);
  });
  it('keeps the title once, every heading and the author bio', () => {
    expect(c.text.startsWith('Eastern Giants Unite: Iran-Russia Strategic Partnership\n\nTEHRAN – Under the dynamic leadership')).toBe(true);
    expect(count(c.text, 'Eastern Giants Unite')).toBe(1);
    for (const heading of ['From Tehran to Moscow', 'Unbreakable Alliance: Strengthening Iran’s Enduring Partnership with the Eastern Bloc', 'Iranian Strategic Sovereignty: Pride, Wisdom and Benefit']) {
      expect(fates(c, heading)).toEqual(['kept']);
    }
    expect(c.text).toMatch(/\n\nMohammad Ali Senobari is Director and Editor-in-Chief of the New Vision Center[^\n]*\n$/);
  });
  it('keeps every paragraph of the article', () => {
    expect(c.sidecar.stats).toMatchObject({ blocks: 26, kept: 23, removed: 3 });
  });
  it('extracts the title and language', () => {
    expect(c.sidecar.meta).toMatchObject({ title: 'Eastern Giants Unite: Iran-Russia Strategic Partnership', lang: 'en', author: null, date: null });
    expectProvenance(c);
  });
});

describe('seed 001: one line per paragraph, nothing to remove', () => {
  const c = cleanSeed('001');
  it('keeps every line as its own paragraph, list items included', () => {
    expect(c.sidecar.stats).toMatchObject({ blocks: 15, kept: 15, removed: 0 });
    expect(c.text).toContain('\n\n- The North-South Corridor, which is currently underway.\n\n- The plan to transfer Russian gas to Iran');
    expect(blockWithText(c, '- The North-South Corridor, which is currently underway.').kind).toBe('list-item');
  });
  it('reads the first line as the title', () => {
    expect(c.sidecar.meta.title).toBe('Iran and Russia Forge Strategic Alliance Amidst Regional Challenges');
    expectProvenance(c);
  });
});

describe('seed 002: dateline, byline with a non-breaking space, comment widget', () => {
  const c = cleanSeed('002');
  it('moves the dateline and byline to metadata', () => {
    expect(c.sidecar.meta).toMatchObject({ author: 'Xavier Villar', date: '2024-12-29', title: "Iran and Russia: a strategic alliance under Pezeshkian's presidency" });
    expect(fates(c, 'Sunday, December 29, 2024')).toEqual(['metadata/dateline']);
    expect(fates(c, 'By Xavier Villar')).toEqual(['metadata/byline']);
  });
  it('removes "No comments:" and "Post a Comment"', () => {
    expect(fates(c, 'No comments:')).toEqual(['boilerplate/comments']);
    expect(fates(c, 'Post a Comment')).toEqual(['boilerplate/comments']);
    expect(c.text).not.toContain('Post a Comment');
  });
  it('keeps the whole article, from the first to the last paragraph', () => {
    expect(c.text.startsWith("Iran and Russia: a strategic alliance under Pezeshkian's presidency\n\nMADRID – Iran's ambassador to Moscow")).toBe(true);
    expect(c.text).toMatch(/\n\nFinally, it is worth noting that, although during the election campaign[^\n]*\n$/);
    expect(c.sidecar.stats).toMatchObject({ blocks: 36, kept: 32, removed: 4 });
    expectProvenance(c);
  });
});

describe('seed 003: switcher, social prompt, repeated title, pull quote, related list', () => {
  const c = cleanSeed('003');
  it('removes the language switcher and the social prompt', () => {
    expect(fates(c, 'EN|FR|RU')).toEqual(['boilerplate/language-switcher']);
    expect(fates(c, 'Follow us on:')).toEqual(['boilerplate/social']);
  });
  it('keeps the title once and records the repeats as duplicates of it', () => {
    const title = 'Russia-Iran Comprehensive Strategic Partnership Treaty';
    expect(fates(c, title)).toEqual(['kept', 'dedupe/repeated-title', 'dedupe/repeated-title']);
    const first = blockWithText(c, title);
    for (const b of c.sidecar.blocks.filter((x) => x.text === title && !x.kept)) expect(!b.kept && b.duplicateOf).toBe(first.i);
    expect(count(c.text, title)).toBe(1);
  });
  it('keeps the pull quote once, inside its paragraph', () => {
    const quote = c.sidecar.blocks.find((b) => !b.kept && b.rule === 'pull-quote');
    expect(quote?.text).toMatch(/^This overlapping of interests and strategic thought/);
    expect(count(c.text, 'This overlapping of interests and strategic thought')).toBe(1);
  });
  it('reads author and date from "Simon Westwood, January 20, 2025"', () => {
    expect(c.sidecar.meta).toMatchObject({ author: 'Simon Westwood', date: '2025-01-20' });
    expect(fates(c, 'Simon Westwood, January 20, 2025')).toEqual(['metadata/byline']);
  });
  it('removes "More on this topic" and the five headlines under it, keeps headings and bio', () => {
    expect(fates(c, 'More on this topic')).toEqual(['boilerplate/related']);
    expect(fates(c, 'Syria Today, Iran Tomorrow, and Inevitably China')).toEqual(['boilerplate/related']);
    expect(c.sidecar.stats.removedBy['boilerplate/related']).toBe(6);
    for (const heading of ['Iran’s Foreign Policy', 'International Geopolitical Environment', 'Analysis and Arguments', 'Conclusions']) expect(fates(c, heading)).toEqual(['kept']);
    expect(c.text).toMatch(/\n\nSimon Westwood – is a Masters student[^\n]*\n$/);
    expectProvenance(c);
  });
  it('drops the whitespace-only line instead of making it a block', () => {
    expect(c.sidecar.blocks.every((b) => b.text.trim() !== '')).toBe(true);
  });
});

describe('seed 004: site header, menu, glossary box, related, tags, comments, gallery', () => {
  const c = cleanSeed('004');
  it('removes the site header, menu lines and bare domain', () => {
    expect(fates(c, 'Alwaght | News & Analysis Website')).toEqual(['boilerplate/site-header']);
    expect(fates(c, "Editor's Choice")).toEqual(['boilerplate/navigation']);
    expect(fates(c, 'Day Week Month')).toEqual(['boilerplate/related']);
    expect(fates(c, 'alwaght.net')).toEqual(['boilerplate/site-name']);
  });
  it('removes the whole glossary box: terms, their repeats and definitions', () => {
    expect(fates(c, 'Taliban')).toEqual(['boilerplate/glossary', 'boilerplate/glossary']);
    expect(fates(c, 'New node')).toEqual(['boilerplate/glossary', 'boilerplate/glossary']);
    expect(c.sidecar.stats.removedBy['boilerplate/glossary']).toBe(33);
    expect(c.text).not.toContain('Zaidi Shiite movement');
    expect(c.text).not.toContain('Map of Latest Battlefield');
  });
  it('keeps the title once; the dateline goes to metadata', () => {
    const title = 'Iran-Russia Strategic Pact: What Does it Mean for the Two Actors?';
    expect(fates(c, title)).toEqual(['kept', 'dedupe/repeated-title']);
    expect(c.text.startsWith(`${title}\n\nAlwaght- While only a few days are left`)).toBe(true);
    expect(c.sidecar.meta).toMatchObject({ title, date: '2025-01-19', site: 'alwaght.net', lang: 'en' });
  });
  it('removes the related header and its headline before the article', () => {
    expect(fates(c, 'Related Content')).toEqual(['boilerplate/related']);
    expect(fates(c, 'Iran and Russia Sign Comprehensive Strategic Partnership Pact')).toEqual(['boilerplate/related']);
  });
  it('keeps one of the two near-duplicate paragraphs and points at it', () => {
    const dup = c.sidecar.blocks.find((b) => !b.kept && b.rule === 'near-duplicate');
    expect(dup?.text).toMatch(/^Habibullah Abbas, the chief of public affairs/);
    const kept = c.sidecar.blocks.find((b) => b.text.startsWith('Habibollah Abbasi, the Director General'));
    expect(kept?.kept).toBe(true);
    expect(dup && !dup.kept && dup.duplicateOf).toBe(kept?.i);
  });
  it('removes tags, the comment form and the gallery with its captions', () => {
    expect(fates(c, 'Tags :')).toEqual(['boilerplate/tags']);
    expect(fates(c, 'Iran Russia Strategic Pact Energy Trump Sanctions')).toEqual(['boilerplate/tags']);
    for (const line of ['Comments', 'Name :', 'Email :', '* Text :', 'Send']) expect(fates(c, line)).toEqual(['boilerplate/comments']);
    for (const line of ['Gallery', 'Photo', 'Film']) expect(fates(c, line)).toEqual(['boilerplate/gallery']);
    expect(c.text).not.toContain('Palestinian prisoner exchange');
  });
  it('keeps every heading and the last paragraph of the article', () => {
    for (const heading of ['Strategic agreement, a new chapter in the history of Iranian-Russian relations', 'Neutralizing sanctions and increasing trade with implementation of the agreement', "Signig the strategic pact ahead of Trump's inauguration"]) {
      expect(fates(c, heading)).toEqual(['kept']);
    }
    expect(c.text).toMatch(/\n\nIn a world drifting to a multipolar system, strategic Iranian-Russian alliance is a smart[^\n]*\n$/);
    expect(c.sidecar.stats).toMatchObject({ blocks: 84, kept: 26 });
    expectProvenance(c);
  });
});
