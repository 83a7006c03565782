import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../../src/config/pipeline.js';
import { clean, processDocument } from '../../src/engine/clean.js';
import { silentLogger } from '../../src/log.js';
import { Stats } from '../../src/stages/types.js';
import { ARTICLE, blockWith, cleanHtml, page } from './helpers.js';

const KEPT = ['The council decided on Tuesday', 'Engineers had warned', 'Work is expected to begin'];

/** One widget per category: [category, markup, text that must go]. */
const CASES: Array<[string, string, string]> = [
  ['navigation', '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>', 'Home'],
  ['navigation', '<div role="navigation"><a href="/a">Startseite</a> <a href="/b">Politik</a></div>', 'Startseite'],
  ['header', '<header class="site-header"><div class="logo">Example Gazette</div></header>', 'Example Gazette'],
  ['footer', '<footer><p>Imprint and privacy for this site</p></footer>', 'Imprint and privacy'],
  ['sidebar', '<aside><h3>About this blog</h3><p>Short notes.</p></aside>', 'About this blog'],
  ['related', '<div class="related-posts"><h3>You may also like</h3><ul><li>Another story about bridges</li></ul></div>', 'Another story about bridges'],
  ['comments', '<section id="comments"><h3>2 Kommentare</h3><div class="comment-body"><p>Great piece, thanks for writing it!</p></div></section>', 'Great piece, thanks'],
  ['social', '<div class="share-buttons"><span>Share on Facebook</span><span>Tweet</span></div>', 'Share on Facebook'],
  ['newsletter', '<div class="newsletter-signup"><p>Get our weekly digest in your inbox</p></div>', 'weekly digest'],
  ['cookie', '<div id="cookie-banner"><p>We use cookies to improve your experience.</p></div>', 'We use cookies'],
  ['ads', '<div class="ad-slot"><span>Advertisement</span></div>', 'Advertisement'],
  ['breadcrumbs', '<ol class="breadcrumb"><li>Home</li><li>Local</li></ol>', 'Local'],
  ['pagination', '<div class="pagination"><span>Page 1 of 3</span></div>', 'Page 1 of 3'],
  ['author-box', '<div class="author-box"><p>Jane Doe writes about towns.</p></div>', 'Jane Doe writes'],
  ['form', '<form><p>Your e-mail address (required)</p><input name="mail"><p>Postcode</p><input name="zip"></form>', 'Your e-mail address'],
];

