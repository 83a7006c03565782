import { createTwoFilesPatch } from 'diff';
import type { SidecarBlock } from '../model/sidecar.js';
import type { CleanedDocument } from './documents.js';
import type { StageList } from '../config/option-changes.js';
import { ruleOf } from './block-view.js';
import { pipelineChangeLines } from './run-pipelines.js';

export interface BlockChange {
  i: number;
  line: number;
  text: string;
  /** The rule that removed it before (newly kept) or removes it now (newly removed). */
  rule: string;
  reason: string;
}

/** A block that only one side has (the input or its segmentation changed), with its fate on that side. */
export interface UnpairedBlock {
  i: number;
  line: number;
  text: string;
  /** The rule that removed it on its side; null when it is kept. */
  rule: string | null;
  reason: string | null;
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
  /** Blocks of the new run with no counterpart in the old one (an edited input: the added lines), kept or with the rule that removed them. */
  newBlocks: UnpairedBlock[];
  /** Blocks of the old run with no counterpart in the new one, with the fate they had. */
  vanishedBlocks: UnpairedBlock[];
  metaChanged: string[];
  /**
   * Other sidecar differences that leave the fate of every block alone
   * (the input bytes, warnings, segmentation, reasons…): the committed
   * sidecar is no longer what a run would write, so `check` must say so.
   */
  provenance: string[];
}

export interface RunComparison {
  same: number;
  changed: DocumentChange[];
  /** Documents only in the new run / only in the old one. */
  added: string[];
  missing: string[];
  /** rule → blocks removed before and after. */
  rules: Record<string, { before: number; after: number }>;
  /**
   * The pipelines (name and hash) of each side when they differ; null when
   * the same. `changes`: the options that differ (`dedupe.nearDuplicate: 0.6 → 0.5`),
   * when both sides' stage lists are known.
   */
  pipeline: { before: string; after: string; changes: string[] } | null;
}

export const differs = (cmp: RunComparison): boolean => cmp.changed.length > 0 || cmp.added.length > 0 || cmp.missing.length > 0 || cmp.pipeline !== null;

const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** "default@8f22da3b" for every pipeline used on one side, so a pipeline edit shows even when no text changed. */
function pipelinesOf(docs: CleanedDocument[]): string {
  return [...new Set(docs.map((d) => `${d.sidecar.pipeline.name}@${d.sidecar.pipeline.hash.slice(0, 8)}`))].sort(byName).join(', ');
}

/**
 * What changed between two runs over the same inputs: clean text (as a
 * unified diff), blocks newly removed or newly kept with the rule
 * responsible, metadata, other provenance, and per-rule totals.
 */
export function compareRuns(before: CleanedDocument[], after: CleanedDocument[], stages: { before?: StageList | null; after?: StageList | null } = {}): RunComparison {
  const old = new Map(before.map((d) => [d.name, d]));
  const now = new Map(after.map((d) => [d.name, d]));
  const rules: RunComparison['rules'] = {};
  const count = (docs: CleanedDocument[], side: 'before' | 'after') => {
    for (const d of docs) for (const [rule, n] of Object.entries(d.sidecar.stats.removedBy)) (rules[rule] ??= { before: 0, after: 0 })[side] += n;
  };
  count(before, 'before');
  count(after, 'after');
  const pipelines = { before: pipelinesOf(before), after: pipelinesOf(after) };
  const result: RunComparison = {
    same: 0,
    changed: [],
    added: [...now.keys()].filter((n) => !old.has(n)).sort(byName),
    missing: [...old.keys()].filter((n) => !now.has(n)).sort(byName),
    rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => byName(a, b))),
    pipeline: before.length && after.length && pipelines.before !== pipelines.after ? { ...pipelines, changes: pipelineChangeLines(stages.before ?? null, stages.after ?? null) } : null,
  };
  for (const [name, a] of [...old].sort(([x], [y]) => byName(x, y))) {
    const b = now.get(name);
    if (!b) continue;
    const change = compareDocument(a, b);
    if (change) result.changed.push(change);
    else result.same++;
  }
  return result;
}

/**
 * Pairs each new block with its old self: first by source span and text
 * (same input, same segmentation), then by text and occurrence, so that an
 * edited input, whose spans all shift after the edit, still pairs up.
 */
