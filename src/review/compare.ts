import { createTwoFilesPatch } from 'diff';
import type { SidecarBlock } from '../model/sidecar.js';
import type { CleanedDocument } from './documents.js';
import { ruleOf } from './block-view.js';

export interface BlockChange {
  i: number;
  line: number;
  text: string;
  /** The rule that removed it before (newly kept) or removes it now (newly removed). */
  rule: string;
  reason: string;
}

export interface DocumentChange {
  name: string;
  source: string;
  /** Unified diff of the clean text (empty when only the provenance changed). */
  patch: string;
  newlyRemoved: BlockChange[];
  newlyKept: BlockChange[];
  /** Blocks removed before and now, but by another rule. */
  otherRule: Array<BlockChange & { before: string }>;
  metaChanged: string[];
}

export interface RunComparison {
  same: number;
  changed: DocumentChange[];
  /** Documents only in the new run / only in the old one. */
  added: string[];
  missing: string[];
  /** rule → blocks removed before and after. */
  rules: Record<string, { before: number; after: number }>;
}

/** Blocks are matched by source span (the same input segments the same way); index as a fallback. */
const keyOf = (b: SidecarBlock) => `${b.span[0]}:${b.span[1]}:${b.text}`;

/**
 * What changed between two runs over the same inputs: clean text (as a
 * unified diff), blocks newly removed or newly kept with the rule
 * responsible, metadata, and per-rule totals.
 */
export function compareRuns(before: CleanedDocument[], after: CleanedDocument[]): RunComparison {
  const old = new Map(before.map((d) => [d.name, d]));
  const now = new Map(after.map((d) => [d.name, d]));
  const rules: RunComparison['rules'] = {};
  const count = (docs: CleanedDocument[], side: 'before' | 'after') => {
    for (const d of docs) for (const [rule, n] of Object.entries(d.sidecar.stats.removedBy)) (rules[rule] ??= { before: 0, after: 0 })[side] += n;
  };
  count(before, 'before');
  count(after, 'after');
  const result: RunComparison = {
    same: 0,
    changed: [],
    added: [...now.keys()].filter((n) => !old.has(n)).sort(),
    missing: [...old.keys()].filter((n) => !now.has(n)).sort(),
    rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  for (const [name, a] of [...old].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const b = now.get(name);
    if (!b) continue;
    const change = compareDocument(a, b);
    if (change) result.changed.push(change);
    else result.same++;
  }
  return result;
}

function compareDocument(a: CleanedDocument, b: CleanedDocument): DocumentChange | null {
  const oldBlocks = new Map(a.sidecar.blocks.map((x) => [keyOf(x), x]));
  const change: DocumentChange = {
    name: b.name,
    source: b.sidecar.source.path,
    patch: a.text === b.text ? '' : createTwoFilesPatch(`before/${a.name}.txt`, `after/${b.name}.txt`, a.text, b.text, '', '', { context: 2 }),
    newlyRemoved: [],
    newlyKept: [],
    otherRule: [],
    metaChanged: Object.keys(b.sidecar.meta).filter((k) => a.sidecar.meta[k as keyof typeof a.sidecar.meta] !== b.sidecar.meta[k as keyof typeof b.sidecar.meta]),
  };
  for (const nb of b.sidecar.blocks) {
    const ob = oldBlocks.get(keyOf(nb));
    const was = ob ? ruleOf(ob) : null;
    const is = ruleOf(nb);
    if (!ob || was === is) continue;
    if (!nb.kept && ob.kept) change.newlyRemoved.push({ i: nb.i, line: nb.line, text: nb.text, rule: is!, reason: nb.reason });
    else if (nb.kept && !ob.kept) change.newlyKept.push({ i: nb.i, line: nb.line, text: nb.text, rule: was!, reason: ob.reason });
    else if (!nb.kept && !ob.kept) change.otherRule.push({ i: nb.i, line: nb.line, text: nb.text, rule: is!, reason: nb.reason, before: was! });
  }
  const changed = change.patch || change.newlyRemoved.length || change.newlyKept.length || change.otherRule.length || change.metaChanged.length;
  return changed ? change : null;
}
