// Regenerates the rule tables of README.md from the rule registry (run after `npm run build`).
// tests/rules-docs.test.ts fails when the committed README drifts from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRuleTables } from '../dist/rules/docs.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withRuleTables(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md rule tables up to date' : 'wrote the rule tables of README.md');
