/**
 * A block is the unit of cleaning: a line or paragraph of a text dump, or a
 * block-level element of an HTML page. Every block keeps its exact span in the
 * decoded source, so that any decision can be traced back to the input.
 */
export type BlockKind =
  | 'line'
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'table-row'
  | 'quote'
  | 'code'
  | 'caption'
  | 'text';

/** What a stage found a block to be, when that matters to a later stage. */
export type BlockRole = 'title' | 'heading' | 'byline' | 'dateline';

export interface Removal {
  stage: string;
  rule: string;
  reason: string;
  /** Index of the block this one duplicates (dedupe stages only). */
  duplicateOf?: number | null;
}

/** Structural facts about an HTML block, shown in the sidecar and used by the HTML stages. */
export interface HtmlFeatures {
  tag: string;
  /** Simplified DOM path of the block's element, its last few elements: `…>div.main>article>p`. */
  path: string;
  /** Share of the block's characters that sit inside links. */
  linkDensity: number;
  /** The block as Markdown sees it, for the Markdown output (not in the sidecar). */
  md?: MarkdownFeatures;
}

/** What segmentation knows of an HTML block's Markdown: its inline content and its place. */
export interface MarkdownFeatures {
  /** Inline Markdown of the block's own content (links, emphasis, inline code), whitespace collapsed; for `<pre>`, the code with its newlines. */
  text: string;
  /** Table rows: each cell's inline Markdown. */
  cells?: string[];
  /** Table rows: a header row (in `<thead>`, or all `<th>`). */
  header?: boolean;
  /** Table rows: source offset of the row's `<table>`, so that consecutive rows of one table render as one. */
  table?: number;
  /** List items: nesting depth, 1 for a top-level list. */
  depth?: number;
  /** List items: in an `<ol>`. */
  ordered?: boolean;
  /** Code: the language named by a `language-x` class. */
  lang?: string;
}

export interface Block {
  i: number;
  kind: BlockKind;
  /** [start, end) offsets into the decoded source. */
  span: [number, number];
  /** 1-based line of `span[0]`. */
  line: number;
  /** Normalized text of the block (what goes to the clean output). */
  text: string;
  role?: BlockRole;
  /** Heading level (1–6) for headings. */
  level?: number;
  html?: HtmlFeatures;
  /** Set when a stage removed the block; absent while the block is kept. */
  removed?: Removal;
}

