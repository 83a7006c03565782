import type { Command } from 'commander';
import { defaultStageList, optionChanges, shownValue, stageList } from '../config/option-changes.js';
import { ConfigError } from '../errors.js';
import { EXIT } from './io.js';
import type { CommandContext } from './main.js';
import { favorOption, langOption, pipelineFromFlags, setOption, type PipelineFlags } from './pipeline-flags.js';

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('Check pipeline files (or built-in names) and print their resolved stages and the options that differ from the stage defaults')
    .argument('<pipeline...>', 'pipeline JSON files or built-in names')
    .addOption(setOption())
    .addOption(favorOption())
    .addOption(langOption())
    .addHelpText('after', '\nExit codes: 0 every pipeline is valid; 2 at least one is not (each problem named with its JSON path).')
    .action((pipelines: string[], flags: Omit<PipelineFlags, 'pipeline'>) => {
      const { io } = ctx;
      for (const name of pipelines) {
        try {
          const pipeline = pipelineFromFlags({ ...flags, pipeline: name }, io);
          const parents = pipeline.extends ? `, extends ${pipeline.extends.join(' → ')}` : '';
          io.stdout(`${name}: ok (pipeline "${pipeline.name}"${parents}, ${pipeline.stages.map((s) => s.stage.name).join(' → ')})\n`);
          const changed = optionChanges(defaultStageList(pipeline), stageList(pipeline));
          io.stdout(`  hash ${pipeline.hash.slice(0, 12)}; ${changed.length ? 'options that differ from the stage defaults:' : 'every option at its default'}\n`);
          for (const c of changed) io.stdout(`  ${c.path} = ${JSON.stringify(c.after)} (default ${shownValue(c.before)})\n`);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          io.stderr(`${name}: ${error.issues.length ? 'invalid' : error.message}\n`);
          for (const issue of error.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
          ctx.exitCode = EXIT.usage;
        }
      }
    });
}
