import { FAMILIES } from './registry.js';
import type { Gates, RuleSpec } from './types.js';

/**
 * The README's rule tables, generated from the registry so that they cannot
 * drift from the code: `npm run docs:rules` writes them between the markers,
 * tests/rules-docs.test.ts fails when the committed README differs.
 */
export const RULES_START = '<!-- rules:start (generated from src/rules/ by `npm run docs:rules`; do not edit) -->';
export const RULES_END = '<!-- rules:end -->';

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function gatesOf(gates: Gates | undefined): string {
  if (!gates) return '';
  return Object.entries(gates)
    .map(([name, value]) => (value === true ? name : `${name} ${value}`))
    .join(', ');
}

function gateCell(rule: RuleSpec): string {
  const parts = (['text', 'html'] as const).flatMap((mode) => {
    const g = gatesOf(rule.gates?.[mode]);
    return g ? [rule.modes.length > 1 ? `${mode}: ${g}` : g] : [];
  });
  return parts.join('; ');
}

function patternCell(rule: RuleSpec): string {
  const parts = Object.keys(rule.patterns ?? {}).map(code);
  const s = rule.selectors;
  if (s) {
    const elements = [...(s.tags ?? []).map((t) => `<${t}>`), ...(s.roles ?? []).map((r) => `role=${r}`)];
    const words = (s.words?.length ?? 0) + (s.tokens?.length ?? 0) + (s.contains?.length ?? 0) + (s.last?.length ?? 0);
    parts.push(`selectors: ${[...elements.map(code), `${words} class/id words`].join(', ')}`);
  }
  return parts.join(', ');
}

/** The first remove example, its first line, cut at 60 characters. */
function exampleCell(rule: RuleSpec): string {
  const first = rule.examples.remove[0];
  const text = first === undefined ? '' : typeof first === 'string' ? first : (first.text ?? first.html ?? '');
  const line = text.split('\n')[0]!;
  return code(line.length > 60 ? `${line.slice(0, 59)}…` : line);
}

/** The tables: one per family, one row per rule. */
export function ruleTables(): string {
  const out: string[] = [];
  for (const family of FAMILIES) {
    out.push(`**${family.title}**`, '', '| rule | modes | removes | gates | patterns | e.g. |', '| --- | --- | --- | --- | --- | --- |');
    for (const rule of family.rules) {
      const was = rule.aliases?.length ? ` (was ${rule.aliases.map(code).join(', ')})` : '';
      out.push(`| ${code(rule.id)}${was} | ${rule.modes.join(', ')} | ${cell(rule.description)} | ${cell(gateCell(rule))} | ${cell(patternCell(rule))} | ${cell(exampleCell(rule))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The README with its rule tables replaced by the registry's. @throws when a marker is missing */
export function withRuleTables(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${RULES_START} … ${RULES_END}`);
  return `${readme.slice(0, start + RULES_START.length)}\n\n${ruleTables()}\n${readme.slice(end)}`;
}