export function matchBlocks(oldBlocks: SidecarBlock[], newBlocks: SidecarBlock[]): Map<SidecarBlock, SidecarBlock> {
  const pairs = new Map<SidecarBlock, SidecarBlock>();
  const bySpan = new Map(oldBlocks.map((b) => [`${b.span[0]}:${b.span[1]}:${b.text}`, b]));
  const used = new Set<SidecarBlock>();
  const rest: SidecarBlock[] = [];
  for (const nb of newBlocks) {
    const ob = bySpan.get(`${nb.span[0]}:${nb.span[1]}:${nb.text}`);
    if (ob && !used.has(ob)) {
      pairs.set(nb, ob);
      used.add(ob);
    } else rest.push(nb);
  }
  const byText = new Map<string, SidecarBlock[]>();
  for (const ob of oldBlocks) if (!used.has(ob)) byText.set(ob.text, [...(byText.get(ob.text) ?? []), ob]);
  for (const nb of rest) {
    const ob = byText.get(nb.text)?.shift();
    if (ob) pairs.set(nb, ob);
  }
  return pairs;
}

/** The parts of a sidecar that are neither block fates, text nor metadata, for the "provenance" list. */
function provenanceChanges(a: CleanedDocument, b: CleanedDocument, pairs: Map<SidecarBlock, SidecarBlock>): string[] {
  const out: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const [sa, sb] = [a.sidecar.source, b.sidecar.source];
  if (sa.sha256 !== sb.sha256 || a.sidecar.id !== b.sidecar.id) out.push('input bytes');
  if (sa.path !== sb.path) out.push(`source path (${sa.path} → ${sb.path})`);
  if (!same({ ...sa, sha256: '', path: '', bytes: 0 }, { ...sb, sha256: '', path: '', bytes: 0 })) out.push('source format, encoding, url or site');
  if (!same(a.sidecar.warnings, b.sidecar.warnings)) out.push('warnings');
  const reasons = [...pairs].filter(([nb, ob]) => !nb.kept && !ob.kept && ruleOf(nb) === ruleOf(ob) && (nb.reason !== ob.reason || nb.duplicateOf !== ob.duplicateOf)).length;
  if (reasons) out.push(`${reasons} removal reason${reasons === 1 ? '' : 's'}`);
  return out;
}

/** The blocks of one side that matchBlocks paired with nothing, with their fate. */
const unpaired = (blocks: SidecarBlock[], paired: Set<SidecarBlock>): UnpairedBlock[] =>
  blocks
    .filter((b) => !paired.has(b))
    .map((b) => ({ i: b.i, line: b.line, text: b.text, rule: ruleOf(b), reason: b.kept ? null : b.reason }));

function compareDocument(a: CleanedDocument, b: CleanedDocument): DocumentChange | null {
  const pairs = matchBlocks(a.sidecar.blocks, b.sidecar.blocks);
  const meta = b.sidecar.meta;
  const change: DocumentChange = {
    name: b.name,
    source: b.sidecar.source.path,
    patch: a.text === b.text ? '' : createTwoFilesPatch(`before/${a.name}.txt`, `after/${b.name}.txt`, a.text, b.text, '', '', { context: 2 }),
    newlyRemoved: [],
    newlyKept: [],
    otherRule: [],
    newBlocks: unpaired(b.sidecar.blocks, new Set(pairs.keys())),
    vanishedBlocks: unpaired(a.sidecar.blocks, new Set(pairs.values())),
    metaChanged: (Object.keys(meta) as Array<keyof typeof meta>).filter((k) => a.sidecar.meta[k] !== meta[k]),
    provenance: [],
  };
  for (const nb of b.sidecar.blocks) {
    const ob = pairs.get(nb);
    const was = ob ? ruleOf(ob) : null;
    const is = ruleOf(nb);
    if (!ob || was === is) continue;
    if (!nb.kept && ob.kept) change.newlyRemoved.push({ i: nb.i, line: nb.line, text: nb.text, rule: is!, reason: nb.reason });
    else if (nb.kept && !ob.kept) change.newlyKept.push({ i: nb.i, line: nb.line, text: nb.text, rule: was!, reason: ob.reason });
    else if (!nb.kept && !ob.kept) change.otherRule.push({ i: nb.i, line: nb.line, text: nb.text, rule: is!, reason: nb.reason, before: was! });
  }
  change.provenance = provenanceChanges(a, b, pairs);
  const changed =
    change.patch ||
    change.newlyRemoved.length ||
    change.newlyKept.length ||
    change.otherRule.length ||
    change.newBlocks.length ||
    change.vanishedBlocks.length ||
    change.metaChanged.length ||
    change.provenance.length;
  if (changed) return change;
  // Nothing a reader would name changed, yet the committed sidecar would be rewritten (the pipeline is compared per run).
  if (JSON.stringify({ ...a.sidecar, pipeline: null }) !== JSON.stringify({ ...b.sidecar, pipeline: null })) {
    change.provenance.push('block details (spans, kinds, offsets)');
    return change;
  }
  return null;
}
