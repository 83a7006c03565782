import { duplicateDocuments } from './corpus/duplicate-documents.js';
import { siteTemplate } from './corpus/site-template.js';
import { boilerplateSpec } from './specs/boilerplate.js';
import { bylineSpec } from './specs/byline.js';
import { decodeSpec } from './specs/decode.js';
import { dedupeSpec } from './specs/dedupe.js';
import { htmlBoilerplateSpec } from './specs/html-boilerplate.js';
import { htmlMetadataSpec } from './specs/html-metadata.js';
import { languageSpec } from './specs/language.js';
import { metadataSpec } from './specs/metadata.js';
import { normalizeSpec } from './specs/normalize.js';
import { segmentSpec } from './specs/segment.js';
import type { StageSpec } from './types.js';

/**
 * Every stage a pipeline file may name, in the order they usually run: the
 * spec of each document stage (name, formats, description, options), which
 * is all that resolving a pipeline needs, and each corpus stage whole.
 * To add a document stage: write its spec under stages/specs/, its code in
 * its own module under stages/<role>/ (a DocumentStage spreading the spec),
 * list the spec here and the stage in implementations.ts.
 */
export const STAGE_SPECS: readonly StageSpec[] = [
  decodeSpec,
  segmentSpec,
  normalizeSpec,
  languageSpec,
  boilerplateSpec,
  htmlBoilerplateSpec,
  bylineSpec,
  dedupeSpec,
  htmlMetadataSpec,
  metadataSpec,
  duplicateDocuments,
  siteTemplate,
];

export const specByName = new Map(STAGE_SPECS.map((stage) => [stage.name, stage]));

/** Stages every pipeline must contain, in this order, before any other. */
export const REQUIRED_STAGES = ['decode', 'segment'] as const;
