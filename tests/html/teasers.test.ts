import { describe, expect, it } from 'vitest';
import { ARTICLE, blockWith, cleanHtml, page } from './helpers.js';

const STORIES = [
  ['Harbour crane returns after repairs', 'The old crane at the harbour is working again after a winter in the yard.'],
  ['School opens a second library', 'Pupils helped to choose the books for the new reading room on the first floor.'],
  ['Market moves to the square for summer', 'Stalls will stand on the square from June, the traders association said.'],
  ['Cyclists ask for a lane on the ring road', 'A petition with two thousand names was handed to the council on Monday.'],
  ['Museum finds letters of the town founder', 'The letters were hidden behind a panel in the attic of the old mill.'],
];

/** N teasers of one shape: a linked headline and a one-sentence summary each. */
const teasers = (n = STORIES.length) =>
  `<div class="story-grid">${STORIES.slice(0, n)
    .map(([title, summary], k) => `<div class="card card-${k}"><a href="/story/${k}"><h3>${title}</h3></a><p>${summary}</p><span>2 hours ago</span></div>`)
    .join('')}</div>`;

describe('html-boilerplate: teaser lists', () => {
  it('removes a list of teasers after the article, each with rule teaser-list', () => {
    const result = cleanHtml(page(`<div class="content">${ARTICLE}${teasers()}</div>`));
    for (const [, summary] of STORIES) {
      expect(blockWith(result, summary!)).toMatchObject({ kept: false, stage: 'html-boilerplate', rule: 'teaser-list' });
    }
    expect(blockWith(result, STORIES[0]![1]!)!.reason).toContain('5 teasers <div.card.card->');
    expect(result.text).toBe(
      'The river town keeps its old bridge\n\n' +
        'The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.\n\n' +
        'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.\n\n' +
        'Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.\n',
    );
  });

  it('removes teasers whose summary is a full blog excerpt (some 55 words, the length blogs cut them at), their headline a small share of their text', () => {
    const excerpt = (k: number) =>
      `Story ${k} begins where the last council meeting ended, with the harbour master asking for money to dredge the channel before the autumn storms. ` +
      'The council agreed to look at the figures again in the spring, once the engineers have measured how much silt the river has carried down this year, and to ask the ferry company […]';
    const cards = [0, 1, 2, 3]
      .map((k) => `<article class="post"><h3><a href="/story/${k}">What the harbour master asked the council for, part ${k + 1}</a></h3><div class="excerpt"><p>${excerpt(k)}</p></div></article>`)
      .join('');
    expect(excerpt(0).split(/\s+/).length).toBeGreaterThan(55);
    const result = cleanHtml(page(`<div class="content">${ARTICLE}</div><div class="stream">${cards}</div>`));
    expect(blockWith(result, 'Story 2 begins')).toMatchObject({ kept: false, rule: 'teaser-list' });
    expect(result.text).toContain('Work is expected to begin');
  });

  it('does not take a rail of teasers for the main content of a page with a short article', () => {
    const short = `<article><h1>Bridge repairs approved</h1><p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.</p><p>Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.</p></article>`;
    const result = cleanHtml(page(`<div class="layout"><div class="col">${short}</div><div class="col">${teasers()}${teasers()}</div></div>`));
    expect(result.text).toContain('The council decided on Tuesday');
    expect(result.text).toContain('Work is expected to begin');
    expect(result.text).not.toContain('The old crane at the harbour');
  });

  it('keeps the teasers of a listing page, which are its content', () => {
    const result = cleanHtml(page(`<main><h1>Local news</h1>${teasers()}</main>`));
    for (const [, summary] of STORIES) expect(result.text).toContain(summary);
  });

  it('keeps two teasers (no list) and a list whose items are paragraphs of running text', () => {
    const paragraphs = [
      '<a href="/arches">The first phase repairs the arches</a>, which the engineers expect to take most of a year because the work can only be done while the river is low.',
      '<a href="/path">The second phase widens the footpath</a> on the north side, so that prams and wheelchairs can pass each other without stepping into the road.',
      '<a href="/stone">The third phase cleans the stone</a> with water and soft brushes, removing a century of soot without damaging the surface of the old blocks.',
    ].map((item) => `<li>${item}</li>`);
    const result = cleanHtml(page(ARTICLE.replace('</article>', `<ul>${paragraphs.join('')}</ul>${teasers(2)}</article>`)));
    expect(result.text).toContain('The first phase repairs the arches, which the engineers');
    expect(result.text).toContain('The third phase cleans the stone with water');
    expect(blockWith(result, STORIES[0]![1]!)!.rule).not.toBe('teaser-list');
  });
  it('finds the list when each teaser carries classes of its own (its post categories), by the classes most items share', () => {
    const cats = ['local', 'politics', 'culture', 'sport', 'weather'];
    const cards = STORIES.map(([title, summary], k) => `<article class="post post-${k} category-${cats[k]} has-thumbnail"><h2><a href="/story/${k}">${title}</a></h2><p>${summary}</p></article>`).join('');
    const result = cleanHtml(page(`<div class="content">${ARTICLE}</div><div class="stream">${cards}</div>`));
    for (const [, summary] of STORIES) expect(blockWith(result, summary!)).toMatchObject({ kept: false, rule: 'teaser-list' });
    expect(blockWith(result, STORIES[0]![1]!)!.reason).toContain('<article.has-thumbnail.post.post->');
  });

  it('keeps the teasers of a listing page whose only long texts outside them stand apart (a banner, a box of its own)', () => {
    const banner = '<div class="banner"><div class="banner-text"><div>We and our partners store and read information on your device to show you this site, to measure how it is used and to show you offers that suit you, and you can change your choice at any time in the settings at the bottom of every page of the site. Some of our partners process the information on the basis of their legitimate interest, which you can object to in the same settings, and the choice you make here applies to all the sites of the group.</div></div></div>';
    const strip = '<div class="strip"><div class="strip-inner"><div>The paper has been printed in the town since 1871 and is owned by a trust of its readers, who elect its board every year.</div></div></div>';
    const result = cleanHtml(page(`${banner}<div class="wrap"><h1>Local news</h1>${teasers()}${teasers()}</div>${strip}`));
    for (const [, summary] of STORIES) expect(result.text).toContain(summary);
  });
});
