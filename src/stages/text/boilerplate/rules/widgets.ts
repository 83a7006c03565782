import { RULES } from '../../../../rules/registry.js';
import type { RuleSpec } from '../../../../rules/types.js';
import { noticeOf } from '../../../../rules/notices.js';
import type { Item, RuleContext } from '../context.js';

const { languageSwitcher, social, ads, uiLabel, copyright, legal, cookie, newsletter, navigation, tags, comments, gallery } = RULES;

const short = (item: Item, words: number) => item.f.words <= words && !item.prose;

/**
 * Single-line widgets recognised by shape and a small multilingual lexicon,
 * tried in this order: the first that matches (among the rules that are on)
 * names the rule.
 */
const WIDGET_LINES: ReadonlyArray<{ rule: RuleSpec; reason: string; test: (item: Item, text: string) => boolean }> = [
  { rule: languageSwitcher, reason: 'line of language codes or names', test: (it, t) => short(it, languageSwitcher.gates.text.maxWords) && languageSwitcher.patterns.isLanguageSwitcher(t) },
  { rule: social, reason: 'social-media prompt or share bar', test: (it, t) => short(it, social.gates.text.maxWords) && social.patterns.SOCIAL.test(t) },
  { rule: ads, reason: 'label of an advertisement slot', test: (it, t) => short(it, ads.gates.text.labelMaxWords) && ads.patterns.AD_LABEL.test(t) },
  { rule: ads, reason: 'words written in mixed Latin and Cyrillic letters: an obfuscated ad', test: (_, t) => ads.patterns.isObfuscated(t) },
  { rule: uiLabel, reason: 'button or link of the page interface (print, log in, show all, close)', test: (it, t) => short(it, uiLabel.gates.text.maxWords) && uiLabel.patterns.UI_ACTION.test(t) },
  {
    rule: copyright,
    reason: 'copyright or rights notice',
    test: (it, t) => it.f.words <= copyright.gates.text.maxWords && copyright.patterns.COPYRIGHT.test(t) && (!it.f.endsSentence || copyright.patterns.COPYRIGHT_SIGN.test(t) || it.f.words <= copyright.gates.text.sentenceMaxWords),
  },
  { rule: legal, reason: 'link to a legal or contact page', test: (it, t) => short(it, legal.gates.text.maxWords) && legal.patterns.LEGAL.test(t) },
  {
    rule: cookie,
    reason: 'cookie or consent prompt',
    test: (it, t) => it.f.words <= cookie.gates.text.promptMaxWords && cookie.patterns.COOKIE.test(t) && (it.f.words <= cookie.gates.text.shortPromptMaxWords || cookie.patterns.COOKIE_ACCEPT.test(t)),
  },
  // The banner's explanation: cookies on "this website", in "your browser", with "consent".
  { rule: cookie, reason: 'cookie notice of the site', test: (it, t) => it.f.words <= cookie.gates.text.noticeMaxWords && cookie.patterns.COOKIE_WORD.test(t) && cookie.patterns.COOKIE_CONTEXT.test(t) },
  { rule: newsletter, reason: 'newsletter or subscription prompt', test: (it, t) => it.f.words <= newsletter.gates.text.maxWords && newsletter.patterns.NEWSLETTER.test(t) && !it.prose },
  {
    rule: navigation,
    reason: 'items separated by | or »: a menu or breadcrumb',
    test: (it) => short(it, navigation.gates.text.lineMaxWords) && it.f.separators >= navigation.gates.text.minSeparators && !it.f.endsSentence,
  },
];

/** Single-line widgets recognised by shape and a small multilingual lexicon. */
export function widgetLines(ctx: RuleContext): void {
  for (const item of ctx.kept()) {
    const { text } = item.block;
    const widget = WIDGET_LINES.find((w) => ctx.on(w.rule) && w.test(item, text));
    if (widget) ctx.remove(item, widget.rule, widget.reason);
  }
}

/**
 * Sentences widgets write (comment-form notices, newsletter pitches,
 * previous/next links, "read more", image credits): a lexicon match at the
 * start of a short block (rules/notices.ts), so that an article merely
 * quoting such words in a long paragraph is safe.
 */
export function noticeLines(ctx: RuleContext): void {
  for (const item of ctx.kept()) {
    const notice = noticeOf(item.block.text, item.f.words, ctx.on);
    if (notice) ctx.remove(item, notice.rule, notice.reason);
  }
}

/** "Tags :" and its list (on the same line, or on the next line when the header stands alone). */
export function tagLists(ctx: RuleContext): void {
  const items = ctx.kept();
  const { TAGS_HEADER } = tags.patterns;
  items.forEach((item, k) => {
    if (item.f.words > tags.gates.text.maxWords || !TAGS_HEADER.test(item.block.text)) return;
    ctx.remove(item, tags, 'tag or category list');
    const rest = item.block.text.replace(TAGS_HEADER, '').trim();
    const next = items[k + 1];
    if (!rest && next && !next.prose && !next.f.endsSentence) ctx.remove(next, tags, 'the tag list under a "Tags:" header');
  });
}

/**
 * Comment sections and forms: a comment header ("No comments:", "Post a
 * Comment", "Leave a reply") and the run of field labels and buttons around it.
 * A lone label or button is only removed next to another form line, so that
 * "Name:" in an interview survives.
 */
export function commentForms(ctx: RuleContext): void {
  const items = ctx.kept();
  const { COMMENT_HEADER, FORM_LABEL, FORM_BUTTON } = comments.patterns;
  const { headerMaxWords, fieldMaxWords } = comments.gates.text;
  const header = (it: Item) => it.f.words <= headerMaxWords && COMMENT_HEADER.test(it.block.text);
  const field = (it: Item) => it.f.words <= fieldMaxWords && (FORM_LABEL.test(it.block.text) || FORM_BUTTON.test(it.block.text));
  const formLine = items.map((it) => header(it) || field(it));
  items.forEach((item, k) => {
    if (!formLine[k]) return;
    const neighbour = formLine[k - 1] === true || formLine[k + 1] === true;
    if (header(item) && !/^(?:reply|antworten|répondre|responder|rispondi|odpowiedz|ответить)$/i.test(item.block.text.trim())) {
      ctx.remove(item, comments, 'comment section header');
    } else if (neighbour) ctx.remove(item, comments, 'comment form field or button');
  });
}

/**
 * Media widgets: a run of two or more tab lines ("Gallery / Photo / Film")
 * and the captions under them, up to the next prose block.
 */
export function mediaTabs(ctx: RuleContext): void {
  const items = ctx.kept();
  const { tabMaxWords, captionMaxWords } = gallery.gates.text;
  const tab = items.map((it) => it.f.words <= tabMaxWords && gallery.patterns.MEDIA_TAB.test(it.block.text));
  for (let k = 0; k < items.length; k++) {
    if (!tab[k] || !tab[k + 1]) continue;
    let j = k;
    while (tab[j]) ctx.remove(items[j++]!, gallery, 'media gallery tab');
    while (items[j] && !items[j]!.prose && items[j]!.f.words <= captionMaxWords) {
      ctx.remove(items[j++]!, gallery, 'caption under a media gallery');
    }
    k = j - 1;
  }
}
