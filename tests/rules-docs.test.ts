// The README's rule tables are generated from the registry (npm run docs:rules):
// a rule added, renamed or re-gated without regenerating them fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_END, RULES_START, withRuleTables } from '../src/rules/docs.js';
import { RULE_LIST } from '../src/rules/registry.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README rule tables', () => {
  it('are the ones the registry generates (run `npm run docs:rules`)', () => {
    expect(readme).toContain(RULES_START);
    expect(readme).toBe(withRuleTables(readme));
  });

  it('list every rule once', () => {
    const tables = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    for (const rule of RULE_LIST) expect(tables.match(new RegExp(`^\\| \`${rule.id}\``, 'gm')), rule.id).toHaveLength(1);
  });
});