describe('html-boilerplate: selector categories', () => {
  for (const [category, markup, needle] of CASES) {
    it(`removes ${category} (${needle})`, () => {
      // Widgets that belong inside the article go there; page furniture around it.
      const inside = ['form', 'related', 'comments', 'social', 'newsletter', 'ads', 'author-box', 'pagination'].includes(category);
      const html = inside ? page(ARTICLE.replace('</article>', `${markup}</article>`)) : page(`${markup}<main>${ARTICLE}</main>`);
      const result = cleanHtml(html);
      const block = blockWith(result, needle);
      expect(block, needle).toBeDefined();
      expect(block!.kept).toBe(false);
      expect(block).toMatchObject({ stage: 'html-boilerplate', rule: category });
      for (const text of KEPT) expect(result.text).toContain(text);
    });
  }

  it('drops scripts, styles, hidden elements and form controls before segmenting', () => {
    const html = page(`<script>var x = "script text";</script><style>p{}</style><div hidden>hidden text</div>
      <div style="display: none">invisible text</div><select><option>Option text</option></select>${ARTICLE}`);
    const result = cleanHtml(html);
    for (const needle of ['script text', 'hidden text', 'invisible text', 'Option text']) expect(blockWith(result, needle)).toBeUndefined();
    expect(result.text).toContain('Engineers had warned');
  });

  it('keeps headings, lists, tables, quotes and code that belong to the article', () => {
    const body = ARTICLE.replace(
      '</article>',
      `<h2>What changes</h2><ul><li>New mortar in the arches</li><li>A wider footpath</li></ul>
       <table><tr><th>Phase</th><th>Months</th></tr><tr><td>Arches</td><td>14</td></tr></table>
       <blockquote>We are keeping a piece of our history, said the mayor.</blockquote><pre>load = 12 t</pre></article>`,
    );
    const result = cleanHtml(page(`<nav><a href="/">Home</a><a href="/x">Sport</a></nav>${body}`));
    for (const text of ['What changes', 'New mortar in the arches', 'Arches | 14', 'keeping a piece of our history', 'load = 12 t']) {
      expect(result.text).toContain(text);
    }
    expect(blockWith(result, 'Arches | 14')!.kind).toBe('table-row');
  });

  it('removes what lies outside the main content, with the reason', () => {
    const html = page(`<div class="wrap"><div class="col">${ARTICLE}</div><div class="col2"><p>Top stories</p><p>Weather: 12°</p></div></div>`);
    const block = blockWith(cleanHtml(html), 'Weather: 12°')!;
    expect(block).toMatchObject({ kept: false, stage: 'html-boilerplate', rule: 'outside-main' });
    expect(block.reason).toMatch(/outside the main content/);
  });

  it('reads the class of a paragraph only when it names a pitch, a label or an author box', () => {
    const html = page(
      ARTICLE.replace('<h1>', '<p class="teaser">A lead paragraph that sums up the repair of the old bridge for the reader in one sentence.</p><h1>')
        .replace('</article>', `<p class="newsletter-promo">Get the Gazette by email and never miss a story.</p>
          <p class="text regwalled">The rest of the story goes on behind a registration wall, but it is still the article.</p>
          <div class="post-author__bio"><p>John Roe edits the Gazette's pages on rivers, canals and the boats that use them.</p></div>
          <div class="herald-author"><p>Jane Doe has covered the river towns for twenty years and lives by the water.</p></div></article>`),
    );
    const result = cleanHtml(html);
    expect(blockWith(result, 'never miss a story')).toMatchObject({ kept: false, rule: 'newsletter' });
    expect(blockWith(result, 'Jane Doe has covered')).toMatchObject({ kept: false, rule: 'author-box' });
    expect(blockWith(result, 'John Roe edits')).toMatchObject({ kept: false, rule: 'author-box' });
    expect(result.text).toContain('A lead paragraph that sums up');
    expect(result.text).toContain('behind a registration wall');
  });

  it('removes a long caption, but keeps a slideshow told in its captions', () => {
    const caption =
      'The old stone bridge seen from the north bank on a winter morning, with the scaffolding of the first repairs already in place under the second arch and a crowd of residents who came to watch the work.';
    const withCaption = cleanHtml(page(ARTICLE.replace('</h1>', `</h1><figure><img src="b.jpg"><figcaption>${caption}</figcaption></figure>`)));
    expect(blockWith(withCaption, 'seen from the north bank')).toMatchObject({ kept: false, rule: 'caption' });

    const slides = [
      'In January the engineers closed the bridge to cars and put up scaffolding under the first arch, while pedestrians could still cross on a narrow path.',
      'By March the divers had inspected the foundations in the river bed and found them sound, which saved the town the most expensive part of the plan.',
      'In the spring the masons replaced the crumbling mortar of the arches with a lime mix that matches the one used by the builders two centuries ago.',
      'The bridge reopened in the summer with a wider footpath, new lamps and a plaque that names everyone who worked on the repairs during the year.',
    ]
      .map((text, n) => `<figure><img src="${n}.jpg"><figcaption>${text}</figcaption></figure>`)
      .join('');
    const slideshow = cleanHtml(page(`<article><h1>The bridge in pictures</h1>${slides}</article>`));
    expect(slideshow.text).toContain('the masons replaced the crumbling mortar');
  });

  it("keeps the article's lead from its header, far from the main content", () => {
    const body = ARTICLE.replace('<article class="post">', '<div class="story-body">').replace('</article>', '</div>').replace(/<h1>.*<\/h1>/, '');
    const html = page(`<div class="page"><div class="article-head"><div class="row"><div class="col"><h1>The river town keeps its old bridge</h1>
      <div class="meta"><span>By Jane Doe</span></div><div class="intro"><p>After two years of debate the council chose repair over a new crossing, and the works start this autumn.</p></div></div></div></div>
      <div class="row"><div class="col"><div class="wrap"><div class="inner">${body}</div></div></div></div></div>`);
    const result = cleanHtml(html);
    expect(result.text).toContain('After two years of debate');
  });

  it('keeps the article text behind a paywall class, removes the pitch', () => {
    const html = page(
      ARTICLE.replace('<p>Work is', '<div class="paywall-content"><p>Work is').replace('</article>', '</div><div class="paywall-prompt"><p>Subscribe to read on.</p></div></article>'),
    );
    const result = cleanHtml(html);
    expect(result.text).toContain('Engineers had warned');
    expect(result.text).toContain('Work is expected to begin');
    expect(blockWith(result, 'Subscribe to read on')).toMatchObject({ kept: false, rule: 'newsletter' });
  });

  it('removes a consent panel that outweighs a short post, but not a page wrapper with a consent class', () => {
    const panel = Array.from({ length: 4 }, (_, k) =>
      `<div class="pc-group"><h3>Purpose ${k + 1}</h3><p>When you visit the site it may store or read information in your browser, mostly to make the site work as you expect it to, and to measure how the pages are used over time.</p></div>`,
    ).join('');
    const post = '<main><h1>Fan noise after the update</h1><p>Since the last update the fan of my case spins up every few minutes even when the machine is idle. Has anyone else seen this?</p></main>';
    const result = cleanHtml(page(`${post}<div id="consent-sdk"><div class="pc-center"><h2>Privacy preferences</h2>${panel}</div></div>`));
    expect(result.text).toContain('Since the last update the fan');
    expect(result.text).not.toContain('may store or read information');
    expect(blockWith(result, 'may store or read information')).toMatchObject({ kept: false, rule: 'cookie' });
    // The same class on a wrapper of the whole page (its <main> inside) names no panel.
    const wrapped = cleanHtml(page(`<div class="consent-given">${ARTICLE.replace('<article class="post">', '<main>').replace('</article>', '</main>')}</div>`));
    for (const text of KEPT) expect(wrapped.text).toContain(text);
  });

  it("keeps a forum thread whose posts are marked up as comments, when no article stands outside them", () => {
    const posts = [
      'Since the last update the fan of my case spins up every few minutes even when the machine is idle, and it stays loud for a minute or two before it settles again.',
      'I had the same after the update: the new firmware changed the fan curve, and setting it back to the quiet profile in the settings fixed it for me within a day.',
      'Thanks, the quiet profile did it. The fan now only spins up when I start a game, which is what it did before, so I think the update simply reset my choice.',
    ].map((text, k) => `<div class="comment" id="comment-${k}"><div class="comment-author">user${k}</div><div class="comment-body"><p>${text}</p></div></div>`);
    const thread = cleanHtml(page(`<main><h1>Fan noise after the update</h1><div class="topic">${posts.join('')}</div></main>`));
    expect(thread.text).toContain('Since the last update the fan');
    expect(thread.text).toContain('the quiet profile did it');
    // Beside an article, the same posts are its comments.
    const article = cleanHtml(page(ARTICLE.replace('</article>', `</article><section class="topic">${posts.join('')}</section>`)));
    for (const text of KEPT) expect(article.text).toContain(text);
    expect(blockWith(article, 'the quiet profile did it')).toMatchObject({ kept: false, rule: 'comments' });
  });

  it('removes an ad written with Cyrillic look-alike letters', () => {
    const ad = 'Аdvеrtіѕе wіth thе most visited news site in town. Wе оffеr fullу сuѕtоmіzаblе mаrkеtіng расkаgеѕ.';
    const result = cleanHtml(page(ARTICLE.replace('</article>', `<p>${ad}</p></article>`)));
    expect(blockWith(result, 'visited news site')).toMatchObject({ kept: false, rule: 'ads' });
    for (const text of KEPT) expect(result.text).toContain(text);
  });

  it('does not take an "author-article" for an author box', () => {
    const result = cleanHtml(page(ARTICLE.replace('<article class="post">', '<article class="author-article">')));
    expect(result.text).toContain('Engineers had warned');
  });

  it('removes widget sentences inside the article, as text mode does, Polish and French included', () => {
    const html = page(
      ARTICLE.replace('</p>', '</p><p>Czytaj też: Most w innym mieście</p><p>Publicité</p><div>Meistgelesene Artikel</div><p>Dowiedz się więcej: Most w Krakowie</p>').replace(
        '</article>',
        '<p>Follow The Gazette on Twitter and Facebook for more local news.</p><p>Sie sind aktuell nicht eingeloggt.</p></article>',
      ),
    );
    const result = cleanHtml(html);
    expect(blockWith(result, 'Czytaj też')).toMatchObject({ kept: false, rule: 'related' });
    expect(blockWith(result, 'Follow The Gazette')).toMatchObject({ kept: false, rule: 'reader-prompt' });
    expect(blockWith(result, 'Publicité')).toMatchObject({ kept: false, rule: 'ads' });
    expect(blockWith(result, 'nicht eingeloggt')).toMatchObject({ kept: false, rule: 'comments' });
    expect(blockWith(result, 'Meistgelesene Artikel')).toMatchObject({ kept: false, rule: 'related' });
    expect(blockWith(result, 'Dowiedz się więcej')).toMatchObject({ kept: false, rule: 'related' });
    for (const text of KEPT) expect(result.text).toContain(text);
  });

  it('does not take CMS taxonomy classes for boilerplate (category-newsletter on the article)', () => {
    const html = page(ARTICLE.replace('<article class="post">', '<article class="post category-newsletter tag-social">'));
    expect(cleanHtml(html).text).toContain('Engineers had warned');
  });

  it('spans point into the decoded HTML source', () => {
    const html = page(ARTICLE);
    const result = cleanHtml(html);
    const block = blockWith(result, 'Engineers had warned')!;
    expect(html.slice(block.span[0], block.span[1])).toMatch(/^<p>Engineers had warned.*<\/p>$/s);
  });
});

