import { z } from 'zod';
import { runSummarySchema } from '../model/run-summary.js';
import { sidecarSchema } from '../model/sidecar.js';
import { pipelineSchema } from './schema.js';

/** JSON Schemas generated from the zod schemas (committed under schema/; a test fails when they drift). */
export function jsonSchemas(): Record<string, unknown> {
  return {
    // zod cannot say "stages unless extends"; JSON Schema can, so that editors flag a file with neither.
    'pipeline.schema.json': { ...z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any' }), anyOf: [{ required: ['stages'] }, { required: ['extends'] }], title: 'unboil pipeline' },
    'document.schema.json': { ...z.toJSONSchema(sidecarSchema, { unrepresentable: 'any' }), title: 'unboil/document@1 sidecar' },
    'run.schema.json': { ...z.toJSONSchema(runSummarySchema, { unrepresentable: 'any' }), title: 'unboil/run@1 summary' },
  };
}
