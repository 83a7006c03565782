import type { BlockView } from '../../../model/block-view.js';
import type { Removal } from '../../../model/block.js';
import type { DocumentContext } from '../../../model/document.js';
import type { RuleSpec, RuleSwitch } from '../../../rules/registry.js';

/** A kept block with the features the rules look at (the document's block view). */
export type Item = BlockView;

/** What every boilerplate rule gets: the kept blocks in order, and a way to remove one. */
export class RuleContext {
  readonly items: Item[];
  /** The document's language (ISO 639-1), when known: date parsing uses it. */
  readonly lang: string | null;
  constructor(
    private readonly doc: DocumentContext,
    /** Which rules the pipeline has on. */
    readonly on: RuleSwitch = () => true,
    /**
     * With the block scorer on, the removals the position rules make
     * (`propose`) are collected here by block index instead of applied: the
     * scorer decides them (scorer.ts). Null: they are applied at once.
     */
    readonly proposed: Map<number, Removal> | null = null,
  ) {
    this.lang = doc.data.meta.lang;
    this.items = doc.keptViews();
  }

  /** Removes the block under the rule's id; false (nothing done) when the pipeline turned the rule off. */
  remove(item: Item, rule: RuleSpec, reason: string): boolean {
    if (!this.on(rule)) return false;
    this.doc.remove(item.block, { stage: 'boilerplate', rule: rule.id, reason });
    return true;
  }

  /**
   * A removal the block scorer may overrule (the position rules of
   * main-text.ts): recorded in `proposed` when the scorer is on, applied
   * otherwise. Those rules read no removal of each other, so that proposing
   * instead of removing changes nothing they decide.
   */
  propose(item: Item, rule: RuleSpec, reason: string): boolean {
    if (!this.proposed) return this.remove(item, rule, reason);
    if (!this.on(rule) || item.block.removed || this.proposed.has(item.block.i)) return false;
    this.proposed.set(item.block.i, { stage: 'boilerplate', rule: rule.id, reason });
    return true;
  }

  /** The items still kept, in order. */
  kept(): Item[] {
    return this.items.filter((item) => !item.block.removed);
  }
}

export type Rule = (ctx: RuleContext) => void;
