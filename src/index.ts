/**
 * unboil's public API. Nothing here reads argv, writes to stdout or exits:
 * the CLI (src/cli) is the only code that touches process state.
 */
export { clean, type CleanOptions } from './engine/clean.js';
export type { Cleaned } from './engine/sidecar.js';
export { runPipeline, type RunOptions, type RunSummary, type DocumentResult } from './engine/run.js';
export { loadPipeline, resolvePipeline, builtinPipelines, type Pipeline, type RunnablePipeline, type PipelineOptions, type ResolvedStage } from './config/pipeline.js';
export { parseSetting, type Setting } from './config/overrides.js';
export { optionChanges, formatChange, stageList, defaultStageList, type OptionChange, type StageList } from './config/option-changes.js';
export { pipelineSchema, type PipelineFile } from './config/schema.js';
export { jsonSchemas } from './config/json-schema.js';
export { sidecarSchema, type Sidecar, type SidecarBlock } from './model/sidecar.js';
export type { Block, BlockKind, Removal } from './model/block.js';
export type { UnboilFile, Format, DocumentMeta } from './model/document.js';
export type { Stage, StageSpec, DocumentStage, DocumentStageSpec, CorpusStage, StageContext } from './stages/types.js';
export { STAGES } from './stages/implementations.js';
export { STAGE_SPECS } from './stages/registry.js';
export { UnboilError, ConfigError, InputError, InternalError } from './errors.js';
export { createLogger, type Logger } from './log.js';
export { VERSION } from './version.js';
export type { TaskRunner, RunnerFactory } from './engine/task-runner.js';
