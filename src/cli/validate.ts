import type { Command } from 'commander';
import { loadPipeline } from '../config/pipeline.js';
import { ConfigError } from '../errors.js';
import { EXIT } from './io.js';
import type { CommandContext } from './main.js';

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('Check pipeline files (or built-in names) and print their resolved stages')
    .argument('<pipeline...>', 'pipeline JSON files or built-in names')
    .addHelpText('after', '\nExit codes: 0 every pipeline is valid; 2 at least one is not (each problem named with its JSON path).')
    .action((pipelines: string[]) => {
      const { io } = ctx;
      for (const name of pipelines) {
        try {
          const pipeline = loadPipeline(name, io.cwd);
          io.stdout(`${name}: ok (pipeline "${pipeline.name}", ${pipeline.stages.map((s) => s.stage.name).join(' → ')})\n`);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          io.stderr(`${name}: ${error.issues.length ? 'invalid' : error.message}\n`);
          for (const issue of error.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
          ctx.exitCode = EXIT.usage;
        }
      }
    });
}