describe('html-boilerplate: person boxes (author bios)', () => {
  const BIO = 'Jane Doe has covered the harbour, its ferries and its long quarrels for twenty years, and still lives by the water.';
  const box = `<div class="profile-card"><img src="jane.jpg" alt="Jane Doe"><h4><a href="/people/jane">Jane Doe</a></h4><p>${BIO}</p></div>`;

  it('removes a box after the article that presents a person (avatar named like its link) with a short blurb', () => {
    const result = cleanHtml(page(ARTICLE.replace('</article>', `${box}</article>`)));
    expect(blockWith(result, 'Jane Doe has covered')).toMatchObject({ kept: false, rule: 'person-box' });
    for (const text of KEPT) expect(result.text).toContain(text);
  });

  it('removes a schema.org Person box without an avatar', () => {
    const marked = `<section class="writer" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Jane Doe</span><p>${BIO}</p></section>`;
    const result = cleanHtml(page(ARTICLE.replace('</article>', `${marked}</article>`)));
    expect(blockWith(result, 'Jane Doe has covered')).toMatchObject({ kept: false, rule: 'person-box' });
  });

  it("removes a box without avatar or markup whose heading names the page's byline author, though a hidden copy shares its shape", () => {
    const writer = (cls: string) => `<div class="${cls}"><div class="writer"><h3>Written by<span>Jane Doe</span></h3><p>${BIO}</p></div></div>`;
    const withByline = ARTICLE.replace('</h1>', '</h1><div class="meta">Written by Jane Doe</div>').replace('</article>', `${writer('box')}${writer('hidden')}</article>`);
    const result = cleanHtml(page(withByline));
    expect(result.sidecar.blocks.filter((b) => b.text.includes('Jane Doe has covered')).map((b) => b.kept)).toEqual([false, false]);
    expect(blockWith(result, 'Jane Doe has covered')).toMatchObject({ kept: false, rule: 'person-box' });
    // Without the byline, the same box names nobody the page knows: it stays.
    const anonymous = cleanHtml(page(ARTICLE.replace('</article>', `${writer('box')}</article>`)));
    expect(blockWith(anonymous, 'Jane Doe has covered')?.kept).toBe(true);
  });

  it('keeps a feature box whose picture is named like its heading when its lines sit in a row of same-shaped cards', () => {
    const step = (title: string, line: string) => `<div class="step"><img src="icon.png" class="icon"><div><p class="title">${title}</p><p>${line}</p></div></div>`;
    const features =
      '<section class="how-it-works"><a href="/video"><img src="video.png" alt="How the Ferry Pass Works"></a><h2>How the Ferry Pass Works</h2><div class="steps">' +
      step('Plan the trip', 'Pick the crossings you need for the week ahead, first boat to last.') +
      step('Pay once', 'One payment covers every crossing of the week on the harbour line.') +
      step('Board', 'Show the pass on your phone at the gangway and walk on board.') +
      '</div></section>';
    const more =
      '<p>The ferry company says the weekly pass will cost less than four single tickets, and that it hopes more commuters will leave their cars on the far side of the harbour.</p>' +
      '<p>Passengers who travel only at weekends will keep their old tickets, which stay valid until the end of the year, the company said in a statement on Friday evening.</p>';
    const result = cleanHtml(page(ARTICLE.replace('</article>', `${more}${features}</article>`)));
    for (const line of ['Pick the crossings you need', 'One payment covers every crossing', 'Show the pass on your phone']) {
      expect(blockWith(result, line)?.rule).not.toBe('person-box');
    }
  });

  it('keeps the same box when the article goes on after it, and keeps repeated boxes (a thread of posts)', () => {
    const before = cleanHtml(page(ARTICLE.replace('</h1>', `</h1>${box}`)));
    expect(blockWith(before, 'Jane Doe has covered')?.kept).toBe(true);
    const reply = box.replace(BIO, 'John Roe thinks the ferries should run at night as well, since the quay will be lit and the road is quiet then.').replace(/Jane Doe/g, 'John Roe');
    const thread = cleanHtml(page(ARTICLE.replace('</article>', `${box}${reply}</article>`)));
    expect(blockWith(thread, 'John Roe thinks')?.kept).toBe(true);
  });
});

