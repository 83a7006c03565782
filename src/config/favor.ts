/**
 * `--favor precision|recall`, trafilatura's knob, as stage option overrides
 * applied like `--set` (before the user's own `--set`, which win): the
 * pipeline hash changes and `validate` shows the options. Each setting is
 * a documented option of a stage; bench:quality measured both directions
 * on both corpora (README, "--favor").
 */
export type Favor = 'precision' | 'recall';

export const FAVORS: readonly Favor[] = ['precision', 'recall'];

const SETTINGS: Record<Favor, readonly string[]> = {
  // Narrower main text, link-heavy short blocks out sooner, near-duplicates caught earlier.
  precision: ['boilerplate.partShare=0.5', 'html-boilerplate.maxLinkDensity=0.5', 'dedupe.nearDuplicate=0.5'],
  // Prose outside the main text stays, more runs join it, only link lists made almost wholly of links go.
  recall: ['boilerplate.partShare=0.15', 'boilerplate.keepOutsideProse=true', 'html-boilerplate.keepOutsideProse=true', 'html-boilerplate.maxLinkDensity=0.95'],
};

/** The `--set` overrides a `--favor` value stands for (none without one). */
export const favorSettings = (favor: Favor | undefined): readonly string[] => (favor ? SETTINGS[favor] : []);
