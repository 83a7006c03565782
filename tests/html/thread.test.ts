import { describe, expect, it } from 'vitest';
import { cleanHtml, page } from './helpers.js';

/** Six paragraphs of a long article, in three containers of two (split by the page's layout). */
const ARTICLE_PARTS = [
  ['The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan and the mayor had to ask for quiet twice.',
   'Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing over the river.'],
  ['Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out by a firm from the county town.',
   'Shop owners on both banks had feared that a closure would cost them their customers, and several of them said after the vote that they were relieved the crossing would stay open during the works.'],
  ['The repairs will be paid for by the town and a grant from the regional heritage fund, which had listed the bridge as one of the oldest working stone crossings in the province last year.',
   'A public meeting next month will present the timetable, and the council has promised to publish the engineers full report on its website before the first scaffolding goes up under the arches.'],
];

const REPLY = (k: number) =>
  `<div class="box"><span class="nm">Reader ${k}</span><p>I have walked over this bridge every morning for ${k + 10} years and I am glad it stays, though I worry about the noise of the works near the school, which starts early and ends late in the afternoon on most days of the week.</p></div>`;

describe('html-boilerplate: a long article beside a comment thread', () => {
  it('keeps the article split across containers when a thread of small replies, three times as long, sits in the next column', () => {
    const article = ARTICLE_PARTS.map((ps) => `<div class="text-block">${ps.map((p) => `<p>${p}</p>`).join('')}</div>`).join('<div class="promo"></div>');
    // Class names that say nothing: the thread is found by its shape, not by a "comments" class.
    const thread = `<div class="stream">${Array.from({ length: 16 }, (_, k) => REPLY(k)).join('')}</div>`;
    const result = cleanHtml(page(`<div class="page"><div class="col-a"><h1>Bridge stays</h1>${article}</div><div class="col-b">${thread}</div></div>`));
    for (const ps of ARTICLE_PARTS) for (const p of ps) expect(result.text).toContain(p);
  });
});