describe('html-boilerplate: a page the selector groups would empty', () => {
  // A listing whose every item carries a "teaser" class (read as related content), beside a big menu.
  const items = Array.from({ length: 30 }, (_, k) => `<li class="view-mode--teaser"><h3>Oak garden bench number ${k + 1}</h3><span>Seats three, 120 cm wide</span><span>€${100 + k}.00</span></li>`).join('');
  const mega = '<nav class="mega-menu"><ul>' + Array.from({ length: 60 }, (_, k) => `<li><a href="/c/${k}">Garden furniture category ${k} and more</a></li>`).join('') + '</ul></nav>';
  const listing = page(`${mega}<h1>Garden benches</h1><ul>${items}</ul>`);
  const withFallback = (on: boolean) =>
    clean(listing, { format: 'html', path: 'page.html', pipeline: resolvePipeline({ extends: 'default', stages: [['html-boilerplate', { emptyFallback: on }]] }) });

  it('decides again without the groups when a class word took the whole page, and keeps the menu out', () => {
    const result = cleanHtml(listing);
    expect(result.text).toContain('Oak garden bench number 17');
    expect(result.text).toContain('€129.00');
    expect(result.text).not.toContain('Garden furniture category 12');
    expect(withFallback(false).text).not.toContain('Oak garden bench number 17');
    expect(withFallback(true).text).toBe(result.text);
  });

  it('counts only the decisions that stand: the fallback, not the first pass it undid', () => {
    const stats = new Stats();
    processDocument(new TextEncoder().encode(listing), { path: 'page.html', format: 'html' }, resolvePipeline({ extends: 'default' }), { logger: silentLogger, stats });
    expect(stats.counts.get('html-boilerplate.empty-fallback')).toBe(1);
    // The first pass removed the teaser items as related content; the fallback kept them.
    expect(stats.counts.get('html-boilerplate.related')).toBeUndefined();
    expect(stats.counts.get('html-boilerplate.documents')).toBe(1);
  });

  it('leaves empty a page that is all footer (no content of its own)', () => {
    const lines = Array.from({ length: 80 }, (_, k) => `<p>Example Shop branch ${k + 1}, open Monday to Friday</p>`).join('');
    const footer = cleanHtml(page(`<h1>Example Shop</h1><footer class="site-footer">${lines}</footer>`));
    expect(footer.text).not.toContain('Example Shop branch 12');
  });
});
