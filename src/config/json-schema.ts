import { z } from 'zod';
import { sidecarSchema } from '../model/sidecar.js';
import { pipelineSchema } from './schema.js';

/** JSON Schemas generated from the zod schemas (committed under schema/; a test fails when they drift). */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'pipeline.schema.json': { ...z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any' }), title: 'unboil pipeline' },
    'document.schema.json': { ...z.toJSONSchema(sidecarSchema, { unrepresentable: 'any' }), title: 'unboil/document@1 sidecar' },
  };
}
