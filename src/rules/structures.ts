import {
  COMMENT_HEADER, COMMENT_WORD, endsWithCredit, FORM_BUTTON, FORM_LABEL, LOGIN_WORD, MEDIA_TAB, RELATED_HEADER, relatedLeadIn, TAGS_HEADER,
} from '../text/lexicon.js';
import type { RuleSpec } from './types.js';

/** Widgets made of several blocks: forms, lists and boxes, each with its header or its repeated shape. */

export const comments = {
  id: 'comments',
  modes: ['text', 'html'],
  description: 'comment headers and prompts ("No comments:", "Post a Comment", "Leave a Reply"), comment forms (field labels such as "Name :", "Email :" and their button, next to another form line), comment-form notices, and comment sections',
  gates: {
    text: { headerMaxWords: 6, fieldMaxWords: 4, fieldNeedsNeighbour: true, noticeMaxWords: 40, endsArticle: true },
    html: { maxWords: 40, loginMaxWords: 25, noticeMaxWords: 40, insideMain: true, onTextElements: true },
  },
  patterns: { COMMENT_HEADER, FORM_LABEL, FORM_BUTTON, COMMENT_WORD, LOGIN_WORD },
  selectors: {
    words: ['comment', 'comments', 'respond', 'disqus', 'discussion', 'replies', 'commentlist', 'kommentare', 'commentaires', 'comentarios'],
    contains: ['comment', 'disqus'],
    unless: /commentary|commentator/,
  },
  examples: {
    remove: [
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      { text: 'Name :\nEmail :\nSend' },
      { html: '<p>You must be logged in to post a comment.</p>' },
      { html: '<div class="comment-list"><p>Great piece, thank you for writing it, I learnt a lot today.</p></div>' },
    ],
    keep: ['The comments of the minister on the new law were brief and cautious, and few agreed.', { text: 'Name:' }],
  },
} as const satisfies RuleSpec;

export const tags = {
  id: 'tags',
  modes: ['text', 'html'],
  description: 'a "Tags:" header and the keyword line(s) under it; tag and category lists',
  gates: { text: { maxWords: 40, endsArticle: true }, html: { insideMain: true, proseVeto: true, onTextElements: true } },
  patterns: { TAGS_HEADER },
  selectors: {
    words: ['tags', 'tagcloud', 'taglist', 'keywords', 'categories', 'cat-links', 'tag-links'],
    // Post metadata lines ("Posted in … | Tagged … | Bookmark the permalink") go with the tags.
    contains: ['postmetadata', 'postmeta', 'entry-utility', 'entry-footer'],
    tokens: ['tag-list', 'post-tags', 'entry-tags', 'tags-links', 'cat-links', 'entry-categories', 'post-categories', 'article-tags'],
  },
  examples: {
    remove: [{ text: 'Tags: Energy, Trade, Sanctions' }, { text: 'Tags :\nIran Russia Energy Sanctions' }, { html: '<div class="post-tags"><a href="/t/energy">Energy</a> <a href="/t/trade">Trade</a></div>' }],
    keep: ['Topics of the summit ranged from trade to energy security, and both leaders spoke at length.'],
  },
} as const satisfies RuleSpec;

export const gallery = {
  id: 'gallery',
  modes: ['text'],
  description: 'media tabs ("Gallery / Photo / Film", two or more in a row) and the captions under them',
  gates: { text: { tabMaxWords: 3, minTabs: 2, captionMaxWords: 25 } },
  patterns: { MEDIA_TAB },
  examples: {
    remove: ['Gallery\nPhotos\nVideos\nThe new bridge at night'],
    keep: ['Videos'],
  },
} as const satisfies RuleSpec;

export const glossary = {
  id: 'glossary',
  modes: ['text'],
  description: 'glossary and sidebar boxes: runs of two or more entries made of a term line, its repeat, and a one-block definition',
  gates: { text: { termMaxWords: 6, minEntries: 2, definitionMaxWords: 80 } },
  examples: {
    remove: ['Sanctions\nSanctions\nMeasures that limit trade with a country.\nTariffs\nTariffs\nTaxes on goods that cross a border.'],
    keep: ['Sanctions\nMeasures that limit trade with a country.'],
  },
} as const satisfies RuleSpec;

export const related = {
  id: 'related',
  modes: ['text', 'html'],
  description: 'a related-content header ("Related Posts", "More on this topic", "Lesen Sie auch", "À lire aussi", …) and the headline-like lines right under it; "Read also: …" lines before a headline; related-content boxes',
  gates: {
    text: { headerMaxWords: 8, headlineMaxWords: 30, endsArticle: true },
    html: { maxWords: 40, leadInMaxWords: 25, insideMain: true },
  },
  patterns: { RELATED_HEADER, relatedLeadIn },
  selectors: {
    words: ['related', 'recommended', 'recommendations', 'popular', 'trending', 'mostread', 'morestories', 'also', 'yarpp', 'relatedposts', 'more', 'teaser', 'teasers', 'latest', 'recent'],
    contains: ['related', 'recommend', 'most-read', 'mostpopular', 'also-read'],
  },
  examples: {
    remove: [
      { text: 'Related Posts\nCouncil votes on new parking rules\nRiver festival returns in June' },
      'Read also: Council votes on new parking rules',
      { html: '<div class="related-posts"><h3>Related Posts</h3><ul><li><a href="/a">Council votes on new parking rules</a></li></ul></div>' },
    ],
    keep: ['Related to this, the council also discussed the budget for the coming year in some detail.'],
  },
} as const satisfies RuleSpec;

export const caption = {
  id: 'caption',
  modes: ['text', 'html'],
  description: 'image captions: a short block ending with a photo credit ("… Foto: dpa"), and `figcaption` and caption elements',
  gates: { text: { maxWords: 40 }, html: { insideMain: true, onTextElements: true } },
  patterns: { endsWithCredit },
  // Image captions and credits: trafilatura's evaluation counts them as not part of the text.
  selectors: {
    tags: ['figcaption'],
    words: ['caption', 'captions', 'credit', 'credits', 'bildunterschrift', 'bilduntertitel', 'legende', 'wp-caption-text'],
    contains: ['caption'],
  },
  examples: {
    remove: [{ text: 'The mayor opens the new bridge on Monday. Photo: Jane Doe' }, { html: '<figure><img src="bridge.jpg" alt=""><figcaption>The mayor opens the new bridge on Monday.</figcaption></figure>' }],
    keep: ['The photo shows the mayor at the opening of the new bridge on Monday morning.'],
  },
} as const satisfies RuleSpec;
