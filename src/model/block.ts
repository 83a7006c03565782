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

