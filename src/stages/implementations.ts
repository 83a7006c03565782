import type { Pipeline, RunnablePipeline } from '../config/pipeline.js';
import { byline } from './meta/byline.js';
import { htmlMetadata } from './meta/html-metadata.js';
import { language } from './meta/language.js';
import { metadata } from './meta/metadata.js';
import { decode } from './read/decode.js';
import { STAGE_SPECS } from './registry.js';
import { boilerplate } from './text/boilerplate/index.js';
import { dedupe } from './text/dedupe.js';
import { normalize } from './text/normalize.js';
import { segment } from './text/segment.js';
import { htmlBoilerplate } from './html/boilerplate.js';
import type { Stage } from './types.js';

/**
 * The code of the document stages, which only the threads that clean
 * documents import (worker threads, the library's in-process `clean()`):
 * the main thread of a run resolves pipelines from the registry's specs
 * alone. A corpus stage is its own spec.
 */
const DOCUMENT_STAGES: ReadonlyMap<string, Stage> = new Map(
  [decode, segment, normalize, language, boilerplate, htmlBoilerplate, byline, dedupe, htmlMetadata, metadata].map((stage) => [stage.name, stage]),
);

function implementationOf(spec: Stage | (typeof STAGE_SPECS)[number]): Stage {
  if (spec.kind === 'corpus') return spec;
  const stage = DOCUMENT_STAGES.get(spec.name);
  // The same options schema object: a stage that spreads its own spec, not a copy that could drift.
  if (!stage || stage.options !== spec.options) throw new Error(`stage "${spec.name}" has no implementation matching its spec (src/stages/implementations.ts)`);
  return stage;
}

/** Every stage with its code, in the registry's order. */
export const STAGES: readonly Stage[] = STAGE_SPECS.map(implementationOf);

/** A resolved pipeline with the code of its stages, to clean documents with. */
export function implement(pipeline: Pipeline): RunnablePipeline {
  return { ...pipeline, stages: pipeline.stages.map(({ stage, options }) => ({ stage: implementationOf(stage), options })) };
}
