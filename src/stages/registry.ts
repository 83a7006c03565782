import { duplicateDocuments } from './corpus/duplicate-documents.js';
import { siteTemplate } from './corpus/site-template.js';
import { byline } from './meta/byline.js';
import { language } from './meta/language.js';
import { metadata } from './meta/metadata.js';
import { decode } from './read/decode.js';
import { boilerplate } from './text/boilerplate/index.js';
import { dedupe } from './text/dedupe.js';
import { normalize } from './text/normalize.js';
import { segment } from './text/segment.js';
import { htmlBoilerplate } from './html/boilerplate.js';
import { htmlMetadata } from './meta/html-metadata.js';
import type { Stage } from './types.js';

/**
 * Every stage a pipeline file may name, in the order they usually run.
 * To add a stage: write it in its own module under stages/<role>/, export a
 * DocumentStage or CorpusStage, and list it here.
 */
export const STAGES: readonly Stage[] = [
  decode,
  segment,
  normalize,
  language,
  boilerplate,
  htmlBoilerplate,
  byline,
  dedupe,
  htmlMetadata,
  metadata,
  duplicateDocuments,
  siteTemplate,
];

export const stageByName = new Map(STAGES.map((stage) => [stage.name, stage]));

/** Stages every pipeline must contain, in this order, before any other. */
export const REQUIRED_STAGES = ['decode', 'segment'] as const;
