import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../src/stages/html/categories.js';

const el = (html: string) => cheerio.load(html)('body').children().get(0) as Element;
const category = (html: string) => categoryOf(el(html))?.category ?? null;

describe('boilerplate category of one element', () => {
  it('names groups by element, role and class words', () => {
    expect(category('<nav></nav>')).toBe('navigation');
    expect(category('<div role="contentinfo"></div>')).toBe('footer');
    expect(category('<div class="relatedPosts"></div>')).toBe('related');
    expect(category('<div class="comment-list"></div>')).toBe('comments');
  });

  it('reads a state word as a state: "has-ads", "no-sidebar" are not ads or sidebars', () => {
    expect(category('<section class="o-section--has-ads"></section>')).toBeNull();
    expect(category('<div class="layout-no-sidebar"></div>')).toBeNull();
    expect(category('<div class="ad-slot"></div>')).toBe('ads');
  });

  it('takes "commentary" for an opinion piece, not for reader comments', () => {
    expect(category('<div class="commentary"></div>')).toBeNull();
    expect(category('<div class="commentlist"></div>')).toBe('comments');
  });

  it('finds author boxes by the last word of a class, not by any "author"', () => {
    expect(category('<div class="herald-author"></div>')).toBe('author-box');
    expect(category('<div class="post-author__bio"></div>')).toBe('author-box');
    expect(category('<article class="author-article"></article>')).toBeNull();
  });

  it('reads the class of a paragraph only for pitches, labels and captions', () => {
    expect(category('<p class="newsletter-promo"></p>')).toBe('newsletter');
    expect(category('<p class="media__caption"></p>')).toBe('caption');
    expect(category('<p class="teaser"></p>')).toBeNull();
    expect(category('<p class="regwalled"></p>')).toBeNull();
  });
});
