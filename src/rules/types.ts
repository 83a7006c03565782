/**
 * The shape of a removal rule in the registry (registry.ts): what it is
 * called, in which modes it runs, what it removes, the thresholds it applies
 * (gates) and the lexicon patterns it reads, with examples of lines it
 * removes and lines it keeps. The stages read ids, gates and patterns from
 * here; tests/rules-registry.test.ts runs every example; the README's rule
 * tables are generated from it (npm run docs:rules).
 */
export type Mode = 'text' | 'html';

/**
 * Where an example goes in the small page the test builds around it:
 * `inside` the article (between two prose paragraphs, the default),
 * `before` it (text: above the title; HTML: before the article's wrappers),
 * `after` it (text: below the last paragraph; HTML: inside the article,
 * after its last paragraph), `outside` it (text: above the title, cut off
 * from it by a menu; HTML: beside the article's wrappers), or the whole
 * `page` (the example is the full document).
 */
export type Placement = 'inside' | 'before' | 'after' | 'outside' | 'page';

export interface Example {
  /** The line(s) of a text dump (one block per line); omitted: the example is for HTML only. */
  text?: string;
  /** An HTML fragment; omitted: the text line(s) as <p> elements. */
  html?: string;
  at?: Placement;
  /** Only the blocks with this text are checked (the rest of the example is context). */
  check?: string;
}

/** A plain string is the same line in every mode the rule runs in. */
export type ExampleSpec = string | Example;

/** Selectors of an HTML boilerplate group (html/categories.ts): element names, ARIA roles, class/id words. */
export interface SelectorGroup {
  tags?: readonly string[];
  roles?: readonly string[];
  /** Whole class/id tokens. */
  tokens?: readonly string[];
  /** Words inside a token. */
  words?: readonly string[];
  /** Substrings of a token (long, unambiguous compounds only). */
  contains?: readonly string[];
  /** The last word of a token: "post-author" is a box about the author, "author-article" is an article. */
  last?: readonly string[];
  /** Tokens that look like the group but are not ("commentary" is an opinion piece, not reader comments). */
  unless?: RegExp;
}

export type Gates = Readonly<Record<string, number | boolean>>;

export interface RuleSpec {
  /** The rule id of the sidecar (`stage/id`), the same in both modes. */
  id: string;
  modes: readonly Mode[];
  /** What it removes, one sentence (README table, JSON Schema). */
  description: string;
  /** Thresholds and conditions the rule applies, per mode. */
  gates?: { text?: Gates; html?: Gates };
  /** The lexicon patterns it reads (src/text/lexicon.ts), by name. */
  patterns?: Readonly<Record<string, RegExp | ((...args: never[]) => unknown)>>;
  /** HTML: the selector group whose elements it removes. */
  selectors?: SelectorGroup;
  /** Ids this rule had before both modes shared one (still accepted in pipeline files, with a warning). */
  aliases?: readonly string[];
  examples: { remove: readonly ExampleSpec[]; keep: readonly ExampleSpec[] };
}
