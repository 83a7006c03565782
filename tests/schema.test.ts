import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/config/json-schema.js';
import { sidecarSchema } from '../src/model/sidecar.js';
import { cleanSeed, ROOT } from './helpers/seeds.js';

describe('JSON Schemas', () => {
  it('the committed schema/ files match the zod schemas (run `npm run schema` after changing them)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(`${ROOT}schema/${name}`, 'utf8'));
      expect(committed, `schema/${name} is stale: run npm run schema`).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('every pipeline file points at the generated schema', () => {
    for (const name of readdirSync(`${ROOT}pipelines`)) {
      expect(JSON.parse(readFileSync(`${ROOT}pipelines/${name}`, 'utf8')).$schema, name).toBe('../schema/pipeline.schema.json');
    }
  });

  it('sidecars satisfy the sidecar schema', () => {
    expect(sidecarSchema.safeParse(cleanSeed('004').sidecar).success).toBe(true);
  });
});
