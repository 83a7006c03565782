import { iso6393 } from 'iso-639-3';
import { isObfuscated } from '../../../../text/homoglyphs.js';
import type { Item, RuleContext } from '../context.js';
import {
  AD_LABEL, COMMENT_HEADER, COOKIE, COPYRIGHT, FORM_BUTTON, FORM_LABEL, LANGUAGE_NAMES, LEGAL, MEDIA_TAB, NEWSLETTER, noticeOf, SOCIAL, TAGS_HEADER, UI_ACTION,
} from '../../../../text/lexicon.js';

const LANGUAGE_CODES = new Set(iso6393.flatMap((l) => (l.iso6391 ? [l.iso6391] : [])));

/** "EN|FR|RU", "English · Deutsch · Français": nothing but language codes or names. */
export function isLanguageSwitcher(text: string): boolean {
  const parts = text.split(/\s*[|/·•,]\s*|\s+/).filter(Boolean);
  if (parts.length < 2) return false;
  const separated = /[|/·•,]/.test(text);
  return parts.every((part) => {
    const lower = part.toLowerCase();
    if (LANGUAGE_NAMES.has(lower)) return true;
    // Bare codes need separators or capitals, else "an in to" would pass.
    return LANGUAGE_CODES.has(lower) && part.length === 2 && (separated || part === part.toUpperCase());
  });
}

/** What a cookie notice talks about besides cookies: the site, the browser, consent. */
const COOKIE_CONTEXT = /\b(?:website|webseite|web-?site|site|seite|sitio|strona|browser|navegador|navigateur|zustimmung|einwilligung|consent|akzeptier|accept|acept|zgod)/iu;

const short = (item: Item, words = 8) => item.f.words <= words && !item.prose;

/** Single-line widgets recognised by shape and a small multilingual lexicon. */
export function widgetLines(ctx: RuleContext): void {
  for (const item of ctx.kept()) {
    const { text } = item.block;
    if (short(item, 12) && isLanguageSwitcher(text)) ctx.remove(item, 'language-switcher', 'line of language codes or names');
    else if (short(item) && SOCIAL.test(text)) ctx.remove(item, 'social', 'social-media prompt or share bar');
    else if (short(item, 4) && AD_LABEL.test(text)) ctx.remove(item, 'advertisement', 'label of an advertisement slot');
    else if (isObfuscated(text)) ctx.remove(item, 'advertisement', 'words written in mixed Latin and Cyrillic letters: an obfuscated ad');
    else if (short(item, 6) && UI_ACTION.test(text)) ctx.remove(item, 'ui-label', 'button or link of the page interface (print, log in, show all, close)');
    else if (item.f.words <= 30 && COPYRIGHT.test(text) && (!item.f.endsSentence || /©|\(c\)/i.test(text) || item.f.words <= 12)) {
      ctx.remove(item, 'copyright', 'copyright or rights notice');
    } else if (short(item, 5) && LEGAL.test(text)) ctx.remove(item, 'legal', 'link to a legal or contact page');
    else if (item.f.words <= 40 && COOKIE.test(text) && (item.f.words <= 12 || /\b(?:accept|use|akzeptieren|accepter|aceptar)\b/i.test(text))) {
      ctx.remove(item, 'cookie', 'cookie or consent prompt');
    } else if (item.f.words <= 120 && /\bcookies?\b/iu.test(text) && COOKIE_CONTEXT.test(text)) {
      // The banner's explanation: cookies on "this website", in "your browser", with "consent".
      ctx.remove(item, 'cookie', 'cookie notice of the site');
    } else if (item.f.words <= 25 && NEWSLETTER.test(text) && !item.prose) ctx.remove(item, 'newsletter', 'newsletter or subscription prompt');
    else if (short(item, 30) && item.f.separators >= 2 && !item.f.endsSentence) ctx.remove(item, 'menu', 'items separated by | or »: a menu or breadcrumb');
  }
}

/**
 * Sentences widgets write (comment-form notices, newsletter pitches,
 * previous/next links, "read more", image credits): a lexicon match at the
 * start of a block of at most 40 words, so that an article merely quoting
 * such words in a long paragraph is safe.
 */
export function noticeLines(ctx: RuleContext): void {
  for (const item of ctx.kept()) {
    const notice = noticeOf(item.block.text, item.f.words);
    if (notice) ctx.remove(item, notice.rule, notice.reason);
  }
}

/** "Tags :" and its list (on the same line, or on the next line when the header stands alone). */
export function tagLists(ctx: RuleContext): void {
  const items = ctx.kept();
  items.forEach((item, k) => {
    if (item.f.words > 40 || !TAGS_HEADER.test(item.block.text)) return;
    ctx.remove(item, 'tags', 'tag or category list');
    const rest = item.block.text.replace(TAGS_HEADER, '').trim();
    const next = items[k + 1];
    if (!rest && next && !next.prose && !next.f.endsSentence) ctx.remove(next, 'tags', 'the tag list under a "Tags:" header');
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
  const header = (it: Item) => it.f.words <= 6 && COMMENT_HEADER.test(it.block.text);
  const field = (it: Item) => it.f.words <= 4 && (FORM_LABEL.test(it.block.text) || FORM_BUTTON.test(it.block.text));
  const formLine = items.map((it) => header(it) || field(it));
  items.forEach((item, k) => {
    if (!formLine[k]) return;
    const neighbour = formLine[k - 1] === true || formLine[k + 1] === true;
    if (header(item) && !/^(?:reply|antworten|répondre|responder|rispondi|odpowiedz|ответить)$/i.test(item.block.text.trim())) {
      ctx.remove(item, 'comments', 'comment section header');
    } else if (neighbour) ctx.remove(item, 'comments', 'comment form field or button');
  });
}

/**
 * Media widgets: a run of two or more tab lines ("Gallery / Photo / Film")
 * and the captions under them, up to the next prose block.
 */
export function mediaTabs(ctx: RuleContext): void {
  const items = ctx.kept();
  const tab = items.map((it) => it.f.words <= 3 && MEDIA_TAB.test(it.block.text));
  for (let k = 0; k < items.length; k++) {
    if (!tab[k] || !tab[k + 1]) continue;
    let j = k;
    while (tab[j]) ctx.remove(items[j++]!, 'gallery', 'media gallery tab');
    while (items[j] && !items[j]!.prose && items[j]!.f.words <= 25) {
      ctx.remove(items[j++]!, 'gallery', 'caption under a media gallery');
    }
    k = j - 1;
  }
}
