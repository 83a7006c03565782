import { z } from 'zod';
import { STAGE_SPECS } from '../stages/registry.js';

/** One stage entry: a name, or unified's `[name, options]` pair (`false` turns it off). */
function entrySchema() {
  const names = STAGE_SPECS.map((s) => s.name) as [string, ...string[]];
  const tuples = STAGE_SPECS.map((stage) =>
    z
      .tuple([z.literal(stage.name), z.union([stage.options as z.ZodType, z.boolean()])])
      .describe(`${stage.name}: ${stage.description}`),
  );
  return z.union([z.enum(names).describe('A stage with default options.'), ...tuples]);
}

export const pipelineSchema = z
  .object({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    name: z.string().min(1).optional().describe('Pipeline name (defaults to the file name).'),
    description: z.string().optional(),
    extends: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A built-in pipeline ("default", "strict") or the path, relative to this file, of a pipeline file to start from. Then "stages" lists only changes: an entry for a stage of the parent merges its options into the parent\'s (false turns the stage off, a bare name or true turns it back on); a stage the parent lacks is added where it comes in the usual stage order.',
      ),
    stages: z
      .array(entrySchema())
      .min(1)
      .optional()
      .describe('Stages in the order they run (decode and segment first, corpus stages last); with "extends", the changes to the parent\'s stages. Required without "extends".'),
  })
  .strict()
  .describe('An unboil pipeline: the stages that clean a document, in order, with their options.');

export type PipelineFile = z.infer<typeof pipelineSchema>;
