// Regenerates schema/*.json from the zod schemas (run after `npm run build`).
// tests/schema.test.ts fails when the committed files drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/config/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(name, dir), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}`);
}
