import type { SidecarBlock } from '../model/sidecar.js';
import type { Paint } from './color.js';
import type { CleanedDocument } from './documents.js';

export const ruleOf = (b: SidecarBlock): string | null => (b.kept ? null : `${b.stage}/${b.rule}`);

/** Whether a removal matches a --rule filter: "boilerplate/related" or just "related". */
export const matchesRule = (b: SidecarBlock, rule: string | undefined): boolean =>
  !b.kept && (!rule || rule === `${b.stage}/${b.rule}` || rule === b.rule);

export interface ViewOptions {
  /** Only removals by this rule (and, with context, the blocks around them). */
  rule?: string;
  /** Show only removals and this many blocks around each; undefined shows every block. */
  context?: number;
}

/** The blocks of one document to show, in order, with gaps marked by null. */
export function selectBlocks(doc: CleanedDocument, options: ViewOptions): Array<SidecarBlock | null> {
  const blocks = doc.sidecar.blocks;
  const focus = blocks.map((b) => matchesRule(b, options.rule));
  if (options.context === undefined && !options.rule) return blocks;
  const radius = options.context ?? 0;
  const show = blocks.map((_, k) => focus.slice(Math.max(0, k - radius), k + radius + 1).some(Boolean));
  const out: Array<SidecarBlock | null> = [];
  blocks.forEach((b, k) => {
    if (show[k]) out.push(b);
    else if (out.at(-1) !== null && out.length) out.push(null);
  });
  while (out.at(-1) === null) out.pop();
  return out;
}

/**
 * `unboil diff` for one document: the source blocks in order, kept text
 * plain, removed blocks marked "-" with stage/rule and reason.
 */
export function renderDocument(doc: CleanedDocument, options: ViewOptions, c: Paint): string {
  const blocks = selectBlocks(doc, options);
  const { stats } = doc.sidecar;
  const lines = [c.bold(`${doc.location} → ${doc.name}.txt`) + c.dim(`  (${stats.kept} kept, ${stats.removed} removed)`)];
  for (const b of blocks) {
    if (b === null) lines.push(c.dim('  ⋮'));
    else if (b.kept) lines.push(`  ${String(b.line).padStart(4)}  ${b.text}`);
    else {
      const dup = b.duplicateOf != null ? `, duplicate of block ${b.duplicateOf}` : '';
      lines.push(c.red(`- ${String(b.line).padStart(4)}  ${b.text}`) + c.yellow(`  [${b.stage}/${b.rule}]`) + c.dim(` ${b.reason}${dup}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The same, for machines (`--json`). */
export function documentJson(doc: CleanedDocument, options: ViewOptions) {
  return {
    document: doc.name,
    source: doc.location,
    stats: doc.sidecar.stats,
    blocks: selectBlocks(doc, options).filter((b): b is SidecarBlock => b !== null).map((b) =>
      b.kept
        ? { i: b.i, line: b.line, text: b.text, kept: true }
        : { i: b.i, line: b.line, text: b.text, kept: false, stage: b.stage, rule: b.rule, reason: b.reason, duplicateOf: b.duplicateOf },
    ),
  };
}
