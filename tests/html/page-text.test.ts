import { describe, expect, it } from 'vitest';
import { ARTICLE, blockWith, cleanHtml, page } from './helpers.js';

/** The ARTICLE with `extra` markup before its closing tag. */
const withInArticle = (extra: string) => page(ARTICLE.replace('</article>', `${extra}</article>`));

describe('HTML text: what the page shows, not its markup', () => {
  it('never lets the markup of a <noscript> tracking pixel reach the clean text, escaped or not', () => {
    const result = cleanHtml(
      withInArticle(
        '<noscript><img height="1" width="1" style="display:none" src="https://px.example/tr?id=1&amp;ev=PageView"/></noscript>' +
          '<noscript>&lt;img height="1" width="1" src="https://px.example/pixel.gif"&gt;</noscript>',
      ),
    );
    expect(result.text).not.toMatch(/<img|px\.example/);
    expect(result.sidecar.blocks.map((b) => b.text).join(' ')).not.toContain('<img');
    expect(result.text).toContain('Work is expected to begin');
  });

  it('keeps the readable text of a <noscript> whose content was escaped', () => {
    const result = cleanHtml(
      withInArticle('<noscript>&lt;p&gt;The footbridge beside the old crossing will also be repainted in the colours it had when it opened.&lt;/p&gt;</noscript>'),
    );
    expect(result.text).toContain('\n\nThe footbridge beside the old crossing will also be repainted in the colours it had when it opened.\n');
  });

  it('reads a hidden <body> that holds the page (a wrapper a script reveals) but not a small hidden <body> beside the page text', () => {
    const para = 'The council voted on Tuesday to repair the old stone bridge rather than replace it, after a long debate.';
    const hiddenPage = cleanHtml(`<!doctype html><html lang="en"><head><title>T</title></head><body hidden><article><p>${para}</p></article></body></html>`);
    expect(hiddenPage.text).toContain('stone bridge');
    // Broken markup: the page's text after a small hidden <body> (htmlparser2 keeps it outside); that <body> goes like any hidden element.
    const nested = cleanHtml(
      `<!doctype html><html lang="en"><head><title>T</title></head><body hidden><p>Preview of the members area for subscribers only.</p></body><article><p>${para}</p><p>${para.replace('stone', 'iron')}</p></article></html>`,
    );
    expect(nested.text).toContain('stone bridge');
    expect(nested.sidecar.blocks.map((b) => b.text).join(' ')).not.toContain('members area');
  });

  it('reads ruby text without its readings (<rt>) and their parentheses (<rp>)', () => {
    const result = cleanHtml(
      (
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body><article><h1>古い橋</h1><p>町議会は火曜日、古い石の橋を架け替えるのではなく修理することを決めた。<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>で書かれた古い記録によると、この橋は三百年前に建てられたという。工事は秋に始まる予定で、歩行者は工事中もほとんどの期間橋を渡ることができる。</p></article></body></html>`
      ),
    );
    expect(result.text).toContain('漢字で書かれた古い記録によると');
    expect(result.text).not.toContain('かんじ');
  });

  it('keeps the lines and indentation of a <pre> (blank lines inside it dropped)', () => {
    const result = cleanHtml(withInArticle('<pre><code>function load(span) {\n  return span * 12;\n\n}</code></pre>'));
    expect(blockWith(result, 'function load')).toMatchObject({ kind: 'code', kept: true, text: 'function load(span) {\n  return span * 12;\n}' });
    expect(result.text).toContain('\n\nfunction load(span) {\n  return span * 12;\n}\n');
  });

  it('reads <br> inside a <pre> as a line break', () => {
    const result = cleanHtml(withInArticle('<pre>span = 12 m<br>load = 40 t</pre>'));
    expect(blockWith(result, 'span = 12 m')!.text).toBe('span = 12 m\nload = 40 t');
  });

  it("reads the hidden <div id=\"S:0\"> of React's streaming render (the page's script shows it), but no other hidden element", () => {
    const streamed = ARTICLE.replace('<article class="post">', '<article>');
    const result = cleanHtml(page(`<div id="root"><template id="B:0"></template></div><div hidden>Hidden menu text</div><div hidden id="S:0">${streamed}</div>`));
    expect(result.text).toContain('The council decided on Tuesday');
    expect(result.text).toContain('Work is expected to begin');
    expect(result.sidecar.blocks.some((b) => b.text.includes('Hidden menu text'))).toBe(false);
  });

  it('reads the collapsed panels of an accordion and their trigger buttons, which a plain button or a modal dialog does not get', () => {
    const result = cleanHtml(
      withInArticle(
        '<h2>Questions</h2><div class="accordion">' +
          '<h3><button type="button" aria-expanded="false" aria-controls="answer-1">Can cyclists still cross during the works?</button></h3>' +
          '<div id="answer-1" class="accordion__panel" aria-hidden="true" hidden>Yes: a lane on the north side of the bridge stays open to cyclists and pedestrians, except on two weekends in October when the arches are lifted.</div>' +
          '</div><button type="button" class="print">Print this page</button>' +
          '<button aria-controls="leaving" class="external">Visit the contractor</button>' +
          '<div id="leaving" class="modal" role="dialog" aria-hidden="true"><p>You are now leaving the website of the Example Gazette, which is not responsible for the content of other sites.</p></div>',
      ),
    );
    expect(result.text).toContain('\n\nCan cyclists still cross during the works?\n');
    expect(blockWith(result, 'a lane on the north side')).toMatchObject({ kept: true });
    const blocks = result.sidecar.blocks.map((b) => b.text).join('\n');
    expect(blocks).not.toContain('Print this page');
    expect(blocks).not.toContain('You are now leaving');
    expect(result.text).toContain('Work is expected to begin');
  });

  it('reads an accordion panel whose hidden element is a collapse wrapper around it, not the panel itself', () => {
    const result = cleanHtml(
      withInArticle(
        '<div class="accordion-item"><h3><button type="button" aria-expanded="false" aria-controls="panel-7">How long will the works last?</button></h3>' +
          '<div class="collapse" style="overflow:hidden;display:none;height:0px"><div role="region" id="panel-7"><p>About two years: the arches are repaired one at a time, so the bridge never closes for more than a weekend.</p></div></div></div>' +
          '<div class="drawer" style="display:none"><div id="not-a-panel"><p>A drawer that no control opens, with a line the page never shows anyone.</p></div></div>',
      ),
    );
    expect(blockWith(result, 'About two years')).toMatchObject({ kept: true });
    expect(result.sidecar.blocks.map((b) => b.text).join('\n')).not.toContain('A drawer that no control opens');
  });

  it('reads the hidden panels of a tab set (role="tabpanel")', () => {
    const result = cleanHtml(
      withInArticle(
        '<div role="tablist"><button role="tab" aria-selected="true">Summer</button><button role="tab" aria-selected="false">Winter</button></div>' +
          '<section role="tabpanel"><p>In summer the footpath under the arches is open from seven in the morning until nine in the evening.</p></section>' +
          '<section role="tabpanel" style="display: none"><p>In winter the footpath under the arches closes at dusk, and it stays shut when the river is in flood.</p></section>',
      ),
    );
    expect(result.text).toContain('In summer the footpath');
    expect(blockWith(result, 'In winter the footpath')).toMatchObject({ kept: true });
  });

  it('reads a page wrapper hidden until its script runs (it holds most of the text), but still drops the hidden widgets inside it', () => {
    const menu = '<div class="drawer" style="display:none"><p>Drawer text the reader never sees until the menu button is pressed.</p></div>';
    const wrapped = page(`<div id="app" style="visibility:hidden">${ARTICLE.replace('</h1>', `</h1>${menu}`)}</div>`);
    const result = cleanHtml(wrapped);
    expect(result.text).toContain('The council decided on Tuesday');
    expect(result.text).toContain('Work is expected to begin');
    expect(result.sidecar.blocks.map((b) => b.text).join('\n')).not.toContain('Drawer text');
    // The same when the page was saved with a modal open (the wrapper aria-hidden), while the modal's own hidden copy goes.
    const modal = '<div role="dialog" aria-modal="true" style="display:none"><p>Please accept our terms before you read on, we said in a long notice that nobody reads.</p></div>';
    const saved = cleanHtml(page(`<div class="site" aria-hidden="true">${ARTICLE}</div>${modal}`));
    expect(saved.text).toContain('Engineers had warned');
    expect(saved.sidecar.blocks.map((b) => b.text).join('\n')).not.toContain('Please accept our terms');
  });

  it('reads nested hidden wrappers around the page, each counted in one walk, and drops the small hidden element inside them', () => {
    const note = '<div hidden><p>A hidden note of the editors about the photo rights, never shown on the page.</p></div>';
    const nested = `<div style="visibility:hidden"><div aria-hidden="true"><div hidden>${ARTICLE.replace('</h1>', `</h1>${note}`)}</div></div></div>`;
    const result = cleanHtml(page(nested));
    expect(result.text).toContain('The council decided on Tuesday');
    expect(result.text).toContain('Work is expected to begin');
    expect(result.sidecar.blocks.map((b) => b.text).join('\n')).not.toContain('photo rights');
  });

  it('still drops a hidden element that holds less than half of the page', () => {
    const result = cleanHtml(withInArticle('<div style="display:none"><p>A hidden teaser of a story the page never shows, kept out of the clean text.</p></div>'));
    expect(result.sidecar.blocks.map((b) => b.text).join('\n')).not.toContain('A hidden teaser');
  });

  it('reads every <body> of a page that has several (a second document pasted into the first)', () => {
    const html = `<!doctype html><html lang="en"><head><title>Bridge</title><html><body><div class="banner">Example Gazette</div></body></html></head><body>${ARTICLE}</body></html>`;
    const result = cleanHtml(html);
    expect(result.text).toContain('The council decided on Tuesday');
    expect(result.text).toContain('Work is expected to begin');
  });

  it('cleans a page with no <html> or <body> that starts with a table holding a form (it crashed html-boilerplate once)', () => {
    const html =
      '<table><tr><td><form><input name="a"><input name="b"><p>Sign up for our weekly list of club events</p></form></td></tr></table>' +
      '<p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate.</p>';
    const result = cleanHtml(html);
    expect(result.text).toBe('The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate.\n');
    expect(result.sidecar.blocks.find((b) => b.text.startsWith('Sign up'))).toMatchObject({ kept: false, rule: 'form' });
  });
});
