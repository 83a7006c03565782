import { z } from 'zod';
import { breadcrumbs, emptySection, footer, form, header, hidden, jsonLdBody, linkList, personBox, sidebar, teaserList } from './html-only.js';
import { scorer } from './scorer.js';
import { afterMain, beforeMain, linkSection, navigation, outsideMain, siteHeader, siteName } from './main-text.js';
import { authorBox, citation, consent, credit, disclaimer, disclosure, license, noJavascript, pagination, postMeta, rating, readerPrompt, readingTime, readMore } from './notices.js';
import { caption, comments, gallery, glossary, related, tags } from './structures.js';
import type { Mode, RuleSpec } from './types.js';
import { ads, cookie, copyright, languageSwitcher, legal, newsletter, social, uiLabel } from './widgets.js';

export type { Example, ExampleSpec, Mode, Placement, RuleSpec, SelectorGroup } from './types.js';

/**
 * Every removal rule of the boilerplate stages (text `boilerplate`, HTML
 * `html-boilerplate`), declared once: the stages take ids, gates and
 * patterns from here, so that one widget has one id in both modes.
 */
export const RULES = {
  comments, tags, gallery, glossary, related, caption,
  languageSwitcher, social, ads, uiLabel, copyright, legal, cookie, newsletter,
  readerPrompt, disclosure, pagination, readMore, credit, postMeta, rating, license, disclaimer, citation, readingTime, consent, noJavascript, authorBox,
  navigation, siteHeader, siteName, beforeMain, afterMain, outsideMain, linkSection,
  hidden, breadcrumbs, header, footer, sidebar, form, teaserList, linkList, personBox, emptySection, jsonLdBody, scorer,
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES]['id'];

/** The rules grouped as the README's tables show them. */
export const FAMILIES: ReadonlyArray<{ title: string; rules: readonly RuleSpec[] }> = [
  { title: 'Widgets made of several blocks', rules: [comments, tags, gallery, glossary, related, caption] },
  { title: 'One-line widgets', rules: [languageSwitcher, social, ads, uiLabel, copyright, legal, cookie, newsletter] },
  { title: 'Sentences widgets write (at the start of a block of at most 40 words)', rules: [readerPrompt, disclosure, pagination, readMore, credit, postMeta, rating, license, disclaimer, citation, readingTime, consent, noJavascript, authorBox] },
  { title: 'Position: the main text and what lies around it', rules: [navigation, siteHeader, siteName, beforeMain, afterMain, outsideMain, linkSection] },
  { title: 'HTML structure', rules: [hidden, breadcrumbs, header, footer, sidebar, form, teaserList, linkList, personBox, emptySection, jsonLdBody] },
  { title: 'Learned: the block scorer of both modes', rules: [scorer] },
];

export const RULE_LIST: readonly RuleSpec[] = Object.values(RULES);
export const ruleById: ReadonlyMap<string, RuleSpec> = new Map(RULE_LIST.map((r) => [r.id, r]));

/**
 * Names pipeline files used before the registry, each standing for the rules
 * it now means: the ids of one widget that differed between the modes, and
 * the rule families the text stage could turn off (`boilerplate.rules.widgets`).
 */
const FAMILY_ALIASES: Readonly<Record<string, { mode: Mode; rules: readonly RuleSpec[] }>> = {
  widgets: { mode: 'text', rules: [languageSwitcher, social, ads, uiLabel, copyright, legal, cookie, newsletter, navigation] },
  notices: { mode: 'text', rules: [readerPrompt, disclosure, pagination, readMore, credit, postMeta, rating, license, disclaimer, citation, readingTime, consent, noJavascript, authorBox] },
  captions: { mode: 'text', rules: [caption] },
  pitches: { mode: 'text', rules: [newsletter] },
};

/** Deprecated names accepted in a mode's `rules` option, with the rules each stands for. */
export function aliasesFor(mode: Mode): Map<string, readonly RuleSpec[]> {
  const out = new Map<string, readonly RuleSpec[]>();
  for (const rule of RULE_LIST) if (rule.modes.includes(mode)) for (const alias of rule.aliases ?? []) out.set(alias, [rule]);
  for (const [name, family] of Object.entries(FAMILY_ALIASES)) if (family.mode === mode) out.set(name, family.rules);
  return out;
}

export const rulesFor = (mode: Mode): RuleSpec[] => RULE_LIST.filter((r) => r.modes.includes(mode));

/**
 * The `rules` option of a boilerplate stage: `{ "<rule id>": false }` turns
 * one rule off. Every id of the mode is a known key (so that a misspelt one
 * gets a "did you mean"), and so is every deprecated alias.
 */
export function rulesOption(mode: Mode) {
  const ids = rulesFor(mode);
  const shape: Record<string, z.ZodDefault<z.ZodBoolean> | z.ZodOptional<z.ZodBoolean>> = {};
  for (const rule of ids) shape[rule.id] = z.boolean().default(true).describe(rule.description);
  for (const [alias, rules] of aliasesFor(mode)) shape[alias] = z.boolean().optional().describe(`deprecated: use ${rules.map((r) => `"${r.id}"`).join(', ')}`);
  return z
    .object(shape)
    .strict()
    .default(Object.fromEntries(ids.map((rule) => [rule.id, true])))
    .describe('Turn single rules off by id ({ "related": false }); all on by default. The ids are those of the sidecars.');
}

/** Whether a rule is on, by a stage's `rules` option (deprecated aliases included). */
export type RuleSwitch = (rule: RuleSpec) => boolean;

export function ruleSwitch(mode: Mode, rules: Readonly<Record<string, boolean | undefined>>): RuleSwitch {
  const off = new Set<string>();
  const aliases = aliasesFor(mode);
  for (const [name, on] of Object.entries(rules)) {
    if (on !== false) continue;
    for (const rule of aliases.get(name) ?? [ruleById.get(name)].filter((r) => r !== undefined)) off.add(rule.id);
  }
  return (rule) => !off.has(rule.id);
}

/** Warnings for deprecated names in a `rules` option (shown by the CLI when the pipeline loads). */
export function ruleWarnings(stage: string, mode: Mode, rules: Readonly<Record<string, boolean | undefined>>): string[] {
  const aliases = aliasesFor(mode);
  return Object.keys(rules).flatMap((name) => {
    const meant = aliases.get(name);
    if (!meant || ruleById.get(name)?.modes.includes(mode)) return [];
    return [`${stage}.rules.${name} is deprecated: use ${meant.map((r) => `"${r.id}"`).join(', ')}`];
  });
}

