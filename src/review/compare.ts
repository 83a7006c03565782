import { createTwoFilesPatch } from 'diff';
import type { SidecarBlock } from '../model/sidecar.js';
import type { StageList } from '../config/option-changes.js';
import { byName, readOutputDocument, type CleanedDocument, type OutputIndex } from './documents.js';
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

/** The pipelines one side was made with (name and full hash), as its sidecars say. */
export type UsedPipelines = Array<{ name: string; hash: string }>;

/**
 * How to know the stages and options of each side, for the option-by-option
 * pipeline changes: a stage list, or a function of the pipelines the side's
 * sidecars name (see recordedStages); absent or null when unknown.
 */
export interface Stages {
  before?: StageList | null | ((used: UsedPipelines) => StageList | null);
  after?: StageList | null | ((used: UsedPipelines) => StageList | null);
}

export const differs = (cmp: RunComparison): boolean => cmp.changed.length > 0 || cmp.added.length > 0 || cmp.missing.length > 0 || cmp.pipeline !== null;

/**
 * Builds the comparison of two runs one pair of documents at a time, so
 * that neither run is ever in memory whole: only the changes and the totals
 * are kept.
 */
export class RunComparer {
  readonly #result: RunComparison = { same: 0, changed: [], added: [], missing: [], rules: {}, pipeline: null };
  readonly #pipelines = { before: new Set<string>(), after: new Set<string>() };
  readonly #used = { before: new Map<string, { name: string; hash: string }>(), after: new Map<string, { name: string; hash: string }>() };
  readonly #stages: Stages;

  constructor(stages: Stages = {}) {
    this.#stages = stages;
  }

  #count(doc: CleanedDocument, side: 'before' | 'after'): void {
    for (const [rule, n] of Object.entries(doc.sidecar.stats.removedBy)) (this.#result.rules[rule] ??= { before: 0, after: 0 })[side] += n;
    const { name, hash } = doc.sidecar.pipeline;
    this.#pipelines[side].add(`${name}@${hash.slice(0, 8)}`);
    this.#used[side].set(`${name}\n${hash}`, { name, hash });
  }

  #stageList(side: 'before' | 'after'): StageList | null {
    const given = this.#stages[side];
    return typeof given === 'function' ? given([...this.#used[side].values()]) : (given ?? null);
  }

  /** One document of either run, or both: the old and the new output of one name. */
  add(before: CleanedDocument | null, after: CleanedDocument | null): void {
    if (before) this.#count(before, 'before');
    if (after) this.#count(after, 'after');
    if (before && after) {
      const change = compareDocument(before, after);
      if (change) this.#result.changed.push(change);
      else this.#result.same++;
    } else if (after) this.#result.added.push(after.name);
    else if (before) this.#result.missing.push(before.name);
  }

  result(): RunComparison {
    const r = this.#result;
    // "default@8f22da3b" for every pipeline used on one side, so a pipeline edit shows even when no text changed.
    const label = (set: Set<string>) => [...set].sort(byName).join(', ');
    const pipelines = { before: label(this.#pipelines.before), after: label(this.#pipelines.after) };
    return {
      same: r.same,
      changed: [...r.changed].sort((a, b) => byName(a.name, b.name)),
      added: [...r.added].sort(byName),
      missing: [...r.missing].sort(byName),
      rules: Object.fromEntries(Object.entries(r.rules).sort(([a], [b]) => byName(a, b))),
      pipeline:
        this.#pipelines.before.size && this.#pipelines.after.size && pipelines.before !== pipelines.after
          ? { ...pipelines, changes: pipelineChangeLines(this.#stageList('before'), this.#stageList('after')) }
          : null,
    };
  }
}

/**
 * What changed between two runs over the same inputs: clean text (as a
 * unified diff), blocks newly removed or newly kept with the rule
 * responsible, metadata, other provenance, and per-rule totals.
 */
export function compareRuns(before: CleanedDocument[], after: CleanedDocument[], stages: Stages = {}): RunComparison {
  const comparer = new RunComparer(stages);
  const now = new Map(after.map((d) => [d.name, d]));
  for (const a of before) {
    comparer.add(a, now.get(a.name) ?? null);
    now.delete(a.name);
  }
  for (const b of now.values()) comparer.add(null, b);
  return comparer.result();
}

/** Compares two output folders, reading one pair of documents at a time. */
export function compareFolders(before: OutputIndex, after: OutputIndex, cwd = '.', stages: Stages = {}): RunComparison {
  const comparer = new RunComparer(stages);
  const names = [...new Set([...before.files.keys(), ...after.files.keys()])].sort(byName);
  for (const name of names) comparer.add(readOutputDocument(before, name, cwd), readOutputDocument(after, name, cwd));
  return comparer.result();
}

/**
 * Compares an output folder with a stream of documents (a new run), reading
 * the folder's documents one at a time as their counterparts arrive.
 */
export async function compareWithFolder(
  before: OutputIndex,
  after: AsyncIterable<CleanedDocument> | Iterable<CleanedDocument>,
  cwd = '.',
  stages: Stages = {},
): Promise<RunComparison & { names: string[] }> {
  const comparer = new RunComparer(stages);
  const seen = new Set<string>();
  const names: string[] = [];
  for await (const doc of after) {
    seen.add(doc.name);
    names.push(doc.name);
    comparer.add(readOutputDocument(before, doc.name, cwd), doc);
  }
  for (const name of before.files.keys()) {
    if (seen.has(name)) continue;
    const doc = readOutputDocument(before, name, cwd);
    if (doc) comparer.add(doc, null);
  }
  return { ...comparer.result(), names };
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
  // Old blocks by text, each list read in order through a cursor: pushing and
  // shifting instead (copies, O(n) shifts) made 100,000 equal lines quadratic.
  const byText = new Map<string, { blocks: SidecarBlock[]; next: number }>();
  for (const ob of oldBlocks) {
    if (used.has(ob)) continue;
    const same = byText.get(ob.text);
    if (same) same.blocks.push(ob);
    else byText.set(ob.text, { blocks: [ob], next: 0 });
  }
  for (const nb of rest) {
    const same = byText.get(nb.text);
    const ob = same?.blocks[same.next];
    if (ob) {
      same.next++;
      pairs.set(nb, ob);
    }
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
  if (!same(a.sidecar.skipped, b.sidecar.skipped)) out.push(b.sidecar.skipped ? `skipped (${b.sidecar.skipped.reason})` : 'no longer skipped');
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
    source: b.location,
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
